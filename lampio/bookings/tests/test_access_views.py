"""The access block on the resident pages, and the staff access page."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.urls import reverse

from lampio.bookings import services
from lampio.bookings.models import DoorSync, DoorSyncAction, DoorSyncStatus, DoorSystem
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Role

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def admin(code_space, make_member):
    return make_member(code_space.venue.organisation, role=Role.ADMIN)


def staff_url(space, name="page", **extra):
    organisation = space.venue.organisation
    kwargs = {"municipality": organisation.municipality.slug, "organisation": organisation.slug}
    return "/en" + reverse(f"access_staff:{name}", kwargs={**kwargs, **extra})[3:]


def test_my_bookings_and_the_detail_show_the_code_and_its_window(client, booking, resident):
    client.force_login(resident)
    for url in ("/en/bookings/", f"/en/bookings/{booking.pk}/"):
        page = client.get(url).content.decode()
        assert booking.access_code in page
        assert "Works from 17.45 to 20.00 on Wed 12.6." in page
    detail = client.get(f"/en/bookings/{booking.pk}/").content.decode()
    assert "Keypad by the main door." in detail and "Personal access code" in detail


def test_a_cancelled_booking_shows_no_code(client, booking, resident):
    services.cancel_booking(actor=resident, booking=booking, now=NOW)
    client.force_login(resident)
    page = client.get(f"/en/bookings/{booking.pk}/").content.decode()
    assert booking.access_code not in page
    assert "This booking has no door code any more." in page


def test_key_pick_up_and_staff_opened_spaces_say_so(client, make_space, resident):
    key_space = make_space(
        access_method=AccessMethod.KEY, access_instructions_en="Key from the library desk."
    )
    booking = services.book_space(
        actor=resident,
        space=key_space,
        starts_at=local_datetime(DAY, time(18)),
        ends_at=local_datetime(DAY, time(19)),
        purpose="Kerho",
        attendees=3,
        now=NOW,
    )
    client.force_login(resident)
    page = client.get(f"/en/bookings/{booking.pk}/").content.decode()
    assert "Key pick-up" in page and "Key from the library desk." in page


def test_staff_page_lists_alerts_and_retries_them(client, booking, admin, code_space):
    sync = DoorSync.objects.create(
        booking=booking,
        organisation=code_space.venue.organisation,
        action=DoorSyncAction.GRANT,
        payload={"id": "lampio-door-x", "door": "main"},
        status=DoorSyncStatus.FAILED,
        attempts=5,
        last_error="timeout",
    )
    client.force_login(admin)
    page = client.get(staff_url(code_space))
    assert page.status_code == 200 and "timeout" in page.content.decode()
    answer = client.post(staff_url(code_space, "handled", sync_id=sync.pk))
    assert answer.status_code == 302
    sync.refresh_from_db()
    assert sync.resolved_by == admin
    assert "timeout" not in client.get(staff_url(code_space)).content.decode()


def test_a_webhook_needs_a_secret_and_the_form_comes_back_filled(client, admin, code_space):
    client.force_login(admin)
    url = staff_url(code_space, "door_system")
    answer = client.post(
        url, {"system-kind": "webhook", "system-endpoint_url": "https://locks.example.fi/x"}
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Give the signing secret agreed with the lock vendor." in page
    assert "https://locks.example.fi/x" in page
    answer = client.post(
        url,
        {
            "system-kind": "webhook",
            "system-endpoint_url": "http://locks.example.fi/x",
            "system-signing_secret": "a-long-enough-secret",
        },
    )
    assert "must start with https://" in answer.content.decode()
    answer = client.post(
        url,
        {
            "system-kind": "webhook",
            "system-endpoint_url": "https://locks.example.fi/x",
            "system-signing_secret": "a-long-enough-secret",
        },
    )
    assert answer.status_code == 302
    system = DoorSystem.objects.get(organisation=code_space.venue.organisation)
    assert system.signing_secret == "a-long-enough-secret"
    assert "a-long-enough-secret" not in client.get(staff_url(code_space)).content.decode()


def test_a_controller_key_is_shown_once(client, admin, code_space):
    client.force_login(admin)
    client.post(staff_url(code_space, "controller_key"))
    first = client.get(staff_url(code_space)).content.decode()
    assert "ldk_" in first
    assert "ldk_" not in client.get(staff_url(code_space)).content.decode()


def test_testing_a_code_answers_yes_or_no(client, booking, admin, code_space):
    client.force_login(admin)
    data = {"test-door": "main", "test-code": booking.access_code, "test-date": "2030-06-12"}
    yes = client.post(staff_url(code_space, "test"), {**data, "test-time": "17:50"})
    assert "Yes, the code opens the door at that time." in yes.content.decode()
    no = client.post(staff_url(code_space, "test"), {**data, "test-time": "17:40"})
    assert "No, the code does not open the door at that time." in no.content.decode()


def test_space_access_form_needs_a_door_for_codes(client, admin, make_space):
    space = make_space(organisation=admin.memberships.get().organisation)
    client.force_login(admin)
    url = staff_url(space, "space", space_id=space.pk)
    data = {
        "access_method": "code",
        "door_id": "",
        "code_valid_before_minutes": "20",
        "code_valid_after_minutes": "5",
        "offer_hold_minutes": "30",
        "access_instructions_fi": "Koodi näppäimistöön.",
    }
    answer = client.post(url, data)
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "needs the door" in page and "Koodi näppäimistöön." in page
    assert client.post(url, {**data, "door_id": "back"}).status_code == 302
    space.refresh_from_db()
    assert (space.access_method, space.door_id, space.code_valid_before_minutes) == (
        "code",
        "back",
        20,
    )
    assert space.access_instructions_fi == "Koodi näppäimistöön."


def test_staff_of_another_organisation_get_404(client, code_space, make_member, make_organisation):
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    assert client.get(staff_url(code_space)).status_code == 404
