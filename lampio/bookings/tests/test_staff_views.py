from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lampio.bookings import services
from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.timeranges import local_datetime
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + timedelta(days=10)


def at(hour: int, minute: int = 0, day: date = DAY):
    return local_datetime(day, time(hour, minute))


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def owner(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(owner, make_member):
    return make_member(owner, role=Role.STAFF)


@pytest.fixture
def space(owner, make_space):
    return make_space(organisation=owner, requires_handling=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def request_(space, resident):
    return services.book_space(
        actor=resident,
        space=space,
        starts_at=at(10),
        ends_at=at(12),
        purpose="Kuoroharjoitus",
        attendees=12,
    )


def url(name, organisation, **kwargs):
    return reverse(
        f"bookings_staff:{name}",
        kwargs={
            "municipality": organisation.municipality.slug,
            "organisation": organisation.slug,
            **kwargs,
        },
    )


def test_every_page_opens_for_the_owners_staff_and_404s_for_others(
    client, staff, owner, request_, make_organisation, make_member
):
    pages = [url(name, owner) for name in ("desk", "calendar", "block", "on_behalf")]
    client.force_login(staff)
    for page in pages:
        assert client.get(page).status_code == 200, page
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    for page in pages:
        assert client.get(page).status_code == 404, page
    for name in ("decide", "cancel"):
        response = client.post(url(name, owner, booking_id=request_.pk), {"decision": "approve"})
        assert response.status_code == 404
    assert Booking.objects.get(pk=request_.pk).status == BookingStatus.REQUESTED


def test_bookings_of_another_organisation_are_not_found_under_ones_own(
    staff_client, owner, make_space, resident
):
    foreign = services.book_space(
        actor=resident,
        space=make_space(requires_handling=True),
        starts_at=at(10),
        ends_at=at(11),
        purpose="Treenit",
        attendees=2,
    )
    for name in ("decide", "cancel"):
        response = staff_client.post(
            url(name, owner, booking_id=foreign.pk), {"decision": "approve"}
        )
        assert response.status_code == 404
    assert staff_client.get(url("desk", owner)).content.decode().count("Treenit") == 0


def test_the_desk_lists_requests_and_approving_confirms_one(
    staff_client, staff, owner, request_, django_capture_on_commit_callbacks
):
    desk = staff_client.get(url("desk", owner)).content.decode()
    assert "Kuoroharjoitus" in desk and request_.booker.email in desk
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("decide", owner, booking_id=request_.pk), {"decision": "approve"}
        )
    assert response.status_code == 302
    request_.refresh_from_db()
    assert (request_.status, request_.decided_by) == (BookingStatus.CONFIRMED, staff)
    assert mail.outbox[-1].to == [request_.booker.email]
    assert "Kuoroharjoitus" not in staff_client.get(url("desk", owner)).content.decode()


def test_denying_needs_a_reason_which_goes_to_the_resident(
    staff_client, staff, owner, request_, django_capture_on_commit_callbacks
):
    decide = url("decide", owner, booking_id=request_.pk)
    response = staff_client.post(decide, {"decision": "deny", "reason": "  "})
    assert response.status_code == 200
    assert f'id="request-{request_.pk}-reason_error"' in response.content.decode()
    assert Booking.objects.get(pk=request_.pk).status == BookingStatus.REQUESTED

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(decide, {"decision": "deny", "reason": "Sali on remontissa."})
    request_.refresh_from_db()
    assert (request_.status, request_.decision_reason) == (
        BookingStatus.DENIED,
        "Sali on remontissa.",
    )
    assert "Sali on remontissa." in mail.outbox[-1].body
    assert LogEntry.objects.get_for_object(request_).filter(actor=staff).exists()


def test_the_calendar_shows_the_week_with_bookings_and_blocks(
    staff_client, staff, owner, space, request_
):
    services.block_time(actor=staff, space=space, starts_at=at(14), ends_at=at(16), reason="Huolto")
    monday = DAY - timedelta(days=DAY.weekday())
    response = staff_client.get(url("calendar", owner), {"week": DAY.isoformat()})
    html = response.content.decode()
    assert "Kuoroharjoitus" in html and "Huolto" in html
    assert f"?week={(monday - timedelta(days=7)).isoformat()}" in html
    assert f"?week={(monday + timedelta(days=7)).isoformat()}" in html
    next_week = staff_client.get(url("calendar", owner), {"week": DAY + timedelta(days=7)})
    assert "Kuoroharjoitus" not in next_week.content.decode()
    # An unreadable week shows the current one instead of failing.
    assert staff_client.get(url("calendar", owner), {"week": "soon"}).status_code == 200


def test_staff_block_time_from_the_form(staff_client, staff, owner, space):
    data = {
        "space": space.pk,
        "date": DAY.isoformat(),
        "starts_at": "07:00",
        "end_date": (DAY + timedelta(days=1)).isoformat(),
        "ends_at": "12:00",
        "reason": "Lattian hionta",
    }
    response = staff_client.post(url("block", owner), data)
    assert response.status_code == 302
    block = Booking.objects.get(kind=BookingKind.BLOCK)
    assert (block.starts_at, block.ends_at) == (at(7), at(12, day=DAY + timedelta(days=1)))
    assert (block.created_by, block.purpose) == (staff, "Lattian hionta")
    # The same time again overlaps: the error sits next to the start and the input stays.
    response = staff_client.post(url("block", owner), data)
    html = response.content.decode()
    assert 'id="id_starts_at_error"' in html and 'value="Lattian hionta"' in html
    assert Booking.objects.filter(kind=BookingKind.BLOCK).count() == 1


def test_a_space_of_another_organisation_cannot_be_chosen(staff_client, owner, make_space):
    foreign = make_space()
    data = {"space": foreign.pk, "date": DAY.isoformat(), "starts_at": "07:00", "ends_at": "08:00"}
    response = staff_client.post(url("block", owner), data)
    assert 'id="id_space_error"' in response.content.decode()
    assert not Booking.objects.exists()


def on_behalf_data(space, **changes):
    return {
        "email": "matti@example.fi",
        "space": space.pk,
        "date": DAY.isoformat(),
        "starts_at": "17:15",
        "ends_at": "18:00",
        "purpose": "Synttärit",
        "attendees": "8",
        **changes,
    }


def test_staff_book_on_behalf_of_a_person_by_email(
    staff_client, staff, owner, space, make_user, django_capture_on_commit_callbacks
):
    person = make_user(email="matti@example.fi")
    response = staff_client.post(url("on_behalf", owner), on_behalf_data(space, email="x@y.fi"))
    html = response.content.decode()
    assert 'id="id_email_error"' in html and 'value="Synttärit"' in html
    # Off the slot grid and needing approval for residents, yet confirmed at once for staff.
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url("on_behalf", owner), on_behalf_data(space))
    assert response.status_code == 302
    booking = Booking.objects.get(booker=person)
    assert (booking.status, booking.created_by) == (BookingStatus.CONFIRMED, staff)
    assert (booking.starts_at, booking.ends_at) == (at(17, 15), at(18))
    assert mail.outbox[-1].to == ["matti@example.fi"]
    assert LogEntry.objects.get_for_object(booking).get().actor == staff
    response = staff_client.post(url("on_behalf", owner), on_behalf_data(space))
    assert 'id="id_starts_at_error"' in response.content.decode()  # the time is now taken


def test_book_on_behalf_still_checks_hours_capacity_and_permission(
    space, staff, make_user, make_organisation, make_member
):
    make_user(email="liisa@example.fi")

    def book(actor=staff, **changes):
        arguments = {
            "actor": actor,
            "space": space,
            "booker_email": "LIISA@example.fi",
            "starts_at": at(9),
            "ends_at": at(10),
            "purpose": "Kokous",
            "attendees": 5,
            **changes,
        }
        return services.book_on_behalf(**arguments)

    with pytest.raises(PermissionDenied):
        book(actor=make_member(make_organisation(), role=Role.ADMIN))
    for changes, field in [
        ({"starts_at": at(21), "ends_at": at(23)}, "starts_at"),  # closes at 22
        ({"attendees": 31}, "attendees"),
        ({"ends_at": at(9)}, "ends_at"),
        ({"purpose": " "}, "purpose"),
    ]:
        with pytest.raises(InvalidInput) as error:
            book(**changes)
        assert error.value.field == field
    far_ahead = timezone.localdate() + timedelta(days=500)  # beyond the booking window
    assert book(starts_at=at(9, day=far_ahead), ends_at=at(10, day=far_ahead)).pk


def test_staff_cancel_any_booking_of_their_spaces_late(
    staff_client, owner, space, resident, django_capture_on_commit_callbacks
):
    space.requires_handling = False
    space.cancellation_hours = 24 * 30
    space.save()
    booking = services.book_space(
        actor=resident,
        space=space,
        starts_at=at(10),
        ends_at=at(11),
        purpose="Bändi",
        attendees=4,
    )
    calendar = url("calendar", owner) + f"?week={DAY.isoformat()}"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("cancel", owner, booking_id=booking.pk), {"next": calendar}
        )
    assert response["Location"] == calendar
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert mail.outbox[-1].to == [resident.email]
    # A second cancel is refused with a message, not an error page.
    response = staff_client.post(url("cancel", owner, booking_id=booking.pk), follow=True)
    assert response.status_code == 200
    assert staff_client.get(url("cancel", owner, booking_id=booking.pk)).status_code == 405


def test_desk_posts_are_rate_limited(staff_client, owner):
    cancel = url("cancel", owner, booking_id=999999)
    statuses = {staff_client.post(cancel).status_code for _ in range(61)}
    assert statuses == {404, 429}
