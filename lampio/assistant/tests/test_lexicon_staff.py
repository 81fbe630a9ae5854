"""Staff teach the assistant words: concepts and other services' areas, their checks, the pages,
the seed, and that a change reaches `ask()` without a restart."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from lampio.assistant.knowledge_index import current_lexicon, lexicon_from_rows
from lampio.assistant.models import Concept, ConceptKind
from lampio.assistant.models.lexicon import normalise_terms
from lampio.assistant.seed_files import lexicon as seed_lexicon_file
from lampio.assistant.services import lexicon as services
from lampio.assistant.services.asking import ask
from lampio.assistant.services.seeding import seed_knowledge, seed_lexicon
from lampio.assistant.tests.staff_world import World, make_world
from lampio.core.errors import InvalidInput, PermissionDenied


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    world = make_world(make_municipality, make_organisation, make_member)
    Concept.objects.create(key="code", terms_fi="koodi\nkulkukoodi", terms_en="code\npin$")
    Concept.objects.create(key="space", terms_fi="tila$\nsali\nwc", terms_sv="lokal")
    Concept.objects.create(key="health", kind=ConceptKind.OUT_OF_SCOPE, terms_en="doctor")
    return world


def _save(world: World, concept: Concept | None = None, **changes: Any) -> Concept:
    fields: dict[str, Any] = {
        "actor": world.staff,
        "organisation": world.desk,
        "concept": concept,
        "key": "sauna",
        "kind": ConceptKind.CONCEPT,
        "terms": {"fi": "Sauna, löyly\nSAUNA", "sv": "bastu", "en": ""},
        "note": "  Saunas and steam  ",
    }
    fields.update(changes)
    return services.save_concept(**fields)


def _refused(world: World, **changes: Any) -> InvalidInput:
    with pytest.raises(InvalidInput) as refusal:
        _save(world, **changes)
    return refusal.value


def _words(world: World) -> str:
    return f"{world.base()}/words"


# --- Services -----------------------------------------------------------------------------------


def test_terms_are_stored_lowercase_one_per_line_each_once() -> None:
    assert normalise_terms("Koodi, OVIKOODI\n\n koodi ,pin$") == ["koodi", "ovikoodi", "pin$"]


def test_save_concept_stores_normalised_terms_and_audits_the_actor(world: World) -> None:
    concept = _save(world)
    assert concept.terms_fi == "sauna\nlöyly" and concept.terms("sv") == ["bastu"]
    assert concept.terms("en") == [] and concept.note == "Saunas and steam"
    assert concept.updated_by == world.staff
    kind = ContentType.objects.get_for_model(Concept)
    entries = LogEntry.objects.filter(content_type=kind, object_pk=str(concept.pk))
    assert [entry.actor for entry in entries] == [world.staff]
    services.delete_concept(actor=world.colleague, organisation=world.desk, concept=concept)
    assert not Concept.objects.filter(key="sauna").exists()
    assert LogEntry.objects.filter(content_type=kind, actor=world.colleague).count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "Sauna room"}, "key"),
        ({"key": "code"}, "key"),
        ({"kind": "other"}, "kind"),
        ({"terms": {"fi": " , ", "sv": "", "en": "\n"}}, "terms_fi"),
        ({"terms": {"en": "tv"}}, "terms_en"),
        ({"terms": {"sv": "wi fi"}}, "terms_sv"),
        ({"terms": {"fi": "löyly, sali"}}, "terms_fi"),
    ],
)
def test_save_concept_refuses_what_would_spoil_matching(
    world: World, changes: dict[str, Any], field: str
) -> None:
    assert _refused(world, **changes).field == field
    assert not Concept.objects.filter(key="sauna").exists()


def test_a_taken_term_names_the_other_concept(world: World) -> None:
    with translation.override("en"):
        refusal = _refused(world, terms={"fi": "sauna, kulkukoodi"})
        assert str(refusal.message) == "“kulkukoodi” is already a term of “code” in this language."
        short = _refused(world, terms={"en": "tv"})
        assert "tv$" in str(short.message)


def test_short_whole_words_and_terms_of_other_kinds_or_languages_are_fine(world: World) -> None:
    concept = _save(world, terms={"fi": "tv$", "sv": "koodi", "en": "doctor"})
    assert concept.terms("fi") == ["tv$"]
    area = _save(world, key="dental", kind=ConceptKind.OUT_OF_SCOPE, terms={"fi": "sali"})
    assert area.kind == ConceptKind.OUT_OF_SCOPE


def test_terms_a_concept_already_had_are_not_checked_again(world: World) -> None:
    space = Concept.objects.get(key="space")
    Concept.objects.create(key="hall", terms_fi="sali")  # an overlap the seed made on purpose
    saved = _save(world, concept=space, key="space", terms={"fi": "tila$, sali, wc, huone"})
    assert saved.terms("fi") == ["tila$", "sali", "wc", "huone"]
    other = Concept.objects.get(key="hall")
    assert _refused(world, concept=other, key="hall", terms={"fi": "sali, huone"}).field == (
        "terms_fi"
    )


def test_a_concept_can_be_renamed(world: World) -> None:
    concept = _save(world, concept=Concept.objects.get(key="code"), key="door-code")
    assert concept.key == "door-code" and concept.terms("en") == []  # terms as given
    assert not Concept.objects.filter(key="code").exists()


def test_only_desk_staff_change_the_words(world: World) -> None:
    for actor, organisation in (
        (world.viewer, world.desk),
        (world.other_staff, world.desk),
        (world.staff, world.library),
    ):
        with pytest.raises(PermissionDenied):
            _save(world, actor=actor, organisation=organisation)
    assert _save(world, actor=world.other_staff, organisation=world.other_desk).key == "sauna"


# --- Seed and index -----------------------------------------------------------------------------


def test_the_seed_lexicon_loads_once_and_keeps_staff_edits(db: None) -> None:
    created = seed_lexicon()
    assert created == Concept.objects.count() > 50
    assert Concept.objects.filter(kind=ConceptKind.OUT_OF_SCOPE).count() > 10
    Concept.objects.filter(key="weather").update(terms_en="weather\ndrizzle")
    assert seed_lexicon() == 0
    assert Concept.objects.get(key="weather").terms("en") == ["weather", "drizzle"]


def test_the_database_lexicon_is_the_seed_files_lexicon(db: None) -> None:
    assert seed_knowledge().concepts_created == Concept.objects.count() > 50
    from_rows, from_file = lexicon_from_rows(Concept.objects.all()), seed_lexicon_file()
    for live, shipped in (
        (from_rows.concepts, from_file.concepts),
        (from_rows.out_of_scope, from_file.out_of_scope),
    ):
        for language in ("fi", "sv", "en"):
            assert sorted(live.get(language, [])) == sorted(shipped.get(language, []))


def test_an_edit_changes_what_the_assistant_does_without_a_restart(world: World) -> None:
    question = "Mistä saan ovikoodin?"
    assert not ask(question=question, actor=None, language="fi").fallback
    assert current_lexicon().out_of_scope_areas(question, "fi") == []
    _save(world, key="locksmith", kind=ConceptKind.OUT_OF_SCOPE, terms={"fi": "ovikoodi"})
    assert current_lexicon().out_of_scope_areas(question, "fi") == ["locksmith"]
    reply = ask(question=question, actor=None, language="fi")
    assert reply.fallback and reply.suggestions == ()


# --- Pages --------------------------------------------------------------------------------------


def test_the_words_page_answers_desk_staff_only(client: Any, world: World) -> None:
    url = f"{_words(world)}/"
    assert client.get(url).status_code == 302  # to log in
    client.force_login(world.staff)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-concept="code"' in html and 'data-concept="health"' in html
    assert 'data-kind="out-of-scope"' in html and "words/" in html
    found = client.get(url, {"q": "kulku"}).content.decode()
    assert 'data-concept="code"' in found and 'data-concept="space"' not in found
    assert client.get(f"{world.base(organisation=world.library)}/words/").status_code == 404
    client.force_login(world.viewer)
    assert client.get(url).status_code == 403
    client.force_login(world.other_staff)
    assert client.get(url).status_code == 404
    assert client.get(f"{_words(world)}/code/edit/").status_code == 404


def test_the_test_box_shows_what_a_question_hits_in_each_language(
    client: Any, world: World
) -> None:
    client.force_login(world.staff)
    html = client.get(f"{_words(world)}/", {"question": "doctor code"}).content.decode()
    assert 'id="lexicon-hits"' in html
    english = html.split('data-language="en"')[1].split("</tr>")[0]
    assert '<td data-hits="concepts">code</td>' in english
    assert '<td data-hits="areas"><strong>health</strong></td>' in english


def test_staff_create_edit_and_delete_a_concept(client: Any, world: World) -> None:
    client.force_login(world.staff)
    data = {"key": "sauna", "kind": "concept", "terms_fi": "sauna\nlöyly", "terms_sv": "bastu"}
    created = client.post(f"{_words(world)}/new/", {**data, "terms_en": "", "note": ""})
    assert created.status_code == 302 and created["Location"].endswith("/words/")
    assert Concept.objects.get(key="sauna").terms("fi") == ["sauna", "löyly"]
    form = client.get(f"{_words(world)}/sauna/edit/")
    assert form.status_code == 200 and "löyly" in form.content.decode()
    edited = client.post(
        f"{_words(world)}/sauna/edit/",
        {**data, "kind": "out_of_scope", "terms_en": "steam", "note": "Not ours"},
    )
    assert edited.status_code == 302
    sauna = Concept.objects.get(key="sauna")
    assert (sauna.kind, sauna.terms("en"), sauna.note) == ("out_of_scope", ["steam"], "Not ours")
    assert client.get(f"{_words(world)}/sauna/delete/").status_code == 405
    assert client.post(f"{_words(world)}/sauna/delete/").status_code == 302
    assert not Concept.objects.filter(key="sauna").exists()
    assert client.post(f"{_words(world)}/sauna/delete/").status_code == 404


def test_a_refused_concept_comes_back_as_typed_with_the_reason(client: Any, world: World) -> None:
    client.force_login(world.staff)
    data = {"key": "sauna", "kind": "concept", "terms_fi": "löyly, kulkukoodi", "note": "Mine"}
    response = client.post("/en/staff/oulu/palaute/assistant/words/new/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "is already a term of “code” in this language." in html
    assert "löyly, kulkukoodi</textarea>" in html and 'value="sauna"' in html
    assert not Concept.objects.filter(key="sauna").exists()
    space = client.post(
        f"{_words(world)}/space/edit/", {"key": "space", "kind": "concept", "terms_fi": "x"}
    )
    assert space.status_code == 200 and ">\nx</textarea>" in space.content.decode()
    assert Concept.objects.get(key="space").terms("fi") == ["tila$", "sali", "wc"]


def test_the_nav_links_to_the_words(client: Any, world: World) -> None:
    client.force_login(world.staff)
    html = client.get(f"{world.base()}/").content.decode()
    assert f'href="{_words(world)}/"' in html
