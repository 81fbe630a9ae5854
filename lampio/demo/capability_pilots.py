"""The demo's pilot library (see capability_pilots_data.py): six pilots with their phases,
links and lessons, two network webinars wrapping online offerings (one held, with a recording,
one ahead), and links to the roadmap's initiatives where the roadmap demo has made them (so it
is loaded after load_capability_roadmap).

Rows are made directly (the demo is its own author) with the audit log off, as the other demo
parts do. Idempotent: a pilot is found by its lead and Finnish title, a phase by its kind, a
link by its title, a lesson by its organisation, a webinar's offering by its organiser and
Finnish title; what exists is brought back to the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from auditlog.context import disable_auditlog
from django.utils import timezone

from lampio.accounts.models import User
from lampio.capability.models import (
    Initiative,
    Lesson,
    PhaseKind,
    Pilot,
    PilotDocument,
    PilotPhase,
    Webinar,
)
from lampio.core.timeranges import local_datetime
from lampio.demo.capability_pilots_data import PILOTS, WEBINARS, DemoPilot, DemoWebinar
from lampio.offerings.models import (
    Audience,
    Format,
    Keyword,
    Occurrence,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.tenancy.models import Municipality, Organisation

LANGUAGES = ("fi", "sv", "en")
# Who wrote a city's lessons: the demo staff of that city (organisations_data / data.USERS).
WRITERS = {
    "oulu": "henkilosto.oulu@demo.lampio.fi",
    "jyvaskyla": "henkilosto.jyvaskyla@demo.lampio.fi",
    "kuopio": "henkilosto.kuopio@demo.lampio.fi",
    "lahti": "henkilosto.lahti@demo.lampio.fi",
    "turku": "personal.turku@demo.lampio.fi",
}
WEBINAR_HOUR = time(14)


@dataclass
class PilotsSummary:
    pilots: int
    lessons: int
    webinars: int
    initiative_links: int


def _texts(name: str, values: tuple[str, str, str]) -> dict[str, str]:
    return {f"{name}_{language}": value for language, value in zip(LANGUAGES, values, strict=True)}


def _pilot(
    row: DemoPilot, organisations: Mapping[tuple[str, str], Organisation], today: date
) -> Pilot:
    lead = organisations[row.lead]
    pilot = Pilot.objects.filter(organisation=lead, title_fi=row.title[0]).first() or Pilot(
        organisation=lead
    )
    for name, values in (("title", row.title), ("summary", row.summary)):
        for field, value in _texts(name, values).items():
            setattr(pilot, field, value)
    pilot.status = row.status
    pilot.starts_on = today + timedelta(days=row.starts_in_days)
    pilot.ends_on = today + timedelta(days=row.ends_in_days) if row.ends_in_days else None
    pilot.save()
    pilot.municipalities.set(Municipality.objects.filter(slug__in=row.cities))
    pilot.participants.set([organisations[key] for key in row.participants])
    _phases(pilot, row, today)
    for kind, title, url in row.links:
        PilotDocument.objects.update_or_create(
            pilot=pilot, webinar=None, title=title, defaults={"kind": kind, "url": url}
        )
    for lesson in row.lessons:
        organisation = organisations[lesson.organisation]
        Lesson.objects.update_or_create(
            pilot=pilot,
            organisation=organisation,
            defaults={
                "language": lesson.language,
                "what_worked": lesson.what_worked,
                "what_did_not": lesson.what_did_not,
                "do_differently": lesson.do_differently,
                "created_by": User.objects.filter(email=WRITERS[lesson.organisation[0]]).first(),
            },
        )
    return pilot


def _phases(pilot: Pilot, row: DemoPilot, today: date) -> None:
    """Phases follow each other across the pilot's span; a planned one has no dates yet."""
    span = max((row.ends_in_days or row.starts_in_days + 300) - row.starts_in_days, 50)
    step = span // 5
    for number, (kind, status) in enumerate(zip(PhaseKind.values, row.phases, strict=True)):
        starts = today + timedelta(days=row.starts_in_days + number * step)
        dated = status in ("ongoing", "done")
        PilotPhase.objects.update_or_create(
            pilot=pilot,
            kind=kind,
            defaults={
                "status": status,
                "starts_on": starts if dated else None,
                "ends_on": starts + timedelta(days=step - 1) if status == "done" else None,
            },
        )


def _webinar(
    row: DemoWebinar,
    pilots: Mapping[str, Pilot],
    organisations: Mapping[tuple[str, str], Organisation],
    today: date,
) -> Webinar:
    organiser = organisations[row.organiser]
    offering = Offering.objects.filter(organisation=organiser, title_fi=row.title[0]).first()
    if offering is None:
        offering = Offering(organisation=organiser)
    for field, value in {
        **_texts("title", row.title),
        **_texts("short_description", row.description),
        **_texts("description", row.description),
    }.items():
        setattr(offering, field, value)
    offering.format = Format.LIVE_STREAM
    offering.online_url = "https://demo.lampio.fi/webinaarit/liity"
    offering.status = OfferingStatus.PUBLISHED
    offering.is_free = True
    offering.allows_enrolment = True
    offering.published_at = offering.published_at or timezone.now()
    offering.save()
    # Catalogued like every offering: a lecture for adults, in Finnish.
    offering.keywords.set(Keyword.objects.filter(key="lectures"))
    OfferingAudience.objects.get_or_create(offering=offering, audience=Audience.ADULTS)
    OfferingLanguage.objects.get_or_create(offering=offering, language="fi")
    starts_at: datetime = local_datetime(today + timedelta(days=row.starts_in_days), WEBINAR_HOUR)
    if not offering.occurrences.exists():
        Occurrence.objects.create(
            offering=offering,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1, minutes=30),
            capacity=200,
        )
    pilot = pilots[row.pilot_key]
    webinar, _created = Webinar.objects.update_or_create(
        offering=offering, defaults={"pilot": pilot, "recording_url": row.recording_url}
    )
    for kind, title, url in row.materials:
        PilotDocument.objects.update_or_create(
            pilot=pilot, webinar=webinar, title=title, defaults={"kind": kind, "url": url}
        )
    return webinar


def _link_initiatives(pilot: Pilot, titles: tuple[str, ...]) -> int:
    """Link to the roadmap demo's initiatives by their Finnish titles; an initiative the roadmap
    demo has not made (or that part not loaded) is skipped."""
    found = list(Initiative.objects.filter(title_fi__in=titles))
    pilot.initiatives.add(*found)
    return len(found)


def load_capability_pilots(
    *, organisations: Mapping[tuple[str, str], Organisation], today: date | None = None
) -> PilotsSummary:
    """Expects the demo's organisations, users and (optionally) roadmap initiatives to exist."""
    today = today or timezone.localdate()
    links = 0
    with disable_auditlog():
        pilots = {row.key: _pilot(row, organisations, today) for row in PILOTS}
        webinars = [_webinar(row, pilots, organisations, today) for row in WEBINARS]
        for row in PILOTS:
            links += _link_initiatives(pilots[row.key], row.initiative_titles)
    return PilotsSummary(
        pilots=len(pilots),
        lessons=Lesson.objects.filter(pilot__in=pilots.values()).count(),
        webinars=len(webinars),
        initiative_links=links,
    )
