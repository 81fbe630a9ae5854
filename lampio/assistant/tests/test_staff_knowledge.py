"""Staff keep the knowledge: the desk check, entries, paraphrases, a city's own answer, preview."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from lampio.assistant.desk import desk_municipality
from lampio.assistant.models import AnswerOverride, KnowledgeEntry, Paraphrase, ParaphraseSource
from lampio.assistant.services import knowledge as services
from lampio.assistant.staff_selectors import EntryFilters, answers_as_residents_see, entries
from lampio.assistant.tests.staff_world import World, make_world
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_world(make_municipality, make_organisation, make_member)


def logged_by(model: type, pk: int) -> list[Any]:
    content_type = ContentType.objects.get_for_model(model)
    entries = LogEntry.objects.filter(content_type=content_type, object_pk=str(pk))
    return [entry.actor for entry in entries]


# --- The desk -----------------------------------------------------------------------------------


def test_desk_staff_work_their_municipality(world: World) -> None:
    assert desk_municipality(actor=world.staff, organisation=world.desk) == world.city


def test_an_organisation_that_is_no_desk_has_no_assistant(world: World) -> None:
    with pytest.raises(PermissionDenied):
        desk_municipality(actor=world.staff, organisation=world.library)


def test_viewers_and_strangers_may_not_work_the_desk(world: World) -> None:
    for actor in (world.viewer, world.other_staff):
        with pytest.raises(PermissionDenied):
            desk_municipality(actor=actor, organisation=world.desk)


def test_network_admins_work_any_desk(world: World, make_user: Any) -> None:
    admin = make_user(is_network_admin=True)
    assert desk_municipality(actor=admin, organisation=world.desk) == world.city


# --- Entries ------------------------------------------------------------------------------------


def _save(world: World, entry: KnowledgeEntry | None = None, **changes: Any) -> KnowledgeEntry:
    fields: dict[str, Any] = {
        "actor": world.staff,
        "organisation": world.desk,
        "entry": entry,
        "key": "lost-property",
        "topic": "other",
        "title": Translated("Löytötavarat", "Hittegods", "Lost property"),
        "answer": Translated("Kysy vahtimestarilta.", "Fråga vaktmästaren.", ""),
        "link": "",
        "is_published": True,
    }
    fields.update(changes)
    return services.save_entry(**fields)


def test_save_entry_creates_and_audits_with_the_actor(world: World) -> None:
    entry = _save(world)
    assert entry.title_sv == "Hittegods" and entry.answer_en == ""
    assert entry.updated_by == world.staff and entry.is_published
    assert logged_by(KnowledgeEntry, entry.pk) == [world.staff]
    with translation.override("en"):  # the empty English answer falls back to Finnish
        assert KnowledgeEntry.objects.get(pk=entry.pk).answer == "Kysy vahtimestarilta."


def test_save_entry_refuses_a_taken_or_changed_identifier(world: World) -> None:
    with pytest.raises(InvalidInput) as taken:
        _save(world, key="access-code")
    assert taken.value.field == "key"
    with pytest.raises(InvalidInput) as changed:
        _save(world, entry=world.book_space, key="booking")
    assert changed.value.field == "key"
    assert KnowledgeEntry.objects.filter(key="booking").count() == 0


def test_save_entry_needs_the_finnish_title_and_answer(world: World) -> None:
    with pytest.raises(InvalidInput) as error:
        _save(world, answer=Translated("", "Svar", "Answer"))
    assert error.value.field == "answer_fi"
    assert not KnowledgeEntry.objects.filter(key="lost-property").exists()


def test_staff_of_any_desk_edit_the_shared_entries(world: World) -> None:
    _save(
        world,
        entry=world.access_code,
        key="access-code",
        actor=world.other_staff,
        organisation=world.other_desk,
        is_published=False,
    )
    world.access_code.refresh_from_db()
    assert not world.access_code.is_published
    assert world.access_code.updated_by == world.other_staff


def test_staff_of_a_non_desk_organisation_change_nothing(world: World) -> None:
    with pytest.raises(PermissionDenied):
        _save(world, organisation=world.library)
    assert not KnowledgeEntry.objects.filter(key="lost-property").exists()


# --- Paraphrases --------------------------------------------------------------------------------


def test_add_paraphrase_normalises_spaces_and_audits(world: World) -> None:
    paraphrase = services.add_paraphrase(
        actor=world.staff,
        organisation=world.desk,
        entry=world.access_code,
        language="fi",
        text="  Milloin   koodi\n toimii? ",
    )
    assert paraphrase.text == "Milloin koodi toimii?"
    assert paraphrase.source == ParaphraseSource.STAFF
    assert logged_by(Paraphrase, paraphrase.pk) == [world.staff]


@pytest.mark.parametrize(
    ("text", "language"),
    [("mistä  saan OVIKOODIN?", "fi"), ("   ", "fi"), ("Miten varaan tilan?", "fi"), ("x", "de")],
)
def test_add_paraphrase_refuses_duplicates_empty_and_unknown_languages(
    world: World, text: str, language: str
) -> None:
    before = Paraphrase.objects.count()
    with pytest.raises(InvalidInput) as error:
        services.add_paraphrase(
            actor=world.staff,
            organisation=world.desk,
            entry=world.access_code,
            language=language,
            text=text,
        )
    assert error.value.field in ("text", "language")
    assert str(error.value.message)
    assert Paraphrase.objects.count() == before


def test_the_same_text_in_another_language_is_no_duplicate(world: World) -> None:
    services.add_paraphrase(
        actor=world.staff,
        organisation=world.desk,
        entry=world.access_code,
        language="en",
        text="Mistä saan ovikoodin?",
    )
    assert world.access_code.paraphrases.count() == 3


def test_delete_paraphrase(world: World) -> None:
    paraphrase = world.access_code.paraphrases.get(language="sv")
    pk = paraphrase.pk
    services.delete_paraphrase(actor=world.staff, organisation=world.desk, paraphrase=paraphrase)
    assert not Paraphrase.objects.filter(pk=pk).exists()
    deleted = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Paraphrase),
        object_pk=str(pk),
        action=LogEntry.Action.DELETE,
    )
    assert deleted.actor == world.staff


# --- The municipality's own answer --------------------------------------------------------------


def test_save_override_is_the_desk_municipalitys_own(world: World) -> None:
    override = services.save_override(
        actor=world.staff,
        organisation=world.desk,
        entry=world.access_code,
        answer=Translated("Oulussa koodi tulee tekstiviestinä.", "", ""),
    )
    assert override is not None and override.municipality == world.city
    shown = {
        s.language: s
        for s in answers_as_residents_see(entry=world.access_code, municipality=world.city)
    }
    assert shown["sv"].answer == "Oulussa koodi tulee tekstiviestinä." and shown["sv"].overridden
    other = answers_as_residents_see(entry=world.access_code, municipality=world.other_city)
    assert other[0].answer == "Vastaus access-code." and not other[0].overridden
    assert logged_by(AnswerOverride, override.pk) == [world.staff]


def test_empty_answers_remove_the_override(world: World) -> None:
    kwargs: dict[str, Any] = {
        "actor": world.staff,
        "organisation": world.desk,
        "entry": world.access_code,
    }
    services.save_override(**kwargs, answer=Translated("Oma vastaus.", "Eget svar.", ""))
    services.save_override(**kwargs, answer=Translated("Uusi vastaus.", "", ""))
    assert AnswerOverride.objects.get().answer_fi == "Uusi vastaus."
    assert services.save_override(**kwargs, answer=Translated(" ", "", "")) is None
    assert not AnswerOverride.objects.exists()


def test_an_override_needs_its_finnish_text(world: World) -> None:
    with pytest.raises(InvalidInput) as error:
        services.save_override(
            actor=world.staff,
            organisation=world.desk,
            entry=world.access_code,
            answer=Translated("", "Bara på svenska.", ""),
        )
    assert error.value.field == "answer_fi"


# --- Selectors ----------------------------------------------------------------------------------


def test_entries_count_paraphrases_per_language_and_mark_overrides(world: World) -> None:
    AnswerOverride.objects.create(entry=world.book_space, municipality=world.city, answer_fi="Oma")
    rows = {row.key: row for row in entries(municipality=world.city, filters=EntryFilters())}
    assert (rows["access-code"].count_fi, rows["access-code"].count_sv) == (1, 1)
    assert rows["access-code"].count_en == 0 and not rows["access-code"].overridden
    assert rows["book-space"].overridden
    theirs = {
        row.key: row for row in entries(municipality=world.other_city, filters=EntryFilters())
    }
    assert not theirs["book-space"].overridden


def test_entries_search_paraphrases_topics_and_drafts(world: World) -> None:
    def keys(**filters: str) -> list[str]:
        found = entries(municipality=world.city, filters=EntryFilters(**filters))
        return [row.key for row in found]

    assert keys(q="dörrkoden") == ["access-code"]
    assert keys(q="varaaminen") == ["book-space"]
    assert keys(published="no") == ["sauna"]
    assert keys(topic="other") == ["sauna"]


# --- Views --------------------------------------------------------------------------------------


def test_the_knowledge_list_answers_desk_staff_only(client: Any, world: World) -> None:
    url = f"{world.base()}/"
    client.force_login(world.staff)
    page = client.get(url, {"q": "ovikoodin"})
    assert page.status_code == 200
    assert b'data-entry="access-code"' in page.content
    assert b'data-entry="book-space"' not in page.content
    assert client.get(f"{world.base(organisation=world.library)}/").status_code == 404
    client.force_login(world.viewer)
    assert client.get(url).status_code == 403
    client.force_login(world.other_staff)
    assert client.get(url).status_code == 404


def test_the_organisation_page_links_to_the_assistant_of_desks_only(
    client: Any, world: World
) -> None:
    client.force_login(world.staff)
    desk = client.get("/fi/staff/oulu/palaute/").content.decode()
    assert f"{world.base()}/" in desk
    library = client.get("/fi/staff/oulu/kirjasto/").content.decode()
    assert "/staff/oulu/kirjasto/assistant/" not in library


def test_staff_create_an_entry_and_land_on_its_page(client: Any, world: World) -> None:
    client.force_login(world.staff)
    data = {
        "key": "lost-property",
        "topic": "other",
        "title_fi": "Löytötavarat",
        "answer_fi": "Kysy vahtimestarilta.",
        "link": "",
        "is_published": "on",
    }
    response = client.post(f"{world.base()}/knowledge/new/", data)
    assert response.status_code == 302
    assert response["Location"] == f"{world.base()}/knowledge/lost-property/"
    assert KnowledgeEntry.objects.get(key="lost-property").is_published


def test_a_refused_entry_comes_back_as_typed(client: Any, world: World) -> None:
    client.force_login(world.staff)
    data = {"key": "access-code", "topic": "other", "title_fi": "Kopio", "answer_fi": "Teksti"}
    response = client.post(f"{world.base()}/knowledge/new/", data)
    assert response.status_code == 200
    assert b'value="Kopio"' in response.content and b"error-summary" in response.content


def test_staff_edit_an_entry(client: Any, world: World) -> None:
    client.force_login(world.staff)
    url = f"{world.base()}/knowledge/access-code/"
    page = client.get(url)
    assert page.status_code == 200 and b'id="fieldset-sv"' in page.content
    data = {
        "key": "ignored",  # the identifier is shown disabled and cannot be changed
        "topic": "spaces",
        "title_fi": "Ovikoodi",
        "answer_fi": "Koodi tulee vahvistukseen.",
        "answer_sv": "Koden finns i bekräftelsen.",
        "link": "my-bookings",
    }
    assert client.post(url, data).status_code == 302
    entry = KnowledgeEntry.objects.get(key="access-code")
    assert entry.answer_sv == "Koden finns i bekräftelsen." and not entry.is_published
    assert world.staff in logged_by(KnowledgeEntry, entry.pk)


def test_a_duplicate_paraphrase_is_refused_and_the_form_keeps_its_input(
    client: Any, world: World
) -> None:
    client.force_login(world.staff)
    url = f"{world.base()}/knowledge/access-code/paraphrases/"
    with translation.override("en"):
        response = client.post(
            url.replace("/fi/", "/en/"), {"language": "fi", "fi-text": "Mistä saan  ovikoodin?"}
        )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Mistä saan  ovikoodin?"' in content
    assert "This entry already has this question." in content
    assert world.access_code.paraphrases.count() == 2


def test_staff_add_and_remove_a_paraphrase(client: Any, world: World) -> None:
    client.force_login(world.staff)
    response = client.post(
        f"{world.base()}/knowledge/access-code/paraphrases/",
        {"language": "sv", "sv-text": "När fungerar koden?"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#paraphrases-sv")
    added = Paraphrase.objects.get(text="När fungerar koden?")
    assert (added.language, added.entry) == ("sv", world.access_code)
    response = client.post(f"{world.base()}/paraphrases/{added.pk}/delete/")
    assert response.status_code == 302
    assert not Paraphrase.objects.filter(pk=added.pk).exists()


def test_staff_of_another_city_change_nothing_through_this_desk(client: Any, world: World) -> None:
    client.force_login(world.other_staff)
    paraphrase = world.access_code.paraphrases.first()
    assert paraphrase is not None
    posts = {
        f"{world.base()}/knowledge/access-code/": {"topic": "x", "title_fi": "X", "answer_fi": "X"},
        f"{world.base()}/knowledge/access-code/paraphrases/": {"language": "fi", "fi-text": "Uusi"},
        f"{world.base()}/paraphrases/{paraphrase.pk}/delete/": {},
        f"{world.base()}/knowledge/access-code/answer/": {"answer_fi": "Meidän vastaus"},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    assert world.access_code.paraphrases.count() == 2
    assert not AnswerOverride.objects.exists()
    assert KnowledgeEntry.objects.get(key="access-code").title_fi == "Ovikoodi"


def test_staff_write_and_remove_the_citys_own_answer(client: Any, world: World) -> None:
    client.force_login(world.staff)
    url = f"{world.base()}/knowledge/access-code/answer/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"answer_fi": "Oulussa tekstiviestinä."}).status_code == 302
    assert AnswerOverride.objects.get().municipality == world.city
    assert b"Oulussa tekstiviestin" in client.get(url).content
    assert client.post(url, {"answer_fi": ""}).status_code == 302
    assert not AnswerOverride.objects.exists()


def test_the_preview_shows_each_language_and_ranks_a_question(client: Any, world: World) -> None:
    """Runs the lead's retrieval (knowledge_index.decide_question) for real, drafts included."""
    AnswerOverride.objects.create(
        entry=world.access_code, municipality=world.city, answer_fi="Oulun oma vastaus."
    )
    client.force_login(world.staff)
    url = f"{world.base()}/knowledge/access-code/preview/"
    page = client.get(url).content.decode()
    assert 'lang="sv"' in page and "Dörrkod" in page and "Oulun oma vastaus." in page
    assert 'id="ranking"' not in page  # no question asked yet
    tested = client.get(url, {"question": "Mistä saan ovikoodin?", "language": "fi"})
    assert tested.status_code == 200
    content = tested.content.decode()
    assert 'id="ranking"' in content and 'data-entry="access-code"' in content
    assert 'data-outcome="' in content
