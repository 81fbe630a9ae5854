"""The review queue: a resident's question becomes a paraphrase in one click, or is dismissed."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from lampio.assistant.models import Exchange, ExchangeOutcome, Paraphrase, ReviewState
from lampio.assistant.services import knowledge as services
from lampio.assistant.staff_selectors import review_queue
from lampio.assistant.tests.staff_world import World, make_exchange, make_world
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_world(make_municipality, make_organisation, make_member)


def _teach(world: World, exchange: Exchange, **changes: Any) -> Exchange:
    kwargs: dict[str, Any] = {
        "actor": world.staff,
        "organisation": world.desk,
        "exchange": exchange,
        "entry": world.access_code,
    }
    kwargs.update(changes)
    return services.teach_from_review(**kwargs)


# --- Services -----------------------------------------------------------------------------------


def test_teaching_adds_the_question_as_a_paraphrase_in_its_language(world: World) -> None:
    exchange = make_exchange(world.city, "  Dörrkoden   funkar inte ", language="sv")
    _teach(world, exchange)
    exchange.refresh_from_db()
    assert exchange.review == ReviewState.TAUGHT and exchange.taught_entry == world.access_code
    added = Paraphrase.objects.get(text="Dörrkoden funkar inte")
    assert (added.entry, added.language, added.source) == (world.access_code, "sv", "review")
    log = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Exchange),
        object_pk=str(exchange.pk),
        action=LogEntry.Action.UPDATE,
    ).get()
    assert log.actor == world.staff and "review" in log.changes_dict


def test_questions_asked_without_a_municipality_are_every_desks(world: World) -> None:
    exchange = make_exchange(None)
    _teach(world, exchange, actor=world.other_staff, organisation=world.other_desk)
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.TAUGHT


def test_another_municipalitys_question_is_refused(world: World) -> None:
    exchange = make_exchange(world.other_city)
    with pytest.raises(NotFound):
        _teach(world, exchange)
    with pytest.raises(NotFound):
        services.dismiss_review(actor=world.staff, organisation=world.desk, exchange=exchange)
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.PENDING
    assert not Paraphrase.objects.filter(text=exchange.question).exists()


def test_a_handled_question_cannot_be_handled_again(world: World) -> None:
    exchange = make_exchange(world.city)
    services.dismiss_review(actor=world.staff, organisation=world.desk, exchange=exchange)
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.DISMISSED
    with pytest.raises(Conflict):
        _teach(world, exchange)
    assert not Paraphrase.objects.filter(text=exchange.question).exists()


def test_a_question_already_taught_to_another_entry_is_refused(world: World) -> None:
    exchange = make_exchange(world.city, "Miten varaan tilan?")
    with pytest.raises(InvalidInput):
        _teach(world, exchange)
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.PENDING


def test_a_question_the_entry_already_knows_is_simply_marked_taught(world: World) -> None:
    exchange = make_exchange(world.city, "mistä saan ovikoodin?")
    _teach(world, exchange)
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.TAUGHT
    assert world.access_code.paraphrases.filter(language="fi").count() == 1


def test_viewers_may_not_review(world: World) -> None:
    exchange = make_exchange(world.city)
    with pytest.raises(PermissionDenied):
        _teach(world, exchange, actor=world.viewer)


# --- The queue ----------------------------------------------------------------------------------


def test_the_queue_holds_this_citys_pending_questions_newest_first(world: World) -> None:
    older = make_exchange(world.city, "Vanha kysymys")
    Exchange.objects.filter(pk=older.pk).update(created_at=timezone.now().replace(year=2020))
    newer = make_exchange(
        world.city,
        "Uusi kysymys",
        outcome=ExchangeOutcome.ANSWERED,
        entry=world.book_space,
        helpful=False,
        candidates=[{"entry": "book-space", "score": 0.8}, {"entry": "gone", "score": 0.1}],
    )
    shared = make_exchange(None, "Kaikkien kysymys", candidates=[])
    make_exchange(world.other_city, "Kuopion kysymys")
    make_exchange(world.city, "Hylätty", review=ReviewState.DISMISSED)
    page = review_queue(municipality=world.city, page=None)
    rows = list(page.object_list)
    assert [row.exchange for row in rows] == [shared, newer, older]
    assert [(c.key, c.title) for c in rows[1].candidates] == [
        ("book-space", "Tilan varaaminen"),
        ("gone", "gone"),
    ]
    assert rows[1].best_key == "book-space" and rows[0].best_key == ""
    assert rows[2].candidates[0].score == pytest.approx(0.31)


# --- Views --------------------------------------------------------------------------------------


def test_the_review_page_preselects_the_best_candidate(client: Any, world: World) -> None:
    exchange = make_exchange(world.city, "Koodi ei toimi")
    client.force_login(world.staff)
    page = client.get(f"{world.base()}/review/").content.decode()
    assert f'data-exchange="{exchange.pk}"' in page
    assert '<option value="access-code" selected>' in page
    assert 'lang="fi">Koodi ei toimi<' in page


def test_one_click_teaches_and_returns_to_the_queue(client: Any, world: World) -> None:
    exchange = make_exchange(world.city, "Koodi ei toimi")
    client.force_login(world.staff)
    response = client.post(
        f"{world.base()}/review/{exchange.pk}/teach/", {"entry": "access-code", "page": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{world.base()}/review/?page=1"
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.TAUGHT
    assert world.access_code.paraphrases.filter(text="Koodi ei toimi").exists()


def test_a_refused_teach_shows_the_reason_beside_the_question(client: Any, world: World) -> None:
    exchange = make_exchange(world.city, "Miten varaan tilan?")
    client.force_login(world.staff)
    with translation.override("en"):
        response = client.post(
            f"{world.base('en')}/review/{exchange.pk}/teach/", {"entry": "access-code"}
        )
    assert response.status_code == 200
    content = response.content.decode()
    assert "already a paraphrase of" in content and f'id="error-{exchange.pk}"' in content
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.PENDING


def test_dismiss(client: Any, world: World) -> None:
    exchange = make_exchange(world.city)
    client.force_login(world.staff)
    assert client.post(f"{world.base()}/review/{exchange.pk}/dismiss/").status_code == 302
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.DISMISSED
    # A second click finds it handled and says so, changing nothing.
    response = client.post(f"{world.base()}/review/{exchange.pk}/dismiss/", follow=True)
    assert response.status_code == 200 and b"message--error" in response.content


def test_other_desks_cannot_touch_this_citys_questions(client: Any, world: World) -> None:
    exchange = make_exchange(world.city)
    client.force_login(world.other_staff)
    assert client.get(f"{world.base()}/review/").status_code == 404
    theirs = world.base(organisation=world.other_desk)
    assert f'data-exchange="{exchange.pk}"' not in client.get(f"{theirs}/review/").content.decode()
    for action in ("teach", "dismiss"):
        response = client.post(f"{theirs}/review/{exchange.pk}/{action}/", {"entry": "access-code"})
        assert response.status_code == 404
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.PENDING
    client.force_login(world.viewer)
    assert client.post(f"{world.base()}/review/{exchange.pk}/dismiss/").status_code == 403
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.PENDING
