"""The checks a booking must pass before it is written: who, when, how long, how many."""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings.errors import BookingRuleBroken, NotAllowedToBook, OutsideOpeningHours
from lampio.core.errors import NotFound
from lampio.core.timeranges import LOCAL_ZONE, Interval, as_utc
from lampio.spaces.models import Bookers, Space, Visibility
from lampio.spaces.opening import opening_periods_between
from lampio.tenancy.permissions import roles_of


def check_may_book(user: User, space: Space) -> None:
    member_of_owner = space.venue.organisation_id in roles_of(user)
    if space.visibility == Visibility.MEMBERS and not member_of_owner:
        raise NotFound()
    if not space.is_published or not space.venue.is_published:
        raise NotFound()
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        raise NotAllowedToBook(_("Verify your email address before you book."))
    if space.who_may_book == Bookers.STRONGLY_IDENTIFIED and not (
        SocialAccount.objects.filter(user=user).exists()
    ):
        raise NotAllowedToBook(_("This space can be booked only after strong identification."))
    if space.who_may_book == Bookers.ORGANISATIONS and not member_of_owner:
        allowed = set(space.allowed_organisations.values_list("pk", flat=True))
        if not allowed & set(roles_of(user)):
            raise NotAllowedToBook()


def _on_grid(moment: datetime, slot_minutes: int) -> bool:
    local = moment.astimezone(LOCAL_ZONE)
    return (
        local.second == 0
        and local.microsecond == 0
        and ((local.hour * 60 + local.minute) % slot_minutes == 0)
    )


def normalised(starts_at: datetime, ends_at: datetime) -> tuple[datetime, datetime]:
    """Both times in UTC; a time without its zone is refused rather than guessed."""
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise BookingRuleBroken(_("Give the time with its time zone."), field="starts_at")
    return as_utc(starts_at), as_utc(ends_at)


def check_times(space: Space, starts_at: datetime, ends_at: datetime, *, now: datetime) -> None:
    if ends_at <= starts_at:
        raise BookingRuleBroken(_("The booking must end after it starts."), field="ends_at")
    if not (_on_grid(starts_at, space.slot_minutes) and _on_grid(ends_at, space.slot_minutes)):
        raise BookingRuleBroken(
            _("Bookings start and end at the full %(minutes)d-minute slots of the space.")
            % {"minutes": space.slot_minutes},
            field="starts_at",
        )
    duration = ends_at - starts_at
    if duration < timedelta(minutes=space.min_duration_minutes):
        raise BookingRuleBroken(
            _("The shortest booking is %(minutes)d minutes.")
            % {"minutes": space.min_duration_minutes},
            field="ends_at",
        )
    if duration > timedelta(minutes=space.max_duration_minutes):
        raise BookingRuleBroken(
            _("The longest booking is %(minutes)d minutes.")
            % {"minutes": space.max_duration_minutes},
            field="ends_at",
        )
    if not space.allows_multi_day and duration > timedelta(hours=24):
        # An evening slot may run past midnight; only cabins and the like are booked for days.
        raise BookingRuleBroken(
            _("This space is booked for at most one day at a time."), field="ends_at"
        )
    if starts_at < now + timedelta(hours=space.booking_closes_hours):
        raise BookingRuleBroken(
            _("This time can no longer be booked. Bookings close %(hours)d hours before the start.")
            % {"hours": space.booking_closes_hours}
            if space.booking_closes_hours
            else _("This time has already started or passed."),
            field="starts_at",
        )
    last_day = now + timedelta(days=space.booking_opens_days)
    if starts_at > last_day:
        raise BookingRuleBroken(
            _("Bookings open %(days)d days ahead. You can book this time from %(date)s.")
            % {
                "days": space.booking_opens_days,
                "date": date_format(
                    (starts_at - timedelta(days=space.booking_opens_days)).astimezone(LOCAL_ZONE),
                    "SHORT_DATE_FORMAT",
                ),
            },
            field="starts_at",
        )
    check_within_opening_hours(space, Interval(starts_at, ends_at))


def check_within_opening_hours(space: Space, wanted: Interval) -> None:
    first = wanted.start.astimezone(LOCAL_ZONE).date() - timedelta(days=1)
    last = wanted.end.astimezone(LOCAL_ZONE).date()
    periods = opening_periods_between(space, first, last)
    if not any(period.contains(wanted) for period in periods):
        raise OutsideOpeningHours(field="starts_at")


def check_attendees(space: Space, attendees: int) -> None:
    if attendees < 1:
        raise BookingRuleBroken(_("At least one person must take part."), field="attendees")
    if attendees > space.capacity:
        raise BookingRuleBroken(
            _("The space holds at most %(capacity)d people.") % {"capacity": space.capacity},
            field="attendees",
        )
