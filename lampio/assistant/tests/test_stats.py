"""The desk's assistant statistics: pooled counts, small cells hidden, one municipality only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lampio.assistant import stats_selectors as stats
from lampio.assistant.models import (
    Conversation,
    ConversationMessage,
    ConversationState,
    Exchange,
    ExchangeOutcome,
    ReviewState,
    Sender,
)
from lampio.assistant.staff_views_stats import CHART_HEIGHT, weekly_chart
from lampio.assistant.stats_selectors import Cell, overview, share
from lampio.assistant.tests.staff_world import World, make_conversation, make_exchange, make_world
from lampio.tenancy.models import Municipality


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_world(make_municipality, make_organisation, make_member)


def _answered(municipality: Municipality | None, n: int, world: World, **fields: Any) -> None:
    entry = fields.pop("entry", world.access_code)
    for _index in range(n):
        make_exchange(
            municipality,
            "Mistä saan ovikoodin?",
            outcome=ExchangeOutcome.ANSWERED,
            review=ReviewState.NONE,
            entry=entry,
            candidates=[],
            **fields,
        )


def _not_helpful(n: int, **lookup: Any) -> None:
    chosen = list(Exchange.objects.filter(**lookup).values_list("pk", flat=True)[:n])
    Exchange.objects.filter(pk__in=chosen).update(helpful=False)


def _fallbacks(municipality: Municipality | None, n: int, **fields: Any) -> None:
    for _index in range(n):
        make_exchange(municipality, "Kuka keksi saunan?", **fields)


def _age(days: int) -> None:
    """Move every question asked so far `days` into the past."""
    Exchange.objects.update(created_at=timezone.now() - timedelta(days=days))


# --- Suppression ------------------------------------------------------------------------------


def test_counts_from_one_to_four_are_shown_as_fewer_than_five() -> None:
    assert [str(Cell(n)) for n in (0, 1, 4, 5, 12)] == ["0", "<5", "<5", "5", "12"]
    assert [Cell(n).hidden for n in (0, 1, 4, 5)] == [False, True, True, False]


def test_the_threshold_lives_in_one_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stats, "SMALL_CELL", 3)
    assert [str(Cell(n)) for n in (1, 2, 3)] == ["<3", "<3", "3"]


def test_shares_of_hidden_cells_are_not_shown() -> None:
    assert share(Cell(5), Cell(20)) == 25
    assert share(Cell(3), Cell(20)) is None
    assert share(Cell(0), Cell(3)) is None
    assert share(Cell(0), Cell(0)) is None


# --- Figures ----------------------------------------------------------------------------------


def test_counts_per_language_and_outcome(world: World) -> None:
    _answered(world.city, 6, world)
    _fallbacks(world.city, 5, language="sv")
    for _index in range(5):
        make_exchange(world.city, "Vapaat salit", outcome=ExchangeOutcome.INTENT, intent="free")
    _not_helpful(5, outcome=ExchangeOutcome.ANSWERED)
    result = overview(municipality=world.city)
    assert result.total.count == 16
    assert {language: cell.count for language, cell in result.languages} == {
        "fi": 11,
        "sv": 5,
        "en": 0,
    }
    assert (result.answered.count, result.intent.count, result.fallback.count) == (6, 5, 5)
    assert result.share_of(result.answered) == 38 and result.share_of(result.fallback) == 31
    assert result.not_helpful.count == 5 and result.not_helpful_rate == 45


def test_other_municipalities_and_unplaced_questions_are_never_counted_in(world: World) -> None:
    _answered(world.city, 5, world)
    _answered(world.other_city, 7, world)
    _fallbacks(world.other_city, 6)
    _fallbacks(None, 8)
    make_conversation(world.other_desk)
    mine = overview(municipality=world.city)
    assert (mine.total.count, mine.fallback.count, mine.live.count) == (5, 0, 0)
    assert mine.struggles == []
    unplaced = overview(municipality=None)
    assert (unplaced.total.count, unplaced.fallback.count) == (8, 8)


def test_the_period_filter(world: World) -> None:
    _answered(world.city, 5, world)
    _age(40)
    _answered(world.city, 6, world)
    assert overview(municipality=world.city, days=30).total.count == 6
    assert overview(municipality=world.city, days=90).total.count == 11
    assert overview(municipality=world.city, days=7).total.count == 6
    assert [stats.period_days(value) for value in ("7", "90", "31", "x", None)] == [
        7,
        90,
        30,
        30,
        30,
    ]


def test_top_entries_with_their_not_helpful_counts(world: World) -> None:
    _answered(world.city, 7, world, entry=world.book_space)
    _answered(world.city, 5, world)
    _not_helpful(2, entry=world.access_code)
    rows = overview(municipality=world.city).top_entries
    assert [(row.key, row.asked.count, str(row.not_helpful)) for row in rows] == [
        ("book-space", 7, "0"),
        ("access-code", 5, "<5"),
    ]


def test_topics_people_struggle_with_are_the_fallbacks_top_candidates(world: World) -> None:
    _fallbacks(world.city, 6)
    _fallbacks(world.city, 2, candidates=[{"entry": "book-space", "score": 0.2}])
    _fallbacks(world.city, 1, candidates=[])
    rows = overview(municipality=world.city).struggles
    assert [(row.key, str(row.asked)) for row in rows] == [
        ("access-code", "6"),
        ("book-space", "<5"),
    ]
    assert rows[0].title == world.access_code.title


def test_handoffs_and_the_median_wait(world: World) -> None:
    for minutes in (2, 4, 10, 12, 30):
        conversation = make_conversation(world.desk, state=ConversationState.CLOSED)
        reply = ConversationMessage.objects.create(
            conversation=conversation, sender=Sender.STAFF, author=world.staff, text="Hei!"
        )
        ConversationMessage.objects.filter(pk=reply.pk).update(
            created_at=conversation.created_at + timedelta(minutes=minutes)
        )
    for _index in range(6):
        make_conversation(world.desk, state=ConversationState.TO_FEEDBACK)
    result = overview(municipality=world.city)
    assert (result.live.count, result.to_feedback.count) == (5, 6)
    assert result.median_wait is not None
    assert round(result.median_wait.total_seconds() / 60) == 10
    Conversation.objects.filter(state=ConversationState.CLOSED).first().delete()  # type: ignore[union-attr]
    assert overview(municipality=world.city).median_wait is None  # four chats tell too much


def test_weekly_counts_cover_the_period(world: World) -> None:
    _answered(world.city, 6, world)
    _age(8)
    _answered(world.city, 5, world)
    weeks = overview(municipality=world.city, days=30).weeks
    assert 5 <= len(weeks) <= 6
    assert sum(week.questions.count for week in weeks) == 11
    assert weeks[-1].start == timezone.localdate() - timedelta(days=timezone.localdate().weekday())


# --- The page ---------------------------------------------------------------------------------


def _page(world: World, language: str = "en", query: str = "") -> str:
    return f"{world.base(language)}/statistics/{query}"


def test_the_page_shows_pooled_figures_and_no_question_text(client: Any, world: World) -> None:
    _answered(world.city, 6, world)
    _fallbacks(world.city, 2, language="sv")
    _fallbacks(None, 3)
    client.force_login(world.staff)
    response = client.get(_page(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="stats-total">8<' in page
    assert "&lt;5" in page and "<svg" in page and 'scope="row"' in page
    assert "Mistä saan ovikoodin" not in page and "Kuka keksi saunan" not in page
    assert 'aria-current="page"' in page and 'name="days"' in page


def test_the_period_is_a_get_parameter(client: Any, world: World) -> None:
    _answered(world.city, 5, world)
    _age(40)
    client.force_login(world.staff)
    assert 'id="stats-total">0<' in client.get(_page(world)).content.decode()
    assert 'id="stats-total">5<' in client.get(_page(world, query="?days=90")).content.decode()


def test_the_page_never_counts_another_municipality(client: Any, world: World) -> None:
    _answered(world.other_city, 9, world)
    client.force_login(world.staff)
    assert 'id="stats-total">0<' in client.get(_page(world, "fi")).content.decode()


def test_access_is_the_knowledge_editors(client: Any, world: World) -> None:
    assert client.get(_page(world)).status_code == 302  # to the sign-in
    client.force_login(world.viewer)
    assert client.get(_page(world)).status_code == 403
    client.force_login(world.other_staff)
    assert client.get(_page(world)).status_code == 404
    client.force_login(world.staff)
    assert client.get(f"{world.base('en', world.library)}/statistics/").status_code == 404


# --- Waiting residents on the organisation page -------------------------------------------------


def test_the_organisation_page_counts_what_waits(client: Any, world: World) -> None:
    make_conversation(world.desk)
    make_conversation(world.desk)
    make_conversation(world.desk, state=ConversationState.ACTIVE, taken_by=world.staff)
    make_conversation(world.other_desk)
    make_exchange(world.city)
    make_exchange(None)
    make_exchange(world.other_city)
    queue = stats.desk_queue(world.desk)
    assert (queue.waiting_chats, queue.questions_to_review) == (2, 2)
    client.force_login(world.staff)
    page = client.get(f"/en/staff/{world.city.slug}/{world.desk.slug}/").content.decode()
    assert (
        "Assistant's live chat (2 waiting)" in page
        or "Assistant&#x27;s live chat (2 waiting)" in page
    )
    assert "Questions to review (2)" in page


def test_an_empty_queue_shows_no_numbers(client: Any, world: World) -> None:
    client.force_login(world.staff)
    page = client.get(f"/en/staff/{world.city.slug}/{world.desk.slug}/").content.decode()
    assert 'id="assistant-review-link"' in page and "waiting)" not in page


def test_the_chart_draws_no_bar_for_a_hidden_week() -> None:
    monday = timezone.localdate()
    weeks = [stats.Week(monday, Cell(10)), stats.Week(monday, Cell(3)), stats.Week(monday, Cell(5))]
    chart = weekly_chart(weeks)
    assert [bar.height for bar in chart.bars] == [CHART_HEIGHT, 0, CHART_HEIGHT // 2]
    assert chart.width > 3 * chart.bar_width
