from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail

from lampio.bookings import services
from lampio.bookings.errors import (
    BookingRuleBroken,
    CancellationTooLate,
    NotAllowedToBook,
    OutsideOpeningHours,
    SlotTaken,
)
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import Bookers, OpeningException, Visibility
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

DAY = date(2030, 6, 12)  # a Wednesday, far enough ahead for the default booking window
NOW = local_datetime(date(2030, 6, 1), time(12))


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return local_datetime(day, time(hour, minute))


def book(space, person, start, end, **extra):
    return services.book_space(
        actor=person,
        space=space,
        starts_at=start,
        ends_at=end,
        purpose=extra.pop("purpose", "Sählyvuoro"),
        attendees=extra.pop("attendees", 10),
        now=extra.pop("now", NOW),
    )


def hold_for_payment(space, person, start, end):
    """A slot held for 15 minutes from NOW while the person pays."""
    return services.book_space(
        actor=person,
        space=space,
        starts_at=start,
        ends_at=end,
        purpose="Maksamatta",
        attendees=2,
        hold_until=NOW + timedelta(minutes=15),
        now=NOW,
    )


def test_a_free_slot_is_confirmed_with_its_buffers_and_a_message(
    make_space, resident, django_capture_on_commit_callbacks
):
    space = make_space(buffer_before_minutes=15, buffer_after_minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(space, resident, at(10), at(12))
    assert booking.status == BookingStatus.CONFIRMED
    assert (booking.blocked_from, booking.blocked_until) == (at(9, 45), at(12, 30))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [resident.email]
    assert message.attachments[0][0] == "booking.ics"
    assert "Kirkkokatu 1" in message.body and "ovi B" in message.body


def test_overlapping_and_buffer_overlapping_bookings_are_refused(make_space, resident, make_user):
    space = make_space(buffer_after_minutes=30)
    book(space, resident, at(10), at(12))
    other = make_user()
    with pytest.raises(SlotTaken):
        book(space, other, at(11), at(13))
    with pytest.raises(SlotTaken):  # inside the 30-minute buffer after the first booking
        book(space, other, at(12), at(13))
    assert book(space, other, at(12, 30), at(13, 30)).status == BookingStatus.CONFIRMED


def test_a_cancelled_booking_frees_its_slot(make_space, resident, make_user):
    space = make_space()
    first = book(space, resident, at(10), at(12))
    services.cancel_booking(actor=resident, booking=first, now=NOW)
    assert book(space, make_user(), at(10), at(12)).status == BookingStatus.CONFIRMED


def test_a_lapsed_hold_gives_way_and_a_live_one_does_not(make_space, resident, make_user):
    space = make_space()
    hold = hold_for_payment(space, resident, at(10), at(12))
    other = make_user()
    with pytest.raises(SlotTaken):  # the hold still runs
        book(space, other, at(11), at(13), now=NOW + timedelta(minutes=10))
    later = NOW + timedelta(minutes=20)
    taken = book(space, other, at(11), at(13), now=later)
    assert taken.status == BookingStatus.CONFIRMED
    hold.refresh_from_db()
    assert hold.status == BookingStatus.EXPIRED
    with pytest.raises(SlotTaken):  # the new booking holds the slot in its turn
        book(space, make_user(), at(12), at(14), now=later)


def test_times_outside_opening_hours_are_refused(make_space, resident):
    space = make_space(opens=time(8), closes=time(22))
    with pytest.raises(OutsideOpeningHours):
        book(space, resident, at(21), at(23))
    with pytest.raises(OutsideOpeningHours):
        book(space, resident, at(7), at(9))
    assert book(space, resident, at(8), at(10)).starts_at == at(8)  # exactly at opening
    assert book(space, resident, at(20), at(22)).ends_at == at(22)  # exactly at closing


def test_a_closed_exception_day_cannot_be_booked(make_space, resident):
    space = make_space()
    OpeningException.objects.create(space=space, date=DAY, is_closed=True)
    with pytest.raises(OutsideOpeningHours):
        book(space, resident, at(10), at(12))


def test_public_holidays_close_spaces_that_say_so(make_space, resident):
    midsummer_eve_holiday = date(2030, 6, 22)  # Juhannuspäivä, Saturday
    space = make_space(closed_on_public_holidays=True)
    with pytest.raises(OutsideOpeningHours):
        book(space, resident, at(10, day=midsummer_eve_holiday), at(12, day=midsummer_eve_holiday))


def test_slots_across_midnight_are_bookable_when_the_space_is_open(make_space, resident):
    space = make_space(opens=time(18), closes=time(2), max_duration_minutes=600)
    booking = book(space, resident, at(22), at(1, day=DAY + timedelta(days=1)))
    assert booking.ends_at - booking.starts_at == timedelta(hours=3)
    with pytest.raises(OutsideOpeningHours):
        book(
            space, resident, at(1, day=DAY + timedelta(days=1)), at(3, day=DAY + timedelta(days=1))
        )


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (at(10, 10), at(11, 10), "starts_at"),  # off the 30-minute grid
        (at(10), at(10), "ends_at"),  # ends when it starts
        (at(10), at(10, 30) - timedelta(minutes=30), "ends_at"),
        (at(8), at(20), "ends_at"),  # longer than the 4-hour maximum
    ],
)
def test_rule_violations_name_their_field(make_space, resident, start, end, field):
    space = make_space()
    with pytest.raises(BookingRuleBroken) as error:
        book(space, resident, start, end)
    assert error.value.field == field


def test_booking_window_and_closing_time(make_space, resident):
    space = make_space(booking_opens_days=7, booking_closes_hours=24)
    with pytest.raises(BookingRuleBroken, match="7"):
        book(space, resident, at(10), at(11))  # eleven days ahead
    soon = NOW + timedelta(hours=12)
    with pytest.raises(BookingRuleBroken, match="24"):
        book(space, resident, soon, soon + timedelta(hours=1))


def test_capacity_and_purpose_are_checked(make_space, resident):
    space = make_space(capacity=12)
    with pytest.raises(BookingRuleBroken) as too_many:
        book(space, resident, at(10), at(11), attendees=13)
    assert too_many.value.field == "attendees"
    with pytest.raises(InvalidInput) as no_purpose:
        book(space, resident, at(10), at(11), purpose="  ")
    assert no_purpose.value.field == "purpose"


def test_per_person_limit_of_upcoming_bookings(make_space, resident):
    space = make_space(max_active_bookings=2)
    book(space, resident, at(10), at(11))
    book(space, resident, at(12), at(13))
    with pytest.raises(BookingRuleBroken):
        book(space, resident, at(14), at(15))


def test_the_limit_counts_only_bookings_that_still_hold_their_slot(make_space, resident):
    space = make_space(max_active_bookings=1)
    cancelled = book(space, resident, at(8), at(9))
    services.cancel_booking(actor=resident, booking=cancelled, now=NOW)
    hold_for_payment(space, resident, at(10), at(11))  # its time runs out before NOW + 1 h
    later = NOW + timedelta(hours=1)
    booking = book(space, resident, at(12), at(13), now=later)  # neither of the two counts
    with pytest.raises(BookingRuleBroken):
        book(space, resident, at(14), at(15), now=later)
    # Once the booking has ended it no longer counts.
    after_it = at(13, 30)
    assert booking.ends_at < after_it
    assert book(space, resident, at(16), at(17), now=after_it).status == BookingStatus.CONFIRMED


def test_spaces_needing_approval_create_requests_that_staff_decide(
    make_space, make_organisation, make_member, resident, django_capture_on_commit_callbacks
):
    organisation = make_organisation()
    space = make_space(organisation=organisation, requires_handling=True)
    staff = make_member(organisation, role=Role.STAFF)
    request = book(space, resident, at(10), at(12))
    assert request.status == BookingStatus.REQUESTED
    with pytest.raises(SlotTaken):  # a request holds its slot
        book(space, staff, at(11), at(12))
    with pytest.raises(InvalidInput):
        services.decide_request(actor=staff, booking=request, approve=False, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        denied = services.decide_request(
            actor=staff, booking=request, approve=False, reason="Sali on remontissa."
        )
    assert denied.status == BookingStatus.DENIED
    assert "Sali on remontissa." in mail.outbox[-1].body
    assert LogEntry.objects.get_for_object(denied).filter(actor=staff).exists()


def test_staff_of_another_organisation_cannot_decide_or_block(
    make_space, make_organisation, make_member, resident
):
    space = make_space(requires_handling=True)
    outsider = make_member(make_organisation(), role=Role.ADMIN)
    request = book(space, resident, at(10), at(12))
    with pytest.raises(PermissionDenied):
        services.decide_request(actor=outsider, booking=request, approve=True)
    with pytest.raises(PermissionDenied):
        services.block_time(
            actor=outsider, space=space, starts_at=at(14), ends_at=at(15), reason="Huolto"
        )
    with pytest.raises(PermissionDenied):
        services.cancel_booking(actor=outsider, booking=request, now=NOW)


def test_staff_block_time_and_cancel_late_but_residents_cannot(
    make_space, make_organisation, make_member, resident
):
    organisation = make_organisation()
    space = make_space(organisation=organisation, cancellation_hours=48)
    staff = make_member(organisation, role=Role.STAFF)
    block = services.block_time(
        actor=staff, space=space, starts_at=at(8), ends_at=at(10), reason="Lattian vahaus"
    )
    with pytest.raises(SlotTaken):
        book(space, resident, at(9), at(10))
    assert block.kind == "block"
    booking = book(space, resident, at(12), at(13))
    late = at(0) - timedelta(hours=10)
    with pytest.raises(CancellationTooLate):
        services.cancel_booking(actor=resident, booking=booking, now=late)
    assert services.cancel_booking(actor=staff, booking=booking, now=late).status == "cancelled"


def test_who_may_book(make_space, make_organisation, make_member, resident, make_user):
    club = make_organisation()
    space = make_space(who_may_book=Bookers.ORGANISATIONS)
    space.allowed_organisations.add(club)
    with pytest.raises(NotAllowedToBook):
        book(space, resident, at(10), at(11))
    assert book(space, make_member(club, role=Role.VIEWER), at(10), at(11))
    strong = make_space(who_may_book=Bookers.STRONGLY_IDENTIFIED)
    with pytest.raises(NotAllowedToBook):
        book(strong, resident, at(10), at(11))
    unverified = make_user()
    unverified.emailaddress_set.update(verified=False)
    with pytest.raises(NotAllowedToBook):
        book(make_space(), unverified, at(10), at(11))


def test_members_only_spaces_are_invisible_to_others(
    make_space, make_organisation, make_member, resident
):
    organisation = make_organisation()
    desk = make_space(organisation=organisation, visibility=Visibility.MEMBERS)
    with pytest.raises(NotFound):
        book(desk, resident, at(10), at(11))
    colleague = make_member(organisation, role=Role.VIEWER)
    assert book(desk, colleague, at(10), at(11)).status == BookingStatus.CONFIRMED


def test_daylight_saving_night_bookings_have_their_real_length(make_space, resident):
    autumn = date(2030, 10, 26)  # clocks go back at 04:00 on Sunday 27 October 2030
    space = make_space(
        opens=time(20), closes=time(8), max_duration_minutes=12 * 60, booking_opens_days=400
    )
    booking = book(space, resident, at(22, day=autumn), at(6, day=autumn + timedelta(days=1)))
    assert booking.ends_at - booking.starts_at == timedelta(hours=9)  # 22–06 with an extra hour
    assert Booking.objects.get(pk=booking.pk).starts_at == booking.starts_at


def test_multi_day_bookings_only_where_the_space_allows_them(make_space, resident):
    days = {"opens": time(0), "closes": time(0), "max_duration_minutes": 3 * 24 * 60}
    friday, sunday = date(2030, 6, 14), date(2030, 6, 16)
    hall = make_space(**days)
    with pytest.raises(BookingRuleBroken) as error:
        book(hall, resident, at(12, day=friday), at(12, day=sunday))
    assert error.value.field == "ends_at"
    cabin = make_space(allows_multi_day=True, **days)
    booking = book(cabin, resident, at(12, day=friday), at(12, day=sunday))
    assert booking.ends_at - booking.starts_at == timedelta(days=2)
