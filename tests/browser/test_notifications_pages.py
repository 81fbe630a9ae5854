"""Message pages in the browser, axe-clean: a resident's messages, choices and unsubscribe
link; staff's message texts (with a preview, also without JavaScript) and delivery log; the
demo outbox. English throughout, and pages in Finnish and Swedish.

Locators use ids, names and data attributes, not UI texts, so they keep working as the
translations arrive.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils.translation import gettext_lazy as _
from playwright.sync_api import expect

from lampio.notifications import registry, services
from lampio.notifications.models import Delivery, DeliveryStatus
from lampio.notifications.registry import MessageKind
from lampio.notifications.tokens import unsubscribe_token
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

OFFER = MessageKind(
    key="browser.offer",
    label=_("Waitlist offer (test)"),
    essential=True,
    subject=_("A time for you: {{ space }}"),
    body=_("{{ space }} is free at {{ time }}."),
    sms="Lämpiö: {{ space }} {{ time }}",  # no words to translate
    sample={"space": "Sali 1", "time": "18:00"},
)
REMINDER = MessageKind(
    key="browser.reminder",
    label=_("Reminder (test)"),
    essential=False,
    subject=_("Reminder: {{ space }}"),
    body=_("Your booking of {{ space }} starts tomorrow."),
    sample={"space": "Sali 1"},
)


@pytest.fixture
def world(settings: Any, make_municipality, make_organisation, make_member, make_user):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.LAMPIO_SMS_BACKEND = "locmem"
    for kind in (OFFER, REMINDER):
        registry.register(kind)
    city = make_municipality(slug="oulu", name="Oulu")
    org = make_organisation(municipality=city, slug="kulttuuri")
    staff = make_member(org, role=Role.STAFF)
    resident = make_user(email="aino@example.fi", phone="+358401234567", preferred_language="en")
    rows = services.notify(
        recipient=resident,
        key=OFFER.key,
        context={"space": "Sali 2", "time": "17:00"},
        organisation_id=org.pk,
    )
    services.notify(
        recipient=resident, key=REMINDER.key, context={"space": "Sali 3"}, organisation_id=org.pk
    )
    Delivery.objects.filter(pk=rows[0].pk).update(
        status=DeliveryStatus.FAILED, attempts=5, last_error="SMTPServerDisconnected: closed"
    )
    yield {"org": org, "staff": staff, "resident": resident}
    for kind in (OFFER, REMINDER):
        registry._kinds.pop(kind.key, None)


def test_resident_pages_have_no_axe_violations(page, log_in, world):
    resident = world["resident"]
    log_in(page, resident)
    page.goto("/en/messages/")
    expect(page.locator("#my-messages [data-delivery]")).to_have_count(3)
    assert_accessible(page)
    page.goto("/en/messages/preferences/")
    assert_accessible(page)
    page.locator("#id_non_essential").uncheck()
    with page.expect_navigation():
        page.locator("form.form button[type=submit]").click()
    expect(page.locator("#id_non_essential")).not_to_be_checked()
    assert_accessible(page)
    for language in ("fi", "sv"):
        page.goto(f"/{language}/messages/")
        assert_accessible(page)


def test_the_unsubscribe_link_works_without_login(page, world):
    resident = world["resident"]
    url = f"/en/messages/unsubscribe/{unsubscribe_token(resident.pk)}/"
    page.goto(url)
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("#unsubscribe-form button").click()
    expect(page.locator("#unsubscribed")).to_be_visible()
    assert_accessible(page)
    assert not services.wants_non_essential(resident)
    page.goto(f"/sv/messages/unsubscribe/{unsubscribe_token(resident.pk)}/")
    assert_accessible(page)


def test_staff_pages_have_no_axe_violations(page, log_in, world):
    log_in(page, world["staff"])
    base = "/en/staff/oulu/kulttuuri/messages/"
    page.goto(base)
    expect(page.locator(f'#message-kinds [data-kind="{OFFER.key}"]')).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}{OFFER.key}/")
    assert_accessible(page)
    page.locator("#id_subject_en").fill("Free now: {{ space }} at {{ time }}")
    page.locator("#id_language").select_option("en")
    with page.expect_navigation():
        page.locator("button[name=action][value=preview]").click()
    expect(page.locator("#preview-subject")).to_have_text("Free now: Sali 1 at 18:00")
    assert_accessible(page)
    page.locator("#id_body_fi").fill("Hei {{ nobody }}")
    with page.expect_navigation():
        page.locator("button[name=action][value=save]").click()
    expect(page.locator("#id_body_fi")).to_have_value("Hei {{ nobody }}")
    assert_accessible(page)  # with the error tied to its field
    page.goto(f"{base}log/")
    expect(page.locator("#delivery-log [data-status=failed]")).to_have_count(1)
    assert_accessible(page)
    page.goto("/fi/staff/oulu/kulttuuri/messages/log/?status=failed")
    assert_accessible(page)


def test_the_preview_works_without_javascript(page_without_js, log_in, world):
    page = page_without_js
    log_in(page, world["staff"])
    page.goto(f"/sv/staff/oulu/kulttuuri/messages/{OFFER.key}/")
    page.locator("#id_language").select_option("sv")
    page.locator("#id_subject_sv").fill("Ledigt: {{ space }}")
    page.locator("button[name=action][value=preview]").click()
    expect(page.locator("#preview-subject")).to_have_text("Ledigt: Sali 1")
    # axe needs JavaScript: the same page is checked in the tests above.


@pytest.fixture
def demo(settings: Any) -> Iterator[None]:
    settings.LAMPIO_DEMO = True
    yield


def test_the_demo_outbox(page, world, demo):
    page.goto("/en/messages/demo-outbox/")
    expect(page.locator(f'#outbox [data-key="{OFFER.key}"]')).to_have_count(2)
    assert_accessible(page)
