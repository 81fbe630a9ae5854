"""axe-core over every resident page (and the staff shell) in Finnish, Swedish and English."""

from __future__ import annotations

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from playwright.sync_api import expect

from lampio.bookings.services import block_time, book_space
from lampio.core.timeranges import local_datetime
from lampio.payments.models import FreeOfCharge, OrderStatus, PaymentMethod, PriceRule
from lampio.payments.services.invoices import export_invoice_rows
from lampio.payments.tests.staff_factories import make_order
from lampio.spaces.models import Equipment, OpeningException, SpacePhoto
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible, axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]

# Pages anyone can open; the path is given without the language prefix.
PUBLIC_PAGES = {
    "home": "",
    "core:accessibility": "accessibility/",
    "core:privacy": "privacy/",
    "core:retention": "privacy/retention/",
    "core:display_preferences": "display/",
    "tenancy:choose_city": "city/",
    "spaces:search": "spaces/",
    "offerings:list": "offerings/",
    "offerings:calendar": "offerings/calendar/",
    "digital:home": "lampio/",
    "digital:recordings": "lampio/recordings/",
    "feedback:give": "feedback/new/",
    "feedback:public": "feedback/",
    "assistant:ask": "assistant/",
    "assistant:handoff": "assistant/person/",
    "lastminute:list": "last-minute/",
    # The seasonal rounds' other pages need a round: swept by test_seasons_applicant.py.
    "seasons:rounds": "regular-slots/",
    # Boards, campaigns and ideas need objects: swept with their forms by test_ideas_pages.py.
    "ideas:index": "ideas/",
    # The survey itself needs a signed link: swept in fi and sv, with errors, by test_survey.py.
    "surveys:thanks": "survey/thanks/",
    # The published figures; with facts and in the explorer: test_insights_dashboards.py.
    "insights:open_data": "open-data/",
    # One pilot's public page (with a lesson): test_capability_pilots.py, in fi and sv.
    "capability:library": "learning/",
    "account_login": "accounts/login/",
    "account_signup": "accounts/signup/",
    "account_reset_password": "accounts/password/reset/",
    "account_reset_password_done": "accounts/password/reset/done/",
    "account_email_verification_sent": "accounts/confirm-email/",
    "account_inactive": "accounts/inactive/",
}
# Pages of a logged-in resident.
RESIDENT_PAGES = {
    "accounts:profile": "profile/",
    "bookings:mine": "bookings/",
    "waitlist:mine": "waitlist/",
    "notifications:mine": "messages/",
    "notifications:preferences": "messages/preferences/",
    # The offering pages that need objects are swept in all three languages, with their forms
    # sent back with errors, by test_offering_pages_have_no_axe_violations in
    # test_offerings_journey.py.
    "offerings:mine": "offerings/enrolments/",
    # The checkout, receipts and the other payment pages that need orders are swept in all
    # three languages by test_payment_pages_have_no_axe_violations in test_payments_pages.py.
    "payments:mine": "payments/",
    "seasons:mine": "regular-slots/applications/",
    "ideas:mine": "ideas/mine/",
    "ideas:new": "ideas/new/",
    "accounts:delete": "profile/delete/",
    "account_email": "accounts/email/",
    "account_change_password": "accounts/password/change/",
    "mfa_index": "accounts/2fa/",
    "mfa_activate_totp": "accounts/2fa/totp/activate/",
    "account_reauthenticate": "accounts/reauthenticate/",
    "account_logout": "accounts/logout/",
}
STAFF_PAGES = {
    "tenancy:staff_home": "staff/",
    # With figures, and the other insights pages: test_insights_dashboards.py.
    "insights_staff:index": "staff/insights/",
    "insights_staff:network": "staff/insights/network/",
    # The capability hub, heat map and roadmap (empty here); with data, and the pages of one
    # organisation's self-assessment and one initiative: test_capability_roadmap.py, fi and sv.
    "capability_staff:index": "staff/capability/",
    "capability_staff:maturity_map": "staff/capability/maturity/",
    "capability_staff:roadmap": "staff/capability/roadmap/",
    "capability_staff:roadmap_timeline": "staff/capability/roadmap/timeline/",
    "capability_staff:roadmap_report": "staff/capability/roadmap/report/",
    "capability_staff:initiative_new": "staff/capability/roadmap/new/",
    # A pilot's staff pages with data: test_capability_pilots.py, in fi and sv.
    "capability_staff:pilots": "staff/capability/pilots/",
    "capability_staff:pilot_new": "staff/capability/pilots/new/",
    # The survey builder's and rounds' lists and the new-round form (helper B); the pages of
    # one questionnaire or round are swept in fi and sv by test_capability_survey_staff.py.
    "surveys_engine:questionnaires": "staff/surveys/questionnaires/",
    "surveys_engine:rounds": "staff/surveys/rounds/",
    "surveys_engine:round_new": "staff/surveys/rounds/new/",
    # Rounds' results (helper C); one round's results, compared and with small groups hidden,
    # are swept in fi and sv by test_capability_survey_results.py.
    "insights_staff:survey_rounds": "staff/insights/surveys/",
}
# The payments pages of an organisation (payments_staff:*) need objects: they are swept in all
# three languages, with forms sent back with errors, by
# test_staff_payment_pages_have_no_axe_violations below.
# The provider's desk (offerings_staff:*) is swept in all three languages, with its forms sent
# back with errors, by test_provider_offering_pages_have_no_axe_violations in
# test_provider_journey.py, next to the journey that builds the same data.
# Our own named pages that take no arguments and are deliberately not swept, with the reason.
NOT_SWEPT = {
    "ideas:similar": "an htmx fragment of the idea form; swept inside it by test_ideas_pages.py",
    "accounts:export": "a JSON download, not a page",
    "healthz": "a JSON health check for the load balancer",
    "offerings:unit_orders": "403 to people outside care units and schools; swept as care-unit"
    " staff by test_offering_pages_have_no_axe_violations in test_offerings_journey.py",
    "set_language": "a POST-only redirect back to the page in the new language",
    "assistant:not_helpful": "a POST-only action; its thanks show on the assistant page",
    "open311:services": "Open311 GeoReport v2 JSON for machine clients, not a page",
    "open311:requests": "Open311 GeoReport v2 JSON for machine clients, not a page",
    "open311:openapi": "the Open311 API's OpenAPI document (JSON), not a page",
    "waitlist:watch_new": "needs ?space= or ?venue=; swept with both by test_waitlist_pages.py",
    "notifications:outbox": "404 unless the demo is on; swept with the demo on by"
    " test_notifications_pages.py",
    "payments:return": "the payment service's signed redirect back; its failure page is swept"
    " by test_payments_pages.py",
    "payments_callback": "the payment service's server-to-server callback, plain text",
    "payments_refund_callback": "the payment service's refund callback, plain text",
    "surveys:round_answer": "needs a round's answer link; swept in fi and sv, with errors, by"
    " test_capability_survey_answer.py",
    "surveys:round_thanks": "needs a round's answer link; swept in fi by"
    " test_capability_survey_answer.py",
    "insights_staff:settings": "403 but to network admins; swept as one, with a form sent back"
    " with errors, by test_insights_dashboards.py",
}


def _named_routes() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in {"admin", "api"}:
                    continue
                child = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, child)
            elif (
                isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.converters
            ):
                module = getattr(pattern.callback, "__module__", "")
                if module.startswith("lampio"):
                    names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    return names


def test_every_page_of_ours_is_in_the_sweep():
    swept = set(PUBLIC_PAGES) | set(RESIDENT_PAGES) | set(STAFF_PAGES) | set(NOT_SWEPT)
    missing = _named_routes() - swept
    assert not missing, f"add these pages to the axe sweep: {sorted(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_axe_violations(
    page, language, settings, make_organisation, make_municipality
):
    settings.LAMPIO_DEMO = True  # the demo banner is part of every page in the demo
    city = make_municipality(slug="oulu", name="Oulu")
    make_organisation(municipality=city)
    problems = []
    for path in PUBLIC_PAGES.values():
        page.goto(f"/{language}/{path}")
        assert page.locator("html").get_attribute("lang") == language
        expect(page.locator("h1"), f"one h1 on /{language}/{path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"/{language}/{path}:\n{describe(violations)}")
    # The front page once a city is chosen lists that city's organisations.
    page.goto(f"/{language}/city/")
    page.get_by_role("button", name="Oulu").click()
    expect(page.locator(".card")).to_have_count(1)
    if violations := axe_violations(page):
        problems.append(f"/{language}/ with a city:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_resident_and_staff_pages_have_no_axe_violations(
    page, log_in, language, settings, make_organisation, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation = make_organisation()
    log_in(page, make_member(organisation, role=Role.ADMIN))
    problems = []
    paths = [
        *RESIDENT_PAGES.values(),
        *STAFF_PAGES.values(),
        f"staff/{organisation.municipality.slug}/{organisation.slug}/",
        f"staff/{organisation.municipality.slug}/{organisation.slug}/personal-data-reads/",
    ]
    for path in paths:
        page.goto(f"/{language}/{path}")
        expect(page.locator("h1"), f"one h1 on /{language}/{path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"/{language}/{path}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_space_and_booking_pages_have_no_axe_violations(
    page, log_in, language, resident, make_space, make_organisation, make_municipality
):
    """The resident pages that need objects: a venue, a space, a booking and their forms."""
    city = make_municipality(slug="kuopio", name="Kuopio")
    space = make_space(
        organisation=make_organisation(municipality=city),
        terms_fi="Sisäkengät pakolliset.",
        step_free_access=True,
    )
    space.equipment.add(Equipment.objects.create(slug="piano", name_fi="Piano"))
    day = timezone.localdate() + timedelta(days=2)
    booking = book_space(
        actor=resident,
        space=space,
        starts_at=local_datetime(day, time(10)),
        ends_at=local_datetime(day, time(11)),
        purpose="Kuoro",
        attendees=5,
    )
    log_in(page, resident)
    when = f"date={day.isoformat()}"
    paths = [
        f"spaces/?{when}&from_time=12:00&to_time=13:00",
        f"spaces/?{when}&from_time=12:00&to_time=13:00&display=map",
        "spaces/?date=2030-01-01&from_time=12:00",  # a search with errors
        f"spaces/venues/{space.venue_id}/",
        f"spaces/{space.pk}/?{when}",
        f"spaces/{space.pk}/?{when}&view=week",
        f"bookings/new/{space.pk}/?start={day.isoformat()}T12:00&end={day.isoformat()}T13:00",
        f"bookings/{booking.pk}/",
        "bookings/",
    ]
    problems = []
    for path in paths:
        response = page.goto(f"/{language}/{path}")
        assert response is not None and response.status == 200, f"/{language}/{path}"
        expect(page.locator("h1"), f"one h1 on /{language}/{path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"/{language}/{path}:\n{describe(violations)}")
    # The booking form sent back with errors (the time is taken, no terms accepted).
    page.goto(f"/{language}/bookings/new/{space.pk}/?start={day.isoformat()}T10:00")
    page.locator("#id_purpose").fill("Sähly")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    if violations := axe_violations(page):
        problems.append(f"/{language}/ booking form with errors:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_forms_with_errors_have_no_axe_violations(page, log_in, resident):
    page.goto("/fi/accounts/login/")
    page.get_by_label("Sähköposti").fill("aino@example.fi")
    page.locator("input[name=password]").fill("wrong-password")
    page.locator("form.login, form[action$='/login/']").get_by_role("button").last.click()
    assert_accessible(page)
    log_in(page, resident)
    page.goto("/fi/profile/delete/")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(("text_size", "contrast"), [("largest", "high"), ("large", "normal")])
def test_display_settings_keep_pages_accessible(page, text_size, contrast):
    page.goto("/fi/display/")
    page.locator(f"input[name=text_size][value={text_size}]").check()
    page.locator(f"input[name=contrast][value={contrast}]").check()
    page.locator("form.form button[type=submit]").click()
    assert page.locator("html").get_attribute("class") == f"text-{text_size} contrast-{contrast}"
    for path in ("/fi/", "/fi/accounts/login/", "/fi/accessibility/"):
        page.goto(path)
        assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_space_and_booking_pages_have_no_axe_violations(
    page, log_in, language, settings, resident, make_space, make_organisation, make_member
):
    """The organisation's venues, spaces, opening hours and bookings desk, and their forms
    sent back with errors."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation = make_organisation()
    make_organisation(municipality=organisation.municipality)  # a choice for "who may book"
    staff = make_member(organisation, role=Role.ADMIN)
    space = make_space(organisation=organisation, requires_handling=True)
    Equipment.objects.create(slug="piano", name_fi="Piano")
    OpeningException.objects.create(space=space, date=timezone.localdate(), reason_fi="Huolto")
    settings.MEDIA_URL = "/static/img/"  # the live server serves static files but no media
    photo, _ = (
        SpacePhoto.objects.create(space=space, image="favicon.svg", alt_text_fi=f"Sali {n}")
        for n in (1, 2)
    )
    today = timezone.localdate()
    day = today - timedelta(days=today.weekday()) + timedelta(days=7)  # next Monday
    book_space(
        actor=resident,
        space=space,
        starts_at=local_datetime(day, time(10)),
        ends_at=local_datetime(day, time(11)),
        purpose="Kuoro",
        attendees=5,
    )
    block_time(
        actor=staff,
        space=space,
        starts_at=local_datetime(day, time(21)),
        ends_at=local_datetime(day + timedelta(days=1), time(9)),
        reason="Lattian vahaus",
    )
    log_in(page, staff)
    staff_root = f"/{language}/staff/{organisation.municipality.slug}/{organisation.slug}"
    paths = [
        "/",
        "/venues/",
        "/venues/new/",
        f"/venues/{space.venue_id}/",
        f"/venues/{space.venue_id}/spaces/new/",
        f"/spaces/{space.pk}/",
        f"/spaces/{space.pk}/hours/",
        f"/spaces/{space.pk}/qr/",
        f"/spaces/{space.pk}/photos/",
        f"/spaces/{space.pk}/photos/{photo.pk}/",
        "/equipment/",
        "/bookings/",
        f"/bookings/calendar/?week={day.isoformat()}",
        "/bookings/block/",
        "/bookings/on-behalf/",
    ]
    problems = []

    def sweep(label: str) -> None:
        expect(page.locator("h1"), f"one h1 on {label}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{label}:\n{describe(violations)}")

    for path in paths:
        response = page.goto(staff_root + path)
        assert response is not None and response.status == 200, staff_root + path
        sweep(staff_root + path)
    # Forms sent back with errors next to their fields.
    page.goto(f"{staff_root}/spaces/{space.pk}/")
    page.locator("#id_min_duration_minutes").fill("600")
    page.locator("main form.form button[type=submit]").last.click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("space form with errors")
    page.goto(f"{staff_root}/spaces/{space.pk}/hours/")
    page.locator("#id_hours-7-weekday").select_option("0")
    page.locator("#id_hours-7-opens").fill("09:00")
    page.locator("main form.form button[type=submit]").first.click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("opening hours with errors")
    page.goto(f"{staff_root}/spaces/{space.pk}/photos/")
    page.locator("main form[enctype] button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("photo upload with errors")
    page.goto(f"{staff_root}/equipment/")
    page.locator("#id_name_fi").fill("piano")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("equipment already on the list")
    page.goto(f"{staff_root}/bookings/")
    page.locator("main form button[value=deny]").first.click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("denial without a reason")
    page.goto(f"{staff_root}/bookings/on-behalf/")
    page.locator("#id_email").fill("nobody@example.fi")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("booking for someone with errors")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_payment_pages_have_no_axe_violations(
    page, log_in, language, settings, make_space, make_organisation, make_member
):
    """Orders, one order with its refund form, daily totals, invoice exports and the payment
    settings, and their forms sent back with errors."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation = make_organisation()
    choir = make_organisation(municipality=organisation.municipality)
    staff = make_member(organisation, role=Role.ADMIN)
    space = make_space(organisation=organisation)
    invoiced = make_order(organisation, attention="Tarkista laskutusosoite")
    export_invoice_rows(actor=staff, seller=organisation)
    make_order(organisation)
    on_site = make_order(organisation, method=PaymentMethod.ON_SITE, status=OrderStatus.PAY_ON_SITE)
    PriceRule.objects.create(
        organisation=organisation,
        space=space,
        group="association",
        basis="per_hour",
        amount=Decimal(10),
        vat_rate=Decimal(0),
        valid_from=timezone.localdate(),
    )
    FreeOfCharge.objects.create(seller=organisation, beneficiary=choir, space=space)
    log_in(page, staff)
    root = f"/{language}/staff/{organisation.municipality.slug}/{organisation.slug}/payments"
    today = timezone.localdate().isoformat()
    paths = [
        "/",
        "/?status=attention&method=invoice",
        f"/orders/{invoiced.pk}/",
        f"/orders/{on_site.pk}/",
        f"/daily/?start={today}&end={today}",
        "/invoices/",
        "/settings/",
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
    page.goto(f"{root}/orders/{invoiced.pk}/")
    page.locator("#id_refund-amount").fill("500")
    page.locator("#id_refund-reason").fill("Peruttu")
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("refund with errors")
    page.goto(f"{root}/daily/?start=2030-03-05&end=2030-03-01")
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("daily totals with errors")
    page.goto(f"{root}/settings/")
    page.locator("#id_settings-business_id").fill("1234567-0")
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").first.click()
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("settings with errors")
    page.locator("#id_rule-target").select_option(f"space:{space.pk}")
    page.locator("#id_rule-group").select_option("association")
    page.locator("#id_rule-amount").fill("12")
    page.locator("#id_rule-valid_from").fill(today)
    with page.expect_navigation():
        page.locator("#id_rule-valid_from").press("Enter")
    expect(page.locator(".errorlist").first).to_be_visible()
    sweep("a price for the same group and date")
    assert not problems, "\n".join(problems)
