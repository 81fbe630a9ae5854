"""Similar ideas and routing suggestions: rows made with the ORM, no services involved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lampio.ideas.matching import (
    idea_terms,
    multilingual_terms,
    similar_ideas,
    suggest_routing,
)
from lampio.ideas.models import (
    Audience,
    Board,
    Idea,
    IdeaCategory,
    IdeaState,
    RoutingProfile,
    StrategyTheme,
)
from lampio.tenancy.models import Municipality, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(make_municipality: Callable[..., Municipality]) -> Municipality:
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def library(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    organisation = make_organisation(municipality=city, slug="kirjasto")
    RoutingProfile.objects.create(
        organisation=organisation,
        responsibilities=(
            "Kirjastot, lainaus, kirjat, e-kirjat, lukupiirit, satutunnit, aukioloajat. "
            "Bibliotek, lån, böcker. Libraries, loans, books, reading."
        ),
    )
    return organisation


@pytest.fixture
def museum(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    organisation = make_organisation(municipality=city, slug="museo")
    RoutingProfile.objects.create(
        organisation=organisation,
        responsibilities=(
            "Taidemuseo, näyttelyt, nykytaide, opastukset, kokoelmat. "
            "Konstmuseum, utställningar. Art museum, exhibitions, guided tours."
        ),
    )
    return organisation


@pytest.fixture
def culture(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    organisation = make_organisation(municipality=city, slug="kulttuuri")
    RoutingProfile.objects.create(
        organisation=organisation,
        responsibilities=(
            "Kaupungin tapahtumat, festivaalit, konsertit, kulttuuriavustukset, torit ja puistot. "
            "Evenemang, festivaler, understöd. Events, festivals, concerts, grants."
        ),
    )
    return organisation


@pytest.fixture
def board(culture: Organisation) -> Board:
    return Board.objects.create(
        organisation=culture, slug="oulu-ideat", audience=Audience.PUBLIC, title="Ideat"
    )


@pytest.fixture
def make_idea(board: Board, city: Municipality) -> Callable[..., Idea]:
    category = IdeaCategory.objects.get(slug="other")
    state = IdeaState.objects.get(slug="new")

    def make(title: str, body: str = "", language: str = "fi", **fields: object) -> Idea:
        return Idea.objects.create(
            board=board,
            municipality=city,
            category=category,
            state=state,
            title=title,
            body=body,
            language=language,
            terms=idea_terms(title, body, language),
            **fields,
        )

    return make


@pytest.fixture
def themes(city: Municipality) -> dict[str, StrategyTheme]:
    every_age = StrategyTheme.objects.create(
        slug="every-age",
        name_fi="Kulttuuria kaikenikäisille",
        name_sv="Kultur för alla åldrar",
        name_en="Culture for every age",
        description_fi="Lapset, nuoret, perheet ja ikäihmiset kulttuurin pariin.",
        keywords_fi="lapset nuoret perheet vauvat ikäihmiset seniorit",
        keywords_sv="barn unga familjer äldre",
        keywords_en="children youth families seniors",
    )
    low_carbon = StrategyTheme.objects.create(
        slug="low-carbon",
        name_fi="Vähähiilinen kulttuuri",
        name_sv="Kolsnål kultur",
        name_en="Low-carbon culture",
        description_fi="Energiaa säästävät tilat, kierrätys ja kestävät tapahtumat.",
        keywords_fi="energia sähkö lämmitys kierrätys ilmasto",
        keywords_sv="energi el uppvärmning återvinning klimat",
        keywords_en="energy electricity heating recycling climate",
    )
    elsewhere = Municipality.objects.create(slug="muu", name_fi="Muu")
    local = StrategyTheme.objects.create(
        slug="muu-only", municipality=elsewhere, name_fi="Kirjat", keywords_fi="kirja laina"
    )
    inactive = StrategyTheme.objects.create(
        slug="old", name_fi="Kirjasto", keywords_fi="kirjasto kirja", is_active=False
    )
    return {"every-age": every_age, "low-carbon": low_carbon, "local": local, "old": inactive}


def test_idea_terms_counts_title_twice_and_stems_in_the_language() -> None:
    terms = idea_terms("Kirjaston aukioloajat", "Kirjastot auki iltaisin", "fi").split()
    assert terms.count("kirjasto") == 3
    assert "aukioloaj" in terms
    assert idea_terms("Längre öppettider", "Biblioteken", "sv").split()[0] == "längr"
    assert idea_terms("", "", "fi") == ""
    # An unknown language falls back to Finnish rather than failing.
    assert idea_terms("Kirjastot", "", "de") == idea_terms("Kirjastot", "", "fi")


def test_multilingual_terms_keep_each_distinct_stem_once() -> None:
    terms = multilingual_terms("libraries")
    assert "librari" in terms
    assert len(terms) == len(set(terms))


def test_similar_ideas_ranks_by_shared_words(make_idea: Callable[..., Idea]) -> None:
    close = make_idea("Kirjaston aukioloajat pidemmiksi", "Kirjasto voisi olla auki iltaisin.")
    near = make_idea("Kirjastoon lisää lehtiä", "Kirjaston lehtivalikoima on suppea.")
    make_idea("Konsertti torilla", "Kesäkonsertteja torille.")
    found = similar_ideas(
        Idea.objects.all(),
        title="Kirjasto auki pidempään",
        body="Aukioloajat ovat liian lyhyet.",
        language="fi",
    )
    assert [similar.idea for similar in found] == [close, near]
    assert 0 < found[1].score < found[0].score <= 1


def test_similar_ideas_respects_candidates_exclusion_limit_and_floor(
    make_idea: Callable[..., Idea],
) -> None:
    first = make_idea("Kirjaston aukioloajat", "Kirjasto auki iltaisin.")
    second = make_idea("Kirjaston aukioloajat uudelleen", "Kirjasto auki iltaisin ja aamuisin.")
    query = {"title": "Kirjaston aukioloajat", "body": "Kirjasto auki iltaisin", "language": "fi"}
    everything = Idea.objects.all()
    assert [s.idea for s in similar_ideas(everything, exclude_id=first.pk, **query)] == [second]
    assert len(similar_ideas(everything, limit=1, **query)) == 1
    assert similar_ideas(Idea.objects.filter(pk=second.pk), **query)[0].idea == second
    assert similar_ideas(everything, min_score=1.01, **query) == []
    assert similar_ideas(Idea.objects.none(), **query) == []
    assert similar_ideas(everything, title="ja", body="", language="fi") == []


def test_identical_idea_scores_one(make_idea: Callable[..., Idea]) -> None:
    make_idea("Runonlausuntailta kirjastossa", "Avoin lava runoille.")
    make_idea("Konsertti torilla", "Kesäkonsertteja.")
    found = similar_ideas(
        Idea.objects.all(),
        title="Runonlausuntailta kirjastossa",
        body="Avoin lava runoille.",
        language="fi",
    )
    assert found[0].score == pytest.approx(1.0)


def test_similar_ideas_reads_terms_only_once(make_idea: Callable[..., Idea]) -> None:
    for number in range(30):
        make_idea(f"Kirjaston idea {number}", "Kirjasto ja lainaus.")
    with CaptureQueriesContext(connection) as queries:
        similar_ideas(Idea.objects.all(), title="Kirjasto", body="lainaus", language="fi")
    assert len(queries) == 2  # pk+terms of all, then the best few


def test_routing_from_profiles_in_the_ideas_language(
    city: Municipality, library: Organisation, museum: Organisation, culture: Organisation
) -> None:
    finnish = suggest_routing(
        municipality=city,
        title="Lisää e-kirjoja",
        body="Kirjaston e-kirjojen lainaus loppuu kesken.",
        language="fi",
    )
    assert finnish.organisation == library
    assert finnish.score > 0
    assert len(finnish.alternatives) <= 2
    assert library not in [organisation for organisation, _score in finnish.alternatives]
    swedish = suggest_routing(
        municipality=city,
        title="Guidade visningar",
        body="Fler utställningar i konstmuseet på svenska.",
        language="sv",
    )
    assert swedish.organisation == museum
    english = suggest_routing(
        municipality=city, title="More summer festivals", body="Concerts", language="en"
    )
    assert english.organisation == culture


def test_routing_says_nothing_without_a_match(city: Municipality, library: Organisation) -> None:
    suggestion = suggest_routing(municipality=city, title="Xyzzy", body="qwerty", language="fi")
    assert suggestion.organisation is None
    assert suggestion.score == 0
    assert suggestion.alternatives == []
    assert suggestion.themes == []
    empty = suggest_routing(municipality=city, title="", body="", language="fi")
    assert empty.organisation is None


def test_routing_ignores_other_municipalities(
    city: Municipality, library: Organisation, make_organisation: Callable[..., Organisation]
) -> None:
    other = make_organisation(slug="kirjasto-muu")
    RoutingProfile.objects.create(organisation=other, responsibilities="Kirjastot ja e-kirjat.")
    suggestion = suggest_routing(municipality=city, title="E-kirjat", body="", language="fi")
    assert suggestion.organisation == library
    assert other not in [organisation for organisation, _score in suggestion.alternatives]


def test_confirmed_ideas_teach_the_router(
    city: Municipality,
    library: Organisation,
    museum: Organisation,
    culture: Organisation,
    make_idea: Callable[..., Idea],
) -> None:
    query = {"title": "Lautapeli-illat", "body": "Lautapelejä nuorille iltaisin.", "language": "fi"}
    assert suggest_routing(municipality=city, **query).organisation != museum
    now = timezone.now()
    for number in range(3):
        make_idea(
            f"Lautapelit {number}",
            "Lautapeli-ilta nuorille museon aulassa.",
            organisation=museum,
            routed_at=now - timedelta(days=number),
        )
    # Suggested but not confirmed: does not count.
    make_idea("Lautapelit", "Lautapelejä", suggested_organisation=library)
    assert suggest_routing(municipality=city, **query).organisation == museum


def test_routing_suggests_themes(
    city: Municipality, culture: Organisation, themes: dict[str, StrategyTheme]
) -> None:
    suggestion = suggest_routing(
        municipality=city,
        title="Sähkön säästö konserttisalissa",
        body="Lämmitystä voisi vähentää ja energiaa säästää.",
        language="fi",
    )
    assert suggestion.themes[0] == themes["low-carbon"]
    assert len(suggestion.themes) <= 3
    both = suggest_routing(
        municipality=city,
        title="Energy saving with children",
        body="Families and children learn about climate and energy at concerts for seniors.",
        language="en",
    )
    assert set(both.themes) == {themes["low-carbon"], themes["every-age"]}
    # Another municipality's themes and inactive ones are never suggested.
    books = suggest_routing(municipality=city, title="Kirjasto", body="kirja laina", language="fi")
    assert themes["local"] not in books.themes
    assert themes["old"] not in books.themes


def test_confirmed_themes_teach_the_router(
    city: Municipality,
    culture: Organisation,
    themes: dict[str, StrategyTheme],
    make_idea: Callable[..., Idea],
) -> None:
    for number in range(3):
        idea = make_idea(
            f"Pyöräparkki {number}",
            "Pyöräparkki konserttitalon eteen.",
            organisation=culture,
            routed_at=timezone.now(),
        )
        idea.themes.set([themes["low-carbon"]])
    suggestion = suggest_routing(
        municipality=city, title="Pyöräparkki", body="Lisää pyöräparkkeja.", language="fi"
    )
    assert suggestion.themes == [themes["low-carbon"]]
