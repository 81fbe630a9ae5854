"""A culture provider publishes a recurring workshop: logs in, creates the offering, previews
and confirms a weekly schedule, publishes it, and finds it on the public page. And axe-core over
every page of the provider's desk in Finnish, Swedish and English.

Locators use ids, names and data attributes that do not depend on the UI language, so the
journey keeps working as the Finnish and Swedish translations of the new strings arrive.
"""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import PASSWORD
from lampio.core.timeranges import local_datetime
from lampio.offerings.models import (
    Audience,
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Occurrence,
    Offering,
    OfferingImage,
    OfferingStatus,
    ProposedTime,
)
from lampio.spaces.models import Venue
from lampio.tenancy.models import OrganisationKind, Role
from tests.browser.conftest import assert_accessible, axe_violations, describe


@pytest.fixture
def museum(make_municipality, make_organisation):
    return make_organisation(municipality=make_municipality(slug="oulu", name="Oulu"))


@pytest.fixture
def venue(museum):
    return Venue.objects.create(
        organisation=museum,
        slug="valve",
        name_fi="Kulttuuritalo Valve",
        street_address="Hallituskatu 7",
        postal_code="90100",
        post_office="Oulu",
    )


def public_page_path(offering: Offering) -> str | None:
    """The resident page of the offering, when the app has one."""
    try:
        return reverse("offerings:detail", kwargs={"offering_id": offering.pk})
    except NoReverseMatch:
        return None


def log_in_with_password(page: Page, email: str) -> None:
    page.goto("/fi/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_provider_publishes_a_recurring_workshop(page, settings, museum, venue, make_member):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    editor = make_member(museum, role=Role.PROVIDER_EDITOR, first_name="Pirjo")
    desk = f"/fi/staff/oulu/{museum.slug}/offerings/"
    log_in_with_password(page, editor.email)

    # From the staff area to the organisation, and from there to its offerings desk.
    page.goto("/fi/staff/")
    page.locator(f"main a[href='/fi/staff/oulu/{museum.slug}/']").click()
    page.locator(f"main a[href='{desk}']").click()
    expect(page).to_have_url(re.compile(rf"{desk}$"))
    assert_accessible(page)

    # A new offering: a missing venue comes back next to its field with the title kept.
    page.locator(f"main a[href='{desk}new/']").click()
    assert_accessible(page)
    page.locator("#id_title_fi").fill("Savipaja lapsille")
    page.locator("#id_title_sv").fill("Lerverkstad för barn")
    page.locator("#id_short_description_fi").fill("Muovaillaan savesta kuppeja ja eläimiä.")
    page.locator(f"input[name=audiences][value={Audience.CHILDREN}]").check()
    page.locator("input[name=languages][value=fi]").check()
    page.locator("#id_age_min").fill("6")
    page.locator("#id_age_max").fill("12")
    page.locator("input[name=format][value=on_site]").check()
    page.locator("main form.form button[type=submit]").last.click()
    expect(page.locator("#id_venue")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_title_fi")).to_have_value("Savipaja lapsille")
    assert_accessible(page)
    page.locator("#id_venue").select_option(str(venue.pk))
    page.locator("main form.form button[type=submit]").last.click()

    # Saved as a draft; the next step is its times.
    offering = Offering.objects.get(organisation=museum)
    assert offering.status == OfferingStatus.DRAFT and offering.venue == venue
    expect(page).to_have_url(re.compile(rf"{desk}{offering.pk}/times/$"))
    assert_accessible(page)

    # A weekly schedule on Tuesdays and Thursdays for three weeks, without the second Thursday.
    today = timezone.localdate()
    first = today + timedelta(days=(1 - today.weekday()) % 7 or 7)  # next Tuesday
    skipped = first + timedelta(days=9)
    page.locator(f"main a[href='{desk}{offering.pk}/times/weekly/']").click()
    assert_accessible(page)
    page.locator("#id_first_date").fill(first.isoformat())
    page.locator("#id_starts").fill("17:00")
    page.locator("#id_ends").fill("18:30")
    page.locator("input[name=weekdays][value='1']").check()
    page.locator("input[name=weekdays][value='3']").check()
    page.locator("#id_last_date").fill((first + timedelta(days=16)).isoformat())
    page.locator("#id_skip_dates").fill(skipped.strftime("%d.%m.%Y"))
    page.locator("#id_capacity").fill("12")
    page.locator("#preview-schedule").click()

    # The preview lists the dates; nothing is added before confirming.
    dates = page.locator("#preview-dates li")
    expect(dates).to_have_count(5)
    expect(dates.first).to_contain_text(first.strftime("%-d.%-m.%Y"))
    expect(page.locator("#preview-dates")).not_to_contain_text(skipped.strftime("%-d.%-m.%Y"))
    assert offering.occurrences.count() == 0
    assert_accessible(page)
    page.locator("#confirm-schedule").click()

    expect(page).to_have_url(re.compile(rf"{desk}{offering.pk}/times/$"))
    expect(page.locator("#occurrence-table tbody tr")).to_have_count(5)
    starts = sorted(offering.occurrences.values_list("starts_at", flat=True))
    expected = [first + timedelta(days=n) for n in (0, 2, 7, 14, 16)]
    assert starts == [local_datetime(day, time(17)) for day in expected]
    assert set(offering.occurrences.values_list("capacity", flat=True)) == {12}
    assert_accessible(page)

    # One time's page: its participants (none yet) and the forms to change it.
    page.locator("#occurrence-table tbody tr a").first.click()
    expect(page.locator("#occurrence-status")).to_have_attribute("data-status", "scheduled")
    assert_accessible(page)

    # Publish from the offering's details page.
    page.goto(f"{desk}{offering.pk}/")
    expect(page.locator("#offering-status")).to_have_attribute("data-status", "draft")
    assert_accessible(page)
    page.locator("#publish-button").click()
    expect(page.locator("#offering-status")).to_have_attribute("data-status", "published")
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.PUBLISHED
    assert_accessible(page)

    # The list shows it among the published ones, with its next time.
    page.goto(desk)
    published = page.locator("section[aria-labelledby=offerings-published]")
    expect(published).to_contain_text("Savipaja lapsille")
    expect(published).to_contain_text(first.strftime("%-d.%-m.%Y"))

    # Residents find it on its public page.
    if public_path := public_page_path(offering):
        page.goto(public_path)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Savipaja lapsille")
        expect(page.locator("main")).to_contain_text("Kulttuuritalo Valve")


def test_the_desk_works_without_javascript(
    page_without_js, log_in, settings, museum, venue, make_member
):
    """Publishing needs nothing but plain forms."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    page = page_without_js
    offering = Offering.objects.create(
        organisation=museum, title_fi="Runoilta", format=Format.ON_SITE, venue=venue
    )
    starts = timezone.now() + timedelta(days=3)
    Occurrence.objects.create(
        offering=offering, starts_at=starts, ends_at=starts + timedelta(hours=2), capacity=30
    )
    log_in(page, make_member(museum, role=Role.PROVIDER_EDITOR))
    page.goto(f"/fi/staff/oulu/{museum.slug}/offerings/{offering.pk}/")
    page.locator("#publish-button").click()
    expect(page.locator("#offering-status")).to_have_attribute("data-status", "published")
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.PUBLISHED


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_provider_offering_pages_have_no_axe_violations(
    page, log_in, language, settings, make_organisation, make_member, make_offering, make_user
):
    """The provider's desk: the offerings, one offering's details, times, images, one time with
    its participants, the weekly schedule and its preview, the orders inbox and an order on
    request; and their forms sent back with errors."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.MEDIA_URL = "/static/img/"  # the live server serves static files but no media
    provider = make_organisation()
    offering = make_offering(provider, occurrences=2, capacity=2)
    occurrence = offering.occurrences.first()
    people = [
        (make_user(first_name="Aino"), EnrolmentStatus.CONFIRMED),
        (make_user(first_name="Bert"), EnrolmentStatus.WAITLISTED),
    ]
    for person, status in people:
        Enrolment.objects.create(occurrence=occurrence, person=person, seats=2, status=status)
    Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=2)
    OfferingImage.objects.create(offering=offering, image="favicon.svg", alt_text_fi="Savea")
    on_request = make_offering(provider, occurrences=0, on_request=True, title_fi="Satutunti")
    order = GroupOrder.objects.create(
        offering=on_request,
        unit=make_organisation(kind=OrganisationKind.CARE_UNIT),
        group_size=8,
        message="Kaksi lasta käyttää pyörätuolia.",
    )
    starts = timezone.now() + timedelta(days=9)
    ProposedTime.objects.create(order=order, starts_at=starts, ends_at=starts + timedelta(hours=1))
    log_in(page, make_member(provider, role=Role.PROVIDER_EDITOR))
    root = f"/{language}/staff/{provider.municipality.slug}/{provider.slug}/offerings"
    paths = [
        "/",
        "/new/",
        f"/{offering.pk}/",
        f"/{offering.pk}/times/",
        f"/{offering.pk}/times/weekly/",
        f"/{offering.pk}/images/",
        f"/{offering.pk}/cancel/",
        f"/times/{occurrence.pk}/",
        "/orders/",
        f"/orders/{order.pk}/",
    ]
    problems = []

    def sweep(label: str) -> None:
        expect(page.locator("h1"), f"one h1 on {label}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{label}:\n{describe(violations)}")

    for path in paths:
        response = page.goto(root + path)
        assert response is not None and response.status == 200, root + path
        sweep(root + path)
    # Forms sent back with errors next to their fields, and the schedule's preview.
    for path, button, label in (
        ("/new/", "main form.form button[type=submit]", "offering form with errors"),
        (f"/{offering.pk}/times/", "main form.form button[type=submit]", "time with errors"),
        (f"/{offering.pk}/times/weekly/", "#preview-schedule", "schedule with errors"),
        (f"/{offering.pk}/images/", "main form[enctype] button[type=submit]", "image errors"),
        (f"/times/{occurrence.pk}/", "form[action$='/status/'] button", "status errors"),
        (f"/{offering.pk}/cancel/", "main form.form button[type=submit]", "cancel errors"),
        (f"/orders/{order.pk}/", "form[action$='/accept/'] button", "accept errors"),
        (f"/orders/{order.pk}/", "form[action$='/decline/'] button", "decline errors"),
    ):
        page.goto(root + path)
        page.locator(button).last.click()
        expect(page.locator(".errorlist").nth(0), label).to_be_attached()
        sweep(label)
    page.goto(f"{root}/{offering.pk}/times/weekly/")
    first = timezone.localdate() + timedelta(days=3)
    page.locator("#id_first_date").fill(first.isoformat())
    page.locator("#id_starts").fill("10:00")
    page.locator("#id_ends").fill("11:00")
    page.locator(f"input[name=weekdays][value='{first.weekday()}']").check()
    page.locator("#id_last_date").fill((first + timedelta(days=14)).isoformat())
    page.locator("#id_capacity").fill("10")
    page.locator("#preview-schedule").click()
    expect(page.locator("#preview-dates li")).to_have_count(3)
    sweep("schedule preview")
    assert not problems, "\n".join(problems)
