"""Waitlists: joining a taken slot, the offer on release, accepting, lapsing, declining."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from lampio.bookings import services, waitlist_services
from lampio.bookings.errors import AlreadyInLine, OfferExpired, SlotIsFree, SlotTaken
from lampio.bookings.models import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from lampio.core.errors import Conflict, PermissionDenied
from lampio.core.timeranges import local_datetime
from lampio.notifications.models import Delivery
from lampio.spaces.models import AccessMethod, Bookers

pytestmark = pytest.mark.django_db

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return local_datetime(day, time(hour, minute))


def book(space, person, start=None, end=None, now=NOW):
    return services.book_space(
        actor=person,
        space=space,
        starts_at=start or at(18),
        ends_at=end or at(19),
        purpose="Sählyvuoro",
        attendees=4,
        now=now,
    )


def join(space, person, start=None, end=None, now=NOW, **extra):
    return waitlist_services.join_waitlist(
        actor=person,
        space=space,
        starts_at=start or at(18),
        ends_at=end or at(19),
        now=now,
        **extra,
    )


@pytest.fixture
def taken(make_space, make_user):
    """A code-access space whose 18–19 slot is booked by A; B and C want it too."""
    space = make_space(access_method=AccessMethod.CODE, offer_hold_minutes=30)
    a, b, c = make_user(), make_user(), make_user()
    booking = book(space, a)
    return space, booking, a, b, c


def test_joining_a_taken_slot_puts_people_in_line_in_order(taken):
    space, _booking, _a, b, c = taken
    first, second = join(space, b), join(space, c, purpose="Kuoro", attendees=3)
    assert first.status == WaitlistStatus.WAITING and first.purpose  # a default purpose
    assert (second.purpose, second.attendees) == ("Kuoro", 3)
    assert waitlist_services.position_in_line(first) == 1
    assert waitlist_services.position_in_line(second) == 2


def test_a_free_slot_is_refused_and_a_second_entry_too(taken):
    space, _booking, a, b, _c = taken
    with pytest.raises(SlotIsFree):
        join(space, b, at(20), at(21))
    join(space, b)
    with pytest.raises(AlreadyInLine):
        join(space, b)
    with pytest.raises(Conflict):
        join(space, a)  # their own booking
    assert WaitlistEntry.objects.count() == 1


def test_cancelling_offers_a_hold_to_the_first_in_line_only(
    taken, django_capture_on_commit_callbacks
):
    space, booking, a, b, c = taken
    first, second = join(space, b), join(space, c)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=a, booking=booking, now=NOW)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitlistStatus.OFFERED and second.status == WaitlistStatus.WAITING
    hold = first.offer
    assert hold.status == BookingStatus.HELD and hold.booker == b
    assert hold.hold_expires_at == NOW + timedelta(minutes=30)
    offers = [m for m in mail.outbox if m.to == [b.email] and "/waitlist/" in m.body]
    assert len(offers) == 1
    assert f"/waitlist/{first.pk}/" in offers[0].body
    assert not [m for m in mail.outbox if m.to == [c.email]]
    assert Delivery.objects.filter(key="waitlist.offer", recipient=b).count() == 1
    # Nobody else can book the held slot.
    with pytest.raises(SlotTaken):
        book(space, c)


def test_accepting_books_the_slot_with_its_code_and_twice_is_once(
    taken, django_capture_on_commit_callbacks
):
    space, booking, a, b, _c = taken
    entry = join(space, b)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    entry.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = waitlist_services.accept_offer(
            actor=b, entry=entry, now=NOW + timedelta(minutes=10)
        )
    again = waitlist_services.accept_offer(actor=b, entry=entry, now=NOW + timedelta(minutes=11))
    assert accepted.pk == again.pk == entry.offer_id
    assert accepted.status == BookingStatus.CONFIRMED and accepted.hold_expires_at is None
    assert len(accepted.access_code) == 8
    assert Booking.objects.filter(space=space, status__in=ACTIVE_STATUSES).count() == 1
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.ACCEPTED


def test_someone_else_cannot_accept(taken):
    space, booking, a, b, c = taken
    entry = join(space, b)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    with pytest.raises(PermissionDenied):
        waitlist_services.accept_offer(actor=c, entry=entry, now=NOW)


def test_a_lapsed_offer_goes_to_the_next_in_line(taken, django_capture_on_commit_callbacks):
    space, booking, a, b, c = taken
    first, second = join(space, b), join(space, c)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    later = NOW + timedelta(minutes=31)
    with django_capture_on_commit_callbacks(execute=True):
        assert waitlist_services.advance_lapsed_offers(now=later) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitlistStatus.LAPSED
    assert first.offer.status == BookingStatus.EXPIRED
    assert second.status == WaitlistStatus.OFFERED
    assert second.offer.hold_expires_at == later + timedelta(minutes=30)
    with pytest.raises(OfferExpired):
        waitlist_services.accept_offer(actor=b, entry=first, now=later)
    assert waitlist_services.advance_lapsed_offers(now=later) == 0


def test_accepting_a_lapsed_offer_passes_it_on_at_once(taken):
    space, booking, a, b, c = taken
    first, second = join(space, b), join(space, c)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    with pytest.raises(OfferExpired):
        waitlist_services.accept_offer(actor=b, entry=first, now=NOW + timedelta(minutes=45))
    second.refresh_from_db()
    first.refresh_from_db()
    assert first.status == WaitlistStatus.LAPSED
    assert second.status == WaitlistStatus.OFFERED


def test_declining_passes_to_the_next_and_leaving_a_line_is_quiet(taken):
    space, booking, a, b, c = taken
    first, second = join(space, b), join(space, c)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    first.refresh_from_db()
    waitlist_services.leave_waitlist(actor=b, entry=first, now=NOW + timedelta(minutes=5))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitlistStatus.DECLINED
    assert first.offer.status == BookingStatus.EXPIRED
    assert second.status == WaitlistStatus.OFFERED
    with pytest.raises(Conflict):
        waitlist_services.leave_waitlist(actor=b, entry=first, now=NOW)


def test_a_denied_request_offers_the_slot(make_space, make_user, make_member):
    space = make_space(requires_handling=True)
    staff = make_member(space.venue.organisation, role="admin")
    a, b = make_user(), make_user()
    request = book(space, a)
    entry = join(space, b)
    services.decide_request(actor=staff, booking=request, approve=False, reason="Konsertti")
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    booking = waitlist_services.accept_offer(actor=b, entry=entry)  # staff decided just now
    assert booking.status == BookingStatus.REQUESTED  # the space still needs approval


def test_people_who_cannot_take_the_offer_are_passed_over(taken):
    space, booking, a, b, c = taken
    gone, deleted_later, d = join(space, b), join(space, c), None
    b.is_active = False
    b.save()
    c.deleted_at = NOW
    c.save()
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    gone.refresh_from_db()
    deleted_later.refresh_from_db()
    assert gone.status == deleted_later.status == WaitlistStatus.WITHDRAWN
    assert d is None and not Booking.objects.filter(status=BookingStatus.HELD).exists()


def test_someone_who_lost_booking_rights_is_passed_over(taken, make_user):
    space, booking, a, b, c = taken
    first, second = join(space, b), join(space, c)
    space.who_may_book = Bookers.STRONGLY_IDENTIFIED
    space.save()
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == WaitlistStatus.WITHDRAWN


def test_someone_in_line_who_booked_the_time_directly_is_not_offered_it_back(taken):
    space, booking, a, b, c = taken
    entry_b, entry_c = join(space, b), join(space, c)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    # B lets the offer lapse; C (second) books the time themselves before the sweep runs.
    # (book_space checks holds against the real clock, so the hold lapses by the real clock.)
    Booking.objects.filter(status=BookingStatus.HELD).update(
        hold_expires_at=timezone.now() - timedelta(minutes=1)
    )
    later = NOW + timedelta(minutes=40)
    own = book(space, c, now=later)
    services.cancel_booking(actor=c, booking=own, now=later)
    entry_b.refresh_from_db()
    entry_c.refresh_from_db()
    assert entry_b.status == WaitlistStatus.LAPSED
    assert entry_c.status == WaitlistStatus.WITHDRAWN
    assert not Booking.objects.filter(status=BookingStatus.HELD, booker=c).exists()


def test_an_offer_with_a_longer_freed_booking_offers_each_waited_slot(make_space, make_user):
    space = make_space()
    a, b, c = make_user(), make_user(), make_user()
    booking = book(space, a, at(17), at(20))
    early, late = join(space, b, at(17), at(18)), join(space, c, at(18), at(20))
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    early.refresh_from_db()
    late.refresh_from_db()
    assert early.status == late.status == WaitlistStatus.OFFERED


def test_a_hold_cancelled_by_its_holder_goes_on_and_the_sweep_settles_the_entry(taken):
    space, booking, a, b, c = taken
    first, second = join(space, b), join(space, c)
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    first.refresh_from_db()
    services.cancel_booking(actor=b, booking=first.offer, now=NOW)
    second.refresh_from_db()
    assert second.status == WaitlistStatus.OFFERED
    assert waitlist_services.advance_lapsed_offers(now=NOW) == 0
    first.refresh_from_db()
    assert first.status == WaitlistStatus.LAPSED


def test_a_slot_freed_without_an_offer_is_offered_by_the_sweep(make_space, make_user):
    """A bulk cancellation (account deletion) makes no offer; the sweep makes it."""
    space = make_space(booking_opens_days=3650)
    holder, waiting = make_user(), make_user()
    booking = book(space, holder)
    entry = join(space, waiting)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)

    assert waitlist_services.offer_stranded_slots(now=NOW) == 1
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    assert entry.offer.status == BookingStatus.HELD
    assert waitlist_services.offer_stranded_slots(now=NOW) == 0  # the open offer holds it
