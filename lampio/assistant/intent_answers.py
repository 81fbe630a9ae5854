"""Answers of the live-data intents (see intents.py), read through the owning apps' selectors.

Each answer is written in the question's language and links to the page where the person
completes the action: the filtered space search, the offerings list, My bookings. The
assistant never books anything itself.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.assistant.links import link_for
from lampio.assistant.replies import LiveItem
from lampio.bookings.free_time import spaces_free_between
from lampio.bookings.models import ACTIVE_STATUSES
from lampio.bookings.selectors import bookings_of, free_intervals
from lampio.core.timeranges import LOCAL_ZONE, Interval, local_datetime
from lampio.offerings.selectors import OfferingFilters, search_occurrences
from lampio.spaces.models import Space, SpaceType
from lampio.spaces.selectors import SpaceFilters, search_spaces

if TYPE_CHECKING:
    from lampio.assistant.intents import Intent, IntentAnswer

MAX_ITEMS = 5
# Spaces whose free times are computed for a whole-day question (a few queries each).
MAX_CANDIDATES = 25
MIN_FREE = datetime.timedelta(minutes=30)
MAX_OCCURRENCES_READ = 60


def _answer(text: str, items: list[LiveItem], link: str, label: str) -> IntentAnswer:
    from lampio.assistant.intents import IntentAnswer

    return IntentAnswer(text=text, items=tuple(items), link=link, link_label=label)


def _url(name: str, query: dict[str, str]) -> str:
    present = {key: value for key, value in query.items() if value}
    return reverse(name) + (f"?{urlencode(present)}" if present else "")


def _day(day: datetime.date) -> str:
    return formats.date_format(day, "l j.n.")


def _clock(moment: datetime.datetime) -> str:
    return formats.time_format(moment.astimezone(LOCAL_ZONE), "TIME_FORMAT")


def _span(interval: Interval) -> str:
    return f"{_clock(interval.start)}–{_clock(interval.end)}"


def _space_item(space: Space, day: datetime.date, free: str) -> LiveItem:
    venue = space.venue
    place = f"{venue.name}, {venue.organisation.municipality.name}"
    detail = f"{place} · {free}" if free else place
    url = reverse("spaces:space", kwargs={"space_id": space.pk}) + f"?date={day.isoformat()}"
    return LiveItem(title=space.name, detail=detail, url=url)


def free_spaces(intent: Intent, *, actor: User | None, language: str) -> IntentAnswer:
    day = intent.day or timezone.localdate()
    with translation.override(language):
        if intent.params.get("place"):
            link, label = link_for("spaces", language)
            text = _("%(place)s is not in this service yet, so I cannot show its spaces.") % {
                "place": intent.params["place"]
            }
            return _answer(text, [], link, label)
        municipality = intent.municipality.slug if intent.municipality else ""
        kind = intent.kind if intent.kind in SpaceType.values else ""
        spaces = search_spaces(
            actor=actor or AnonymousUser(),
            filters=SpaceFilters(municipality=municipality, space_type=kind),
        )
        query = {"municipality": municipality, "space_type": kind}
        items: list[LiveItem] = []
        if "from" in intent.params:
            start = datetime.time.fromisoformat(intent.params["from"])
            end = datetime.time.fromisoformat(intent.params["to"])
            wanted = Interval(local_datetime(day, start), local_datetime(day, end))
            for space in spaces_free_between(spaces, wanted)[:MAX_ITEMS]:
                items.append(_space_item(space, day, ""))
            query |= {
                "date": day.isoformat(),
                "from_time": intent.params["from"],
                "to_time": intent.params["to"],
            }
            # The day leads the sentence: Finnish would otherwise need to inflect it.
            found = _("%(day)s, %(start)s–%(end)s: these spaces are free.") % {
                "day": _day(day),
                "start": _clock(wanted.start),
                "end": _clock(wanted.end),
            }
        else:
            for space in spaces[:MAX_CANDIDATES]:
                free = [i for i in free_intervals(space, day) if i.duration >= MIN_FREE]
                if free:
                    items.append(_space_item(space, day, ", ".join(_span(i) for i in free[:3])))
                if len(items) == MAX_ITEMS:
                    break
            found = _("%(day)s: these spaces have free time.") % {"day": _day(day)}
        if items:
            how_to_book = _("Open a space to choose a time and book it.")
            text = f"{found} {how_to_book}"
        else:
            text = _(
                "%(day)s: I found no free spaces of that kind. The space search shows other "
                "days and places."
            ) % {"day": _day(day)}
        return _answer(text, items, _url("spaces:search", query), _("Search free spaces"))


def _period(intent: Intent) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    if intent.day is None:
        return None, None
    start = max(local_datetime(intent.day, datetime.time()), timezone.now())
    last = datetime.date.fromisoformat(intent.params.get("until", intent.day.isoformat()))
    return start, local_datetime(last + datetime.timedelta(days=1), datetime.time())


def offerings(intent: Intent, *, language: str) -> IntentAnswer:
    start, end = _period(intent)
    municipality = intent.municipality.slug if intent.municipality else ""
    filters = OfferingFilters(
        municipality=municipality,
        keyword=intent.kind,
        audience=intent.params.get("audience", ""),
        language=intent.params.get("language", ""),
        free=True if intent.params.get("free") else None,
        start=start,
        end=end,
    )
    query = {
        "municipality": municipality,
        "keyword": intent.kind,
        "audience": filters.audience,
        "language": filters.language,
        "price": "free" if filters.free else "",
        "date_from": intent.day.isoformat() if intent.day else "",
        "date_to": intent.params.get("until", ""),
    }
    with translation.override(language):
        items: list[LiveItem] = []
        if not intent.params.get("place"):
            seen: set[int] = set()
            for occurrence in search_occurrences(filters)[:MAX_OCCURRENCES_READ]:
                offering = occurrence.offering
                if offering.pk in seen:
                    continue  # one line per offering: its next time
                seen.add(offering.pk)
                when = formats.date_format(occurrence.starts_at.astimezone(LOCAL_ZONE), "D j.n.")
                place = offering.venue.name if offering.venue else offering.location
                detail = f"{when} {_clock(occurrence.starts_at)}"
                items.append(
                    LiveItem(
                        title=offering.title,
                        detail=f"{detail} · {place}" if place else detail,
                        url=reverse("offerings:detail", kwargs={"offering_id": offering.pk}),
                    )
                )
                if len(items) == MAX_ITEMS:
                    break
        if items:
            text = _("Coming up:")
            if intent.day is not None:
                text = _("Coming up from %(first)s to %(last)s:") % {
                    "first": _day(intent.day),
                    "last": _day(
                        datetime.date.fromisoformat(query["date_to"] or query["date_from"])
                    ),
                }
        elif intent.params.get("place"):
            text = _("%(place)s is not in this service yet, so I cannot show its events.") % {
                "place": intent.params["place"]
            }
        else:
            text = _("I found nothing of that kind coming up. The list of events has all there is.")
        return _answer(text, items, _url("offerings:list", query), _("Show the list of events"))


def next_booking(*, actor: User | None, language: str) -> IntentAnswer:
    with translation.override(language):
        if actor is None or not actor.is_authenticated:
            mine = reverse("bookings:mine")
            login = f"{reverse('account_login')}?{urlencode({'next': mine})}"
            return _answer(_("Log in to see your next booking."), [], login, _("Log in"))
        booking = bookings_of(actor=actor, upcoming=True).filter(status__in=ACTIVE_STATUSES).first()
        if booking is None:
            link, label = link_for("spaces", language)
            return _answer(_("You have no upcoming bookings."), [], link, label)
        start = booking.starts_at.astimezone(LOCAL_ZONE)
        when = f"{_day(start.date())} {_span(Interval(booking.starts_at, booking.ends_at))}"
        space = booking.space
        item = LiveItem(
            title=space.name,
            detail=f"{when} · {space.venue.name}",
            url=reverse("bookings:detail", kwargs={"booking_id": booking.pk}),
        )
        text = _("Your next booking is %(space)s on %(when)s.") % {
            "space": space.name,
            "when": when,
        }
        link, label = link_for("my-bookings", language)
        return _answer(text, [item], link, label)
