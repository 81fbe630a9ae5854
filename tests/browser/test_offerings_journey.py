"""Culture offerings in the browser: a resident enrols two people in Finnish, and care-unit staff
order an on-request session, then accept the other time the provider proposed.

Locators use ids, classes and data attributes, not UI texts, so the journeys keep working as the
Finnish and Swedish translations of the new strings arrive.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.core.timeranges import LOCAL_ZONE, Interval, local_datetime
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Keyword,
    Occurrence,
    OccurrenceStatus,
    OfferingAudience,
    OfferingImage,
    OfferingLanguage,
    OrderStatus,
)
from lampio.offerings.services import OrderDetails, enrol, place_order, propose_other_time
from lampio.spaces.models import Venue
from lampio.tenancy.models import OrganisationKind
from tests.browser.conftest import _context, assert_accessible, axe_violations, describe


@pytest.fixture
def city(make_municipality):
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def workshop(make_offering, make_organisation, city):
    provider = make_organisation(municipality=city)
    make_offering(organisation=provider, title_fi="Lukupiiri", title_en="Reading circle")
    return make_offering(
        organisation=provider, occurrences=2, capacity=5, title_fi="Savipaja", title_en="Clay"
    )


def test_resident_enrols_two_people_in_finnish_and_sees_it_in_my_enrolments(
    page, log_in, resident, workshop
):
    log_in(page, resident)
    page.goto("/fi/")
    page.locator("nav.main-nav a[href='/fi/offerings/']").click()
    expect(page.locator(".offering-result")).to_have_count(2)
    assert_accessible(page)

    # Narrow the search with htmx; the live region counts the new results.
    page.locator("#id_q").fill("savipaja")
    page.locator("form.offering-search button[type=submit]").click()
    expect(page.locator(".offering-result")).to_have_count(1)
    expect(page.locator("#result-count")).to_have_text(re.compile(r"\b1\b"))
    assert_accessible(page)

    page.locator(f".offering-result[data-offering='{workshop.pk}'] h3 a").click()
    expect(page).to_have_url(re.compile(rf"/fi/offerings/{workshop.pk}/$"))
    expect(page.locator("h1")).to_have_text("Savipaja")
    events = json.loads(page.locator("script[type='application/ld+json']").text_content() or "")
    assert [event["name"] for event in events] == ["Savipaja", "Savipaja"]
    # Browsers hide the nonce attribute from the DOM; the element's property keeps it.
    assert page.locator("script[type='application/ld+json']").evaluate("el => el.nonce")
    assert_accessible(page)

    first = workshop.occurrences.order_by("starts_at").first()
    time_card = page.locator(f".occurrence[data-occurrence='{first.pk}']")
    time_card.locator(f"#id_{first.pk}_seats").select_option("2")
    time_card.locator("form.enrol-form button[type=submit]").click()

    enrolment = Enrolment.objects.get(person=resident)
    assert enrolment.seats == 2 and enrolment.status == EnrolmentStatus.CONFIRMED
    expect(page).to_have_url(re.compile(rf"/fi/offerings/enrolments/{enrolment.pk}/$"))
    expect(page.locator(".enrolment-status--confirmed")).to_be_visible()
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page)

    # The offering's page now tells the seats left and that the resident is enrolled.
    page.goto(f"/fi/offerings/{workshop.pk}/")
    expect(time_card.locator(".enrolment-status--confirmed")).to_be_visible()
    expect(time_card.locator(".seats")).to_contain_text("3")

    page.locator("nav.main-nav a[href='/fi/offerings/enrolments/']").click()
    row = page.locator(f".enrolment-row[data-enrolment='{enrolment.pk}']")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(2)).to_have_text("2")
    assert_accessible(page)

    # The cancel confirmation is a page of its own; nothing is cancelled before it is sent.
    row.locator("a.cancel-link").click()
    expect(page.locator("form.cancel-form")).to_be_visible()
    assert_accessible(page)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CONFIRMED

    # The month of the time, which is not always this month.
    day = first.starts_at.astimezone(LOCAL_ZONE).date().isoformat()
    page.goto(f"/fi/offerings/calendar/?day={day}&period=month")
    expect(page.locator(f".calendar-entry[data-occurrence='{first.pk}']")).to_have_count(1)
    assert_accessible(page)


def test_a_full_time_without_javascript_keeps_the_choice_and_offers_the_waiting_list(
    page_without_js, log_in, resident, make_user, workshop
):
    page = page_without_js
    first = workshop.occurrences.order_by("starts_at").first()
    enrol(actor=make_user(), occurrence=first, seats=4)
    log_in(page, resident)
    page.goto(f"/fi/offerings/{workshop.pk}/")
    time_card = page.locator(f".occurrence[data-occurrence='{first.pk}']")
    time_card.locator(f"#id_{first.pk}_seats").select_option("3")
    time_card.locator("form.enrol-form button[type=submit]").click()

    # The refusal stands next to the number of people, which keeps the chosen 3.
    expect(page.locator("#id_seats_error")).to_be_visible()
    expect(page.locator("#id_seats")).to_have_value("3")
    assert "id_seats_error" in (page.locator("#id_seats").get_attribute("aria-describedby") or "")
    page.locator("#id_waitlist").check()
    page.locator("main form.form button[type=submit]").click()

    enrolment = Enrolment.objects.get(person=resident)
    assert enrolment.status == EnrolmentStatus.WAITLISTED and enrolment.seats == 3
    expect(page.locator(".enrolment-status--waitlisted")).to_be_visible()


@pytest.fixture
def care_unit(make_organisation, city):
    return make_organisation(municipality=city, kind=OrganisationKind.CARE_UNIT)


@pytest.fixture
def on_request(make_offering, make_organisation, city):
    offering = make_offering(
        organisation=make_organisation(municipality=city),
        occurrences=0,
        on_request=True,
        allows_enrolment=False,
        title_fi="Museo tulee kylään",
        title_en="The museum visits you",
    )
    OfferingAudience.objects.create(offering=offering, audience="care_units")
    return offering


def test_care_unit_staff_order_on_request_then_accept_the_providers_time(
    page, browser, page_problems, log_in, live_server, settings, make_member, care_unit, on_request
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    carer = make_member(care_unit, role="care_staff")
    log_in(page, carer)
    page.goto(f"/fi/offerings/{on_request.pk}/")
    assert_accessible(page)
    page.locator("a.order-link").click()
    expect(page).to_have_url(re.compile(rf"/fi/offerings/{on_request.pk}/order/$"))
    assert_accessible(page)

    day = timezone.localdate() + timedelta(days=12)
    expect(page.locator("#id_unit")).to_have_value(str(care_unit.pk))
    page.locator("#id_group_size").fill("14")
    page.locator("#id_accompanying_staff").fill("3")
    page.locator("#id_proposed_1_date").fill(day.isoformat())
    page.locator("#id_proposed_1_start").fill("09:30")
    page.locator("#id_proposed_1_end").fill("10:30")
    page.locator("#id_special_needs").fill("Yksi pyörätuoli")
    page.locator("form.order-form button[type=submit]").click()

    order = GroupOrder.objects.get()
    expect(page).to_have_url(re.compile(rf"/fi/offerings/orders/{order.pk}/$"))
    expect(page.locator(".order-status--pending")).to_be_visible()
    assert_accessible(page)
    assert order.group_size == 14 and order.proposed_times.count() == 1

    # The provider answers from their desk in their own browser session.
    provider = make_member(on_request.organisation, role="provider_editor")
    provider_page = _context(browser, live_server).new_page()
    page_problems.watch(provider_page)
    log_in(provider_page, provider)
    organisation = on_request.organisation
    provider_page.goto(
        f"/fi/staff/{organisation.municipality.slug}/{organisation.slug}/offerings/orders/{order.pk}/"
    )
    assert_accessible(provider_page)
    other_day = timezone.localdate() + timedelta(days=15)
    provider_page.locator("#id_propose-date").fill(other_day.isoformat())
    provider_page.locator("#id_propose-starts").fill("13:00")
    provider_page.locator("#id_propose-ends").fill("14:00")
    provider_page.locator("#id_propose-message").fill("Aamupäivät ovat täynnä.")
    provider_page.locator("form[action$='/propose/'] button[type=submit]").click()
    expect(provider_page.locator(".message--success")).to_be_visible()
    assert_accessible(provider_page)
    provider_page.context.close()
    order.refresh_from_db()
    assert order.status == OrderStatus.PROPOSED
    other = local_datetime(other_day, time(13))

    page.goto("/fi/offerings/orders/")
    card = page.locator(f".order[data-order='{order.pk}']")
    expect(card.locator(".order-status--proposed")).to_be_visible()
    expect(card.locator(".proposal")).to_contain_text("Aamupäivät ovat täynnä.")
    assert_accessible(page)
    card.locator("form.accept-time-form button").click()

    expect(page).to_have_url(re.compile(rf"/fi/offerings/orders/{order.pk}/$"))
    expect(page.locator(".order-status--accepted")).to_be_visible()
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page)
    order.refresh_from_db()
    assert order.status == OrderStatus.ACCEPTED
    assert order.occurrence is not None and order.occurrence.starts_at == other


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_offering_pages_have_no_axe_violations(
    page,
    log_in,
    language,
    settings,
    resident,
    make_user,
    make_member,
    care_unit,
    on_request,
    make_offering,
    make_organisation,
    city,
):
    """Every resident and care-unit page of offerings that needs objects, and its forms sent
    back with errors."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.MEDIA_URL = "/static/img/"  # the live server serves static files but no media
    provider = make_organisation(municipality=city)
    venue = Venue.objects.create(
        organisation=provider,
        slug="talo",
        name_fi="Kulttuuritalo",
        street_address="Kirkkokatu 1",
        postal_code="90100",
        post_office="Oulu",
        accessibility_fi="Esteetön sisäänkäynti.",
    )
    offering = make_offering(
        organisation=provider,
        occurrences=3,
        capacity=3,
        venue=venue,
        age_min=4,
        age_max=8,
        is_free=False,
        price=Decimal("8.00"),
        description_fi="Pitkä kuvaus.",
        accessibility_fi="Induktiosilmukka.",
    )
    # Transactional tests flush the keywords the migration loaded, so make one here.
    keyword, _ = Keyword.objects.get_or_create(
        key="axe-ceramics", defaults={"name_fi": "Keramiikka"}
    )
    offering.keywords.add(keyword)
    OfferingAudience.objects.create(offering=offering, audience="children")
    OfferingLanguage.objects.create(offering=offering, language="fi")
    OfferingImage.objects.create(
        offering=offering, image="favicon.svg", alt_text_fi="Savikuppeja", photographer="Aino"
    )
    first, second, third = offering.occurrences.order_by("starts_at")
    enrolment = enrol(actor=resident, occurrence=first, seats=1)
    late = enrol(actor=resident, occurrence=third, seats=1)
    soon = timezone.now() + timedelta(hours=3)
    Occurrence.objects.filter(pk=third.pk).update(starts_at=soon, ends_at=soon + timedelta(hours=1))
    enrol(actor=make_user(), occurrence=second, seats=3)
    Occurrence.objects.filter(pk=second.pk).update(
        status=OccurrenceStatus.POSTPONED, notice_fi="Esiintyjä on sairas."
    )
    carer = make_member(care_unit, role="care_staff")
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=9)
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=on_request,
        details=OrderDetails(
            group_size=8, proposed_times=[Interval(start, start + timedelta(hours=1))]
        ),
    )
    propose_other_time(
        actor=make_member(on_request.organisation, role="provider_editor"),
        order=order,
        starts_at=start + timedelta(days=1),
        ends_at=start + timedelta(days=1, hours=1),
        message="Käykö tämä?",
    )
    problems: list[str] = []

    def sweep(label: str) -> None:
        expect(page.locator("h1"), f"one h1 on {label}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{label}:\n{describe(violations)}")

    def visit(path: str) -> None:
        response = page.goto(f"/{language}/{path}")
        assert response is not None and response.status == 200, path
        sweep(f"/{language}/{path}")

    log_in(page, resident)
    day = first.starts_at.date().isoformat()
    for path in (
        "offerings/?format=online&price=paid&accessible=on",
        "offerings/?date_from=2031-02-01&date_to=2031-01-01",  # a search with errors
        f"offerings/calendar/?day={day}",
        f"offerings/calendar/?day={day}&period=month",
        f"offerings/{offering.pk}/",
        f"offerings/{on_request.pk}/",
        f"offerings/providers/{city.slug}/{provider.slug}/",
        f"offerings/times/{first.pk}/enrol/",
        f"offerings/enrolments/{enrolment.pk}/",
        f"offerings/enrolments/{enrolment.pk}/cancel/",
        "offerings/enrolments/",
    ):
        visit(path)
    # Forms sent back with errors: enrolling twice, and cancelling after the deadline.
    page.goto(f"/{language}/offerings/times/{first.pk}/enrol/")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".errorlist").nth(0)).to_be_attached()
    sweep("enrolling twice")
    page.goto(f"/{language}/offerings/enrolments/{late.pk}/cancel/")
    page.locator("main form.cancel-form button[type=submit]").click()
    expect(page.locator("#cancel-error")).to_have_count(1)
    sweep("cancelling too late")

    log_in(page, carer)
    for path in (
        f"offerings/{on_request.pk}/order/",
        f"offerings/{offering.pk}/order/",
        "offerings/orders/",
        f"offerings/orders/{order.pk}/",
        f"offerings/orders/{order.pk}/cancel/",
    ):
        visit(path)
    page.goto(f"/{language}/offerings/{on_request.pk}/order/")
    page.locator("#id_proposed_2_start").fill("10:00")
    page.locator("form.order-form button[type=submit]").click()
    expect(page.locator(".errorlist").nth(1)).to_be_attached()
    sweep("order form with errors")
    assert not problems, "\n".join(problems)
