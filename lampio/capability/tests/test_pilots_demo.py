"""The demo's pilot library: loads on the demo's cities and organisations, loads again without
copies, and gives the public learning page pilots, lessons, and one webinar ahead and one held."""

from __future__ import annotations

from datetime import date

import pytest

from lampio.capability.models import Lesson, PhaseKind, Pilot, PilotDocument, Webinar
from lampio.capability.selectors.library import LibraryFilters, search_library
from lampio.capability.selectors.pilots import phases_in_order, upcoming_public_webinars
from lampio.demo import data
from lampio.demo.capability_pilots import load_capability_pilots
from lampio.demo.capability_roadmap import load_capability_roadmap
from lampio.tenancy.models import Municipality, Organisation


@pytest.fixture
def organisations(db: None) -> dict[tuple[str, str], Organisation]:
    cities = {
        row["slug"]: Municipality.objects.create(slug=row["slug"], name_fi=row["name"][0])
        for row in data.MUNICIPALITIES
    }
    return {
        (city, slug): Organisation.objects.create(
            municipality=cities[city], slug=slug, kind=kind, name_fi=name[0], name_sv=name[1]
        )
        for city, slug, kind, name, _description, _website in data.ORGANISATIONS
    }


def test_the_demo_library_loads_once_and_fills_the_public_page(organisations) -> None:
    today = date.today()
    load_capability_roadmap(organisations=organisations)
    summary = load_capability_pilots(organisations=organisations, today=today)
    # The pilots implement four of the roadmap demo's initiatives.
    assert summary.initiative_links == 4
    assert Pilot.objects.filter(initiatives__isnull=False).distinct().count() == 4
    counts = (Pilot.objects.count(), Lesson.objects.count(), PilotDocument.objects.count())
    load_capability_pilots(organisations=organisations, today=today)
    assert (Pilot.objects.count(), Lesson.objects.count(), PilotDocument.objects.count()) == counts
    assert (summary.pilots, summary.webinars, Webinar.objects.count()) == (6, 2, 2)
    assert min(pilot.lessons.count() for pilot in Pilot.objects.all()) >= 1
    assert max(pilot.lessons.count() for pilot in Pilot.objects.all()) <= 3
    # Lessons are in the language the organisation wrote them in: Turku's in Swedish.
    assert Lesson.objects.filter(organisation__municipality__slug="turku", language="sv").exists()
    for pilot in Pilot.objects.all():
        assert [row.kind for row in phases_in_order(pilot) if row.phase] == list(PhaseKind.values)
    # One webinar is ahead (registration), the other held with its recording.
    [ahead] = upcoming_public_webinars()
    assert ahead.webinar.offering.format == "live_stream"
    assert Webinar.objects.exclude(pk=ahead.webinar.pk).get().recording_url.startswith("https://")
    # Planned pilots stay off the public page.
    public = search_library(LibraryFilters(), public=True).pilots
    assert len(public) == 5 and all(pilot.status != "planned" for pilot in public)
    assert search_library(LibraryFilters(q="kirjastoissa"), public=True).pilots
