"""Import a Linked Events–style event feed as offerings of one provider.

Each event becomes a published offering with one occurrence. The event's `id` is kept in
`Offering.source_id`, so a second import updates what the first created instead of adding
copies; a provider's own later choice to unpublish an imported offering is kept. Skipped are
events that have ended, deleted ones, and containers (`super_event_type` "recurring" or
"umbrella"), whose sub-events the feed lists as events of their own.

Places are matched to the provider municipality's venues by name, otherwise kept as text; the
Internet place makes the offering an online live stream. Keywords are matched by their YSO id
or name to the controlled list, following replacements of deprecated ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from lampio.core.multilingual import Translated
from lampio.core.timeranges import as_utc
from lampio.offerings import tasks
from lampio.offerings.importers.feed import (
    DEFAULT_MAX_PAGES,
    FeedUnreadable,
    FetchJson,
    documents,
    events_of,
    fetch_json,
    is_url,
)
from lampio.offerings.importers.mapping import (
    AUDIENCES,
    STATUSES,
    age,
    columns,
    joined,
    parse_time,
    price_of,
    ref_id,
    same,
    shortened,
    translated,
    with_finnish,
)
from lampio.offerings.keywords import keyword_for
from lampio.offerings.models import (
    ACTIVE_ENROLMENT,
    Format,
    Keyword,
    Language,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.spaces.models import Venue
from lampio.tenancy.models import Organisation

# Linked Events allows an event without an end; it is shown as lasting an hour.
DEFAULT_DURATION = timedelta(hours=1)
MAX_PLACE_FETCHES = 100
ONLINE_PLACES = {"helsinki:internet", "virtual:public"}


class SkipEvent(Exception):
    """This event is not imported; the message says why."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Place:
    venue: Venue | None = None
    text: str = ""
    online: bool = False


class LinkedEventsImport:
    """One import run for `organisation`; `fetch` reads URLs (a fake one in tests)."""

    def __init__(
        self,
        organisation: Organisation,
        *,
        now: datetime | None = None,
        fetch: FetchJson | None = None,
    ) -> None:
        self.organisation = organisation
        self.now = now or timezone.now()
        self.fetch = fetch or fetch_json
        self.report = ImportReport()
        self._places: dict[str, Any] = {}
        self._keywords: dict[tuple[str, tuple[str, ...]], Keyword | None] = {}
        self._follow_places = False

    def run(self, source: str, *, max_pages: int = DEFAULT_MAX_PAGES) -> ImportReport:
        """Import every event of the feed at `source` (a file path or an http(s) address)."""
        self._follow_places = is_url(source)
        for document in documents(source, max_pages=max_pages, fetch=self.fetch):
            self.report.pages += 1
            self.import_events(events_of(document))
        return self.report

    def import_events(self, events: Iterable[Any]) -> None:
        for event in events:
            event_id = event.get("id", "?") if isinstance(event, dict) else "?"
            try:
                outcome = self.import_event(event)
            except SkipEvent as reason:
                self.report.skipped += 1
                self.report.notes.append(f"{event_id}: {reason}")
            else:
                setattr(self.report, outcome, getattr(self.report, outcome) + 1)

    # --- One event ------------------------------------------------------------------------------

    def import_event(self, event: Any) -> str:
        """Create or update one event's offering; "created", "updated" or "unchanged"."""
        if not isinstance(event, dict):
            raise SkipEvent("not an event object")
        source_id = str(event.get("id") or "").strip()[:200]
        if not source_id:
            raise SkipEvent("no id")
        if event.get("deleted"):
            raise SkipEvent("deleted at the source")
        if event.get("super_event_type") in ("recurring", "umbrella"):
            raise SkipEvent("a series or umbrella event; its sub-events are imported instead")
        starts_at = parse_time(event.get("start_time"))
        if starts_at is None:
            raise SkipEvent("no start time")
        ends_at = parse_time(event.get("end_time"))
        if ends_at is None or ends_at <= starts_at:
            ends_at = starts_at + DEFAULT_DURATION
        if ends_at <= self.now:
            raise SkipEvent("already over")
        title = with_finnish(translated(event.get("name")))
        if not title.fi:
            raise SkipEvent("no name")
        columns = self._offering_columns(event, title)
        occurrence_columns = self._occurrence_columns(event, starts_at, ends_at)
        try:
            created, changed = self._save(source_id, event, columns, occurrence_columns)
        except (IntegrityError, DataError) as error:
            # The event's own transaction was rolled back; the rest of the feed goes on.
            raise SkipEvent(f"refused by the database: {error}") from error
        if created:
            return "created"
        return "updated" if changed else "unchanged"

    def _save(
        self,
        source_id: str,
        event: dict[str, Any],
        offering_values: dict[str, Any],
        occurrence_values: dict[str, Any],
    ) -> tuple[bool, bool]:
        """Write one event in one transaction; (created, changed)."""
        with transaction.atomic():
            offering = (
                Offering.objects.select_for_update()
                .filter(organisation=self.organisation, source_id=source_id)
                .first()
            )
            created = offering is None
            if offering is None:
                offering = Offering(
                    organisation=self.organisation,
                    source_id=source_id,
                    status=OfferingStatus.PUBLISHED,
                    published_at=self.now,
                )
            changed = self._save_offering(offering, offering_values)
            changed |= self._save_rows(offering, event)
            changed |= self._save_occurrence(offering, occurrence_values)
        return created, changed

    def _offering_columns(self, event: dict[str, Any], title: Translated) -> dict[str, Any]:
        offers = [offer for offer in event.get("offers") or [] if isinstance(offer, dict)]
        is_free = not offers or all(offer.get("is_free") is True for offer in offers)
        prices = [translated(offer.get("price")) for offer in offers if not offer.get("is_free")]
        place = self._place(event)
        age_min, age_max = age(event.get("audience_min_age")), age(event.get("audience_max_age"))
        if age_min is not None and age_max is not None and age_min > age_max:
            age_min, age_max = age_max, age_min
        capacity = event.get("maximum_attendee_capacity")
        return {
            **columns("title", shortened(title, 200)),
            **columns(
                "short_description",
                shortened(translated(event.get("short_description"), html=True), 300),
            ),
            **columns("description", translated(event.get("description"), html=True)),
            **columns("price_info", joined(prices, 300)),
            "format": Format.LIVE_STREAM if place.online else Format.ON_SITE,
            "venue": place.venue,
            "location": "" if place.venue else place.text[:200],
            "online_url": self._online_url(event) if place.online else "",
            "is_free": is_free,
            # A paid event whose price is only words still needs an amount; the words go along.
            "price": None if is_free else (price_of(price.fi for price in prices) or Decimal(0)),
            "age_min": age_min,
            "age_max": age_max,
            "allows_enrolment": isinstance(capacity, int) and capacity > 0,
        }

    def _occurrence_columns(
        self, event: dict[str, Any], starts_at: datetime, ends_at: datetime
    ) -> dict[str, Any]:
        capacity = event.get("maximum_attendee_capacity")
        opens = parse_time(event.get("enrolment_start_time"))
        closes = parse_time(event.get("enrolment_end_time"))
        return {
            "starts_at": as_utc(starts_at),
            "ends_at": as_utc(ends_at),
            "status": STATUSES.get(str(event.get("event_status")), OccurrenceStatus.SCHEDULED),
            "capacity": capacity if isinstance(capacity, int) and capacity > 0 else 0,
            "enrolment_opens_at": as_utc(opens) if opens else None,
            "enrolment_closes_at": as_utc(closes) if closes else None,
        }

    def _save_offering(self, offering: Offering, values: dict[str, Any]) -> bool:
        changed = offering.pk is None or not all(
            same(getattr(offering, name), value) for name, value in values.items()
        )
        if changed:
            for name, value in values.items():
                setattr(offering, name, value)
            offering.save()
        return changed

    def _save_rows(self, offering: Offering, event: dict[str, Any]) -> bool:
        keywords = self._keywords_of(event)
        audience_ids = {ref_id(ref) for ref in event.get("audience") or []}
        audiences = {AUDIENCES[found] for found in audience_ids if found in AUDIENCES}
        languages = {ref_id(ref) for ref in event.get("in_language") or []} & set(Language.values)
        changed = False
        if set(offering.keywords.values_list("pk", flat=True)) != {k.pk for k in keywords}:
            offering.keywords.set(keywords)
            changed = True
        if set(offering.audience_rows.values_list("audience", flat=True)) != audiences:
            offering.audience_rows.all().delete()
            OfferingAudience.objects.bulk_create(
                OfferingAudience(offering=offering, audience=value) for value in audiences
            )
            changed = True
        if set(offering.language_rows.values_list("language", flat=True)) != languages:
            offering.language_rows.all().delete()
            OfferingLanguage.objects.bulk_create(
                OfferingLanguage(offering=offering, language=value) for value in languages
            )
            changed = True
        return changed

    def _save_occurrence(self, offering: Offering, values: dict[str, Any]) -> bool:
        occurrence = (
            Occurrence.objects.select_for_update().filter(offering=offering).order_by("pk").first()
        )
        if occurrence is None:
            Occurrence.objects.create(offering=offering, **values)
            return True
        # Seats already taken here stay taken, whatever the source now says.
        values = {**values, "capacity": max(values["capacity"], occurrence.seats_taken)}
        before = {name: getattr(occurrence, name) for name in values}
        if before == values:
            return False
        for name, value in values.items():
            setattr(occurrence, name, value)
        occurrence.save()
        self._tell_enrolled(occurrence, before)
        return True

    def _tell_enrolled(self, occurrence: Occurrence, before: dict[str, Any]) -> None:
        """Enrolled people hear of a cancellation or a new time, as after a provider's change."""
        if occurrence.status != before["status"] and occurrence.status in tasks.OCCURRENCE_EVENTS:
            event = str(occurrence.status)
        elif occurrence.starts_at != before["starts_at"] and occurrence.is_open:
            event = "rescheduled"
        else:
            return
        if occurrence.enrolments.filter(status__in=ACTIVE_ENROLMENT).exists():
            occurrence_id = occurrence.pk
            transaction.on_commit(
                lambda: tasks.send_occurrence_notice.enqueue(occurrence_id, event)
            )

    # --- Places, links and keywords -------------------------------------------------------------

    def _place(self, event: dict[str, Any]) -> Place:
        location = event.get("location")
        place_id = ref_id(location)
        data = location if isinstance(location, dict) and "name" in location else None
        if data is None and place_id and place_id not in ONLINE_PLACES:
            data = self._fetched_place(location)
        extra = translated(event.get("location_extra_info")).fi
        if place_id in ONLINE_PLACES:
            return Place(online=True)
        if not isinstance(data, dict):
            return Place(text=extra)
        name = with_finnish(translated(data.get("name"))).fi
        street = with_finnish(translated(data.get("street_address"))).fi
        town = with_finnish(translated(data.get("address_locality"))).fi
        postal = " ".join(filter(None, [str(data.get("postal_code") or ""), town]))
        venue = (
            Venue.objects.filter(
                organisation__municipality_id=self.organisation.municipality_id,
                name_fi__iexact=name,
            ).first()
            if name
            else None
        )
        label = f"{name} ({extra})" if name and extra else name or extra
        return Place(venue=venue, text=", ".join(filter(None, [label, street, postal])))

    def _fetched_place(self, location: Any) -> Any:
        """A place only referred to by its address is read once per run, from feeds on the web."""
        url = location.get("@id") if isinstance(location, dict) else location
        if not self._follow_places or not isinstance(url, str) or not is_url(url):
            return None
        if url not in self._places:
            if len(self._places) >= MAX_PLACE_FETCHES:
                return None
            try:
                self._places[url] = self.fetch(url)
            except FeedUnreadable as error:  # an unreadable place only loses its name
                self.report.notes.append(f"place {url}: {error}")
                self._places[url] = None
        return self._places[url]

    def _online_url(self, event: dict[str, Any]) -> str:
        links = [
            link.get("link") for link in event.get("external_links") or [] if isinstance(link, dict)
        ]
        info = translated(event.get("info_url"))
        for url in [*links, info.fi, info.sv, info.en]:
            if isinstance(url, str) and is_url(url) and len(url) <= 200:
                return url
        return ""

    def _keywords_of(self, event: dict[str, Any]) -> list[Keyword]:
        found: dict[int, Keyword] = {}
        for ref in event.get("keywords") or []:
            names = translated(ref.get("name")) if isinstance(ref, dict) else Translated()
            wanted = (ref_id(ref), (names.fi, names.sv, names.en))
            if wanted not in self._keywords:
                self._keywords[wanted] = keyword_for(external_id=wanted[0], names=wanted[1])
            if (keyword := self._keywords[wanted]) is not None:
                found[keyword.pk] = keyword
        return list(found.values())
