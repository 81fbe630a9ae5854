"""Search across the pilot library: pilots, lessons, documents and webinars, in Finnish, Swedish
and English (core.textsearch stems the words; it runs on SQLite and PostgreSQL alike).

Filters narrow the pilots first (city, a phase reached, status, a digital compass point through
the roadmap initiatives); each kind of result is then searched within those pilots and shown
with the pilot it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from lampio.capability.models import (
    CompassPoint,
    Lesson,
    PhaseKind,
    Pilot,
    PilotDocument,
    PilotStatus,
    Webinar,
)
from lampio.capability.models.pilots import PhaseStatus
from lampio.capability.selectors.pilots import public_pilots, staff_pilots
from lampio.core.textsearch import SearchFields, matching_text

PILOT_FIELDS = SearchFields(stemmed=("title", "summary"))
# Lessons and document titles are written in one language (the writer's), not translated.
LESSON_FIELDS = SearchFields(stemmed=(), plain=("what_worked", "what_did_not", "do_differently"))
DOCUMENT_FIELDS = SearchFields(stemmed=(), plain=("title",))
WEBINAR_FIELDS = SearchFields(stemmed=("offering__title",))
# A phase is reached once it is under way or done.
REACHED = (PhaseStatus.ONGOING, PhaseStatus.DONE)
LIMIT = 50


@dataclass(frozen=True)
class LibraryFilters:
    q: str = ""
    city: str = ""  # a municipality's slug
    phase: str = ""  # a PhaseKind reached
    status: str = ""
    compass: str = ""

    def cleaned(self) -> LibraryFilters:
        """Unknown choices are dropped rather than refused: the search still answers."""
        return LibraryFilters(
            q=self.q.strip()[:200],
            city=self.city.strip()[:60],
            phase=self.phase if self.phase in PhaseKind.values else "",
            status=self.status if self.status in PilotStatus.values else "",
            compass=self.compass if self.compass in CompassPoint.values else "",
        )

    @property
    def is_empty(self) -> bool:
        return not (self.q or self.city or self.phase or self.status or self.compass)


@dataclass
class LibraryResults:
    pilots: list[Pilot] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    documents: list[PilotDocument] = field(default_factory=list)
    webinars: list[Webinar] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.pilots) + len(self.lessons) + len(self.documents) + len(self.webinars)


def _filtered(pilots: QuerySet[Pilot], filters: LibraryFilters) -> QuerySet[Pilot]:
    if filters.city:
        pilots = pilots.filter(municipalities__slug=filters.city)
    if filters.phase:
        pilots = pilots.filter(phases__kind=filters.phase, phases__status__in=REACHED)
    if filters.status:
        pilots = pilots.filter(status=filters.status)
    if filters.compass:
        pilots = pilots.filter(initiatives__compass_point=filters.compass)
    return pilots.distinct()


def search_library(filters: LibraryFilters, *, public: bool = False) -> LibraryResults:
    """Results grouped by kind. Without words only the pilots are listed (all that match the
    filters); with words, every kind whose text matches. `public` leaves out planned pilots and
    uploaded files (these are read through the staff area only)."""
    filters = filters.cleaned()
    pilots = _filtered(public_pilots() if public else staff_pilots(), filters)
    pilot_ids = pilots.values("pk")
    if not filters.q:
        return LibraryResults(pilots=list(pilots.order_by("-starts_on", "pk")[:LIMIT]))
    lessons = Lesson.objects.filter(pilot__in=pilot_ids).select_related(
        "pilot", "organisation__municipality"
    )
    documents = PilotDocument.objects.filter(pilot__in=pilot_ids).select_related("pilot")
    if public:
        documents = documents.filter(file="")
    webinars = Webinar.objects.filter(pilot__in=pilot_ids).select_related(
        "pilot", "offering__organisation"
    )
    return LibraryResults(
        pilots=list(
            matching_text(pilots, filters.q, PILOT_FIELDS).order_by("-starts_on", "pk")[:LIMIT]
        ),
        lessons=list(
            matching_text(lessons, filters.q, LESSON_FIELDS).order_by("-created_at", "pk")[:LIMIT]
        ),
        documents=list(
            matching_text(documents, filters.q, DOCUMENT_FIELDS).order_by("-added_at", "pk")[:LIMIT]
        ),
        webinars=list(matching_text(webinars, filters.q, WEBINAR_FIELDS).order_by("pk")[:LIMIT]),
    )
