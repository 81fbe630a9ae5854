"""Search across the library: pilots, lessons, documents and webinars in Finnish, Swedish and
English (stemmed), the filters, and what the public search leaves out."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lampio.capability.models import CompassPoint, PhaseKind
from lampio.capability.models.pilots import PhaseStatus
from lampio.capability.selectors.library import LibraryFilters, search_library
from lampio.capability.services.library import (
    DocumentData,
    LessonData,
    add_document,
    add_webinar,
    save_lesson,
)
from lampio.capability.services.pilots import PhaseData, link_pilot, save_phases
from lampio.capability.tests.pilot_factories import (  # noqa: F401  (fixtures)
    World,
    make_initiative,
    make_pilot,
    world_fixture,
)
from lampio.offerings.models import Format

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def library(world: World, make_offering, make_municipality):
    city = make_municipality(slug="lahti", name="Lahti")
    concerts = make_pilot(
        world.staff_a,
        world.a,
        title="Suoratoistetut konsertit hoivakoteihin",
        title_sv="Strömmade konserter till vårdhem",
        summary="Konsertit välitetään hoivakotien yhteisiin tiloihin.",
        municipalities=[city],
    )
    halls = make_pilot(
        world.staff_b,
        world.b,
        title="Koulujen salit yhdestä varauspaikasta",
        summary="Liikuntasalit ja juhlasalit varataan samasta palvelusta.",
        status="planned",
    )
    save_lesson(
        actor=world.staff_b,
        pilot=halls,
        organisation=world.b,
        data=LessonData(
            what_worked="Avainten luovutus sujui sähköisellä lukolla.",
            what_did_not="Iltavuorojen siivous jäi sopimatta.",
            do_differently="Sopisimme siivouksesta ennen kokeilua.",
        ),
    )
    add_document(
        actor=world.staff_a,
        pilot=concerts,
        data=DocumentData(title="Loppuraportti äänitekniikasta", url="https://a.fi/r"),
    )
    add_document(
        actor=world.staff_a,
        pilot=concerts,
        data=DocumentData(
            title="Sisäinen muistio äänitekniikasta",
            upload=SimpleUploadedFile("muistio.pdf", PDF),
        ),
    )
    add_webinar(
        actor=world.staff_a,
        pilot=concerts,
        offering=make_offering(
            world.a, title_fi="Verkostowebinaari: konsertit kotiin", format=Format.LIVE_STREAM
        ),
    )
    save_phases(
        actor=world.staff_a,
        pilot=concerts,
        phases=[PhaseData(kind=PhaseKind.ROUND_TABLE, status=PhaseStatus.DONE)],
    )
    link_pilot(
        actor=world.admin,
        initiative=make_initiative(None, compass_point=CompassPoint.SKILLS),
        pilot=concerts,
    )
    return concerts, halls


def test_inflected_finnish_words_find_pilots_lessons_documents_and_webinars(library) -> None:
    concerts, halls = library
    found = search_library(LibraryFilters(q="konsertteja"))
    assert found.pilots == [concerts]
    assert [webinar.pilot for webinar in found.webinars] == [concerts]
    lessons = search_library(LibraryFilters(q="siivouksen"))
    assert [lesson.pilot for lesson in lessons.lessons] == [halls]
    assert lessons.pilots == []
    documents = search_library(LibraryFilters(q="äänitekniikka"))
    assert len(documents.documents) == 2
    assert documents.count == 2


def test_swedish_search_finds_the_swedish_title(library) -> None:
    concerts, _halls = library
    with translation.override("sv"):
        assert search_library(LibraryFilters(q="konserterna")).pilots == [concerts]


def test_filters_narrow_the_pilots(library) -> None:
    concerts, halls = library
    assert search_library(LibraryFilters(city="lahti")).pilots == [concerts]
    assert search_library(LibraryFilters(phase=PhaseKind.ROUND_TABLE)).pilots == [concerts]
    assert search_library(LibraryFilters(phase=PhaseKind.CORE_TEAM)).pilots == []
    assert search_library(LibraryFilters(status="planned")).pilots == [halls]
    assert search_library(LibraryFilters(compass=CompassPoint.SKILLS)).pilots == [concerts]
    # A filter applies to lessons and documents too: B's lesson is not in Lahti's pilot.
    assert search_library(LibraryFilters(q="siivous", city="lahti")).lessons == []
    # Unknown choices are ignored rather than finding nothing.
    assert len(search_library(LibraryFilters(status="bogus")).pilots) == 2


def test_the_public_search_leaves_out_planned_pilots_and_uploaded_files(library) -> None:
    concerts, _halls = library
    assert search_library(LibraryFilters(), public=True).pilots == [concerts]
    assert search_library(LibraryFilters(q="siivous"), public=True).lessons == []
    documents = search_library(LibraryFilters(q="äänitekniikka"), public=True).documents
    assert [document.url for document in documents] == ["https://a.fi/r"]
