"""Watches: a freed slot is told to those watching its weekday and time, once, if still free."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail

from lampio.bookings import services, waitlist_services, watch_services
from lampio.bookings.models import Watch
from lampio.core.errors import Conflict, InvalidInput, NotFound
from lampio.core.timeranges import Interval, local_datetime, local_day_bounds
from lampio.notifications.models import Delivery
from lampio.notifications.services import set_non_essential
from lampio.spaces.models import Visibility

pytestmark = pytest.mark.django_db

WEDNESDAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def at(hour: int, minute: int = 0, day: date = WEDNESDAY) -> datetime:
    return local_datetime(day, time(hour, minute))


def watch(person, *, space=None, venue=None, weekday=2, starts=time(17), ends=time(19)):
    return watch_services.add_watch(
        actor=person, space=space, venue=venue, weekday=weekday, starts=starts, ends=ends
    )


def told(person) -> int:
    return Delivery.objects.filter(key="watch.alert", recipient=person, channel="email").count()


def test_watches_of_the_weekday_and_window_of_the_space_or_its_venue_are_told(
    make_space, make_user
):
    space = make_space()
    by_space, by_venue, other_day, later, elsewhere = (make_user() for _ in range(5))
    watch(by_space, space=space)
    watch(by_venue, venue=space.venue, starts=time(18, 30), ends=time(22))
    watch(other_day, space=space, weekday=3)
    watch(later, space=space, starts=time(19), ends=time(21))  # touches, does not overlap
    watch(elsewhere, space=make_space())
    count = watch_services.alert_watchers(space, Interval(at(18), at(19)), NOW)
    assert count == 2
    assert (told(by_space), told(by_venue)) == (1, 1)
    assert told(other_day) == told(later) == told(elsewhere) == 0
    assert Watch.objects.filter(person=by_space).get().last_alerted_at == NOW


def test_each_person_is_told_once_per_freed_slot(make_space, make_user):
    space = make_space()
    person = make_user()
    watch(person, space=space)
    watch(person, venue=space.venue)
    freed = Interval(at(18), at(19))
    assert watch_services.alert_watchers(space, freed, NOW) == 1
    assert watch_services.alert_watchers(space, freed, NOW) == 0  # a repeated job
    assert told(person) == 1


def test_the_one_who_freed_it_and_those_who_opted_out_are_not_told(make_space, make_user):
    space = make_space()
    freer, quiet = make_user(), make_user()
    watch(freer, space=space)
    watch(quiet, space=space)
    set_non_essential(person=quiet, wanted=False)
    assert (
        watch_services.alert_watchers(space, Interval(at(18), at(19)), NOW, skip_person=freer.pk)
        == 0
    )
    assert told(freer) == told(quiet) == 0


def test_only_the_parts_still_free_are_told(make_space, make_user):
    """A waitlist offer takes 17–18 of a freed 17–20: a 17–18 watcher hears nothing."""
    space = make_space()
    a, waiting, early, late = (make_user() for _ in range(4))
    booking = services.book_space(
        actor=a, space=space, starts_at=at(17), ends_at=at(20), purpose="x", attendees=1, now=NOW
    )
    waitlist_services.join_waitlist(
        actor=waiting, space=space, starts_at=at(17), ends_at=at(18), now=NOW
    )
    watch(early, space=space, starts=time(17), ends=time(18))
    watch(late, space=space, starts=time(19), ends=time(20))
    services.cancel_booking(actor=a, booking=booking, now=NOW)
    assert watch_services.alert_watchers(space, Interval(at(17), at(20)), NOW) == 1
    assert (told(early), told(late)) == (0, 1)
    assert "18.00–20.00" in Delivery.objects.get(recipient=late, channel="email").body


@pytest.mark.parametrize("day", [date(2030, 3, 31), date(2030, 10, 27)])
def test_windows_are_local_time_on_daylight_saving_change_days(make_space, make_user, day):
    space = make_space()
    right, hour_early, hour_late = make_user(), make_user(), make_user()
    sunday = 6
    watch(right, space=space, weekday=sunday, starts=time(18), ends=time(19))
    watch(hour_early, space=space, weekday=sunday, starts=time(17), ends=time(18))
    watch(hour_late, space=space, weekday=sunday, starts=time(19), ends=time(20))
    freed = Interval(at(18, day=day), at(19, day=day))
    now = local_datetime(day - timedelta(days=7), time(12))
    assert watch_services.alert_watchers(space, freed, now) == 1
    assert told(right) == 1


def test_day_parts_cut_at_local_midnight_of_a_25_hour_day():
    day = date(2030, 10, 27)
    whole = local_day_bounds(day)
    assert whole.duration == timedelta(hours=25)
    parts = watch_services.day_parts(
        [Interval(whole.start + timedelta(hours=22), whole.end + timedelta(hours=2))]
    )
    assert [(p.weekday, p.starts, p.ends) for p in parts] == [
        (6, time(21), None),
        (0, time(0), time(2)),
    ]


def test_members_only_spaces_are_told_to_members_only(make_space, make_user, make_member):
    space = make_space(visibility=Visibility.MEMBERS)
    member, outsider = make_member(space.venue.organisation), make_user()
    watch(member, venue=space.venue)
    watch(outsider, venue=space.venue)
    assert watch_services.alert_watchers(space, Interval(at(18), at(19)), NOW) == 1
    assert (told(member), told(outsider)) == (1, 0)


def test_a_cancellation_tells_watchers_after_commit(
    make_space, make_user, django_capture_on_commit_callbacks
):
    space = make_space()
    a, watcher = make_user(), make_user()
    watch(a, space=space)  # the canceller watches too, and is not told of their own slot
    watch(watcher, space=space)
    booking = services.book_space(
        actor=a, space=space, starts_at=at(18), ends_at=at(19), purpose="x", attendees=1, now=NOW
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=a, booking=booking, now=NOW)
    alerts = [m for m in mail.outbox if "/spaces/" in m.body and m.to == [watcher.email]]
    assert len(alerts) == 1
    assert told(a) == 0


def test_a_watch_is_a_window_within_a_day_and_people_have_a_limit(make_space, make_user):
    space = make_space()
    person = make_user()
    with pytest.raises(InvalidInput):
        watch(person, space=space, starts=time(19), ends=time(18))
    with pytest.raises(InvalidInput):
        watch(person, space=space, weekday=7)
    with pytest.raises(InvalidInput):
        watch_services.add_watch(actor=person, weekday=1, starts=time(8), ends=time(9))
    watch(person, space=space)
    with pytest.raises(Conflict):
        watch(person, space=space)
    for hour in range(watch_services.MAX_WATCHES_PER_PERSON - 1):
        watch(person, space=space, weekday=hour % 7, starts=time(hour), ends=time(hour, 30))
    with pytest.raises(Conflict):
        watch(person, space=space, weekday=6, starts=time(22), ends=time(23))


def test_only_the_owner_removes_a_watch(make_space, make_user):
    space = make_space()
    owner, other = make_user(), make_user()
    mine = watch(owner, space=space)
    with pytest.raises(NotFound):
        watch_services.remove_watch(actor=other, watch_id=mine.pk)
    watch_services.remove_watch(actor=owner, watch_id=mine.pk)
    assert not Watch.objects.exists()


def test_alerts_and_offers_go_by_text_message_too(
    make_space, make_user, settings, django_capture_on_commit_callbacks
):
    from lampio.core import sms

    settings.LAMPIO_SMS_BACKEND = "locmem"
    sms.outbox.clear()
    space = make_space()
    a = make_user()
    waiting = make_user(phone="+358401234567")
    watcher = make_user(phone="+358407654321")
    watch(watcher, space=space, starts=time(19), ends=time(21))
    booking = services.book_space(
        actor=a, space=space, starts_at=at(18), ends_at=at(20), purpose="x", attendees=1, now=NOW
    )
    waitlist_services.join_waitlist(
        actor=waiting, space=space, starts_at=at(18), ends_at=at(19), now=NOW
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=a, booking=booking, now=NOW)
    texts = {message.to: message.text for message in sms.outbox}
    assert "/waitlist/" in texts["+358401234567"]
    assert "/spaces/" in texts["+358407654321"] and len(texts["+358407654321"]) < 200
