"""Results of questionnaire rounds: suppression of small groups, who sees which group, the
figures of published groups, change between rounds, training needs ranked and free texts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.insights.suppression import ALL
from lampio.insights.survey_compare import changes, ranked_needs, training_questions
from lampio.insights.survey_results import (
    NETWORK,
    GroupLevel,
    free_texts,
    group_table,
    result_rounds,
    round_results,
)
from lampio.insights.tests.survey_results_data import World, answer, build_world, make_round
from lampio.surveys.models import Question, QuestionnaireVersion
from lampio.tenancy.models import Organisation

T = 5


# The groups table alone ---------------------------------------------------------------------


def test_a_small_organisation_is_hidden_and_so_is_its_city_and_the_network() -> None:
    # Oulu: library 10, museum 2; Lahti: hall 8, theatre 6.
    table = group_table({(1, 1, 11): 10, (1, 1, 12): 2, (1, 2, 21): 8, (1, 2, 22): 6}, T)
    figures = table.figures
    assert figures[(1, 11)].n == 10 and not figures[(1, 11)].suppressed
    assert figures[(1, 12)].suppressed and figures[(1, 12)].n is None
    # Oulu less the library would be the museum's two.
    assert figures[(1, ALL)].suppressed
    # The network less Lahti would be Oulu, and Oulu less the library the museum again.
    assert figures[NETWORK].suppressed
    assert figures[(2, ALL)].n == 14 and figures[(2, 21)].n == 8 and figures[(2, 22)].n == 6


def test_a_city_published_beside_a_hidden_organisation_hides_enough_of_the_others() -> None:
    # Oulu: 10, 6 and 2. The city passes rule 1 (18; less any one: 8, 12, 16), so the
    # organisations that could be taken away from it to leave the 2 must go too.
    table = group_table({(1, 1, 11): 10, (1, 1, 12): 6, (1, 1, 13): 2}, T)
    figures = table.figures
    assert figures[(1, ALL)].n == 18
    shown = [figures[(1, o)].n for o in (11, 12, 13) if not figures[(1, o)].suppressed]
    assert 18 - sum(n or 0 for n in shown) not in range(1, T)


def test_a_group_nobody_answered_is_zero_not_hidden() -> None:
    table = group_table({(1, 1, 11): 7}, T)
    assert table.figures[NETWORK].n == 7
    assert (1, 12) not in table.figures  # read as 0 by survey_results


# A round in the database ----------------------------------------------------------------------


@pytest.fixture
def world(
    settings: Any,
    make_municipality: Any,
    make_organisation: Any,
    make_member: Any,
    make_user: Any,
) -> World:
    settings.LAMPIO_INSIGHTS_THRESHOLD = T
    return build_world(make_municipality, make_organisation, make_member, make_user)


def groups_of(results: Any) -> dict[tuple[str, str], Any]:
    return {(str(g.level), g.label): g for g in results.groups}


def test_staff_see_their_organisation_every_city_as_a_whole_and_the_network(world: World) -> None:
    results = round_results(actor=world.librarian, round_id=world.autumn.pk)
    levels = [(str(g.level), g.key) for g in results.groups]
    assert levels == [
        ("organisation", (world.oulu.pk, world.library.pk)),
        ("municipality", (world.oulu.pk, ALL)),
        ("municipality", (world.lahti.pk, ALL)),
        ("network", NETWORK),
    ]
    assert results.groups[0].own and results.groups[1].own and not results.groups[2].own
    for question in results.questions:
        assert set(question.groups) == {key for _level, key in levels}


def test_network_admins_see_every_organisation(world: World) -> None:
    results = round_results(actor=world.admin, round_id=world.autumn.pk)
    organisations = {g.key[1] for g in results.groups if g.level == GroupLevel.ORGANISATION}
    assert organisations == {world.library.pk, world.museum.pk, world.hall.pk, world.theatre.pk}
    assert not any(g.own for g in results.groups)


def test_a_round_of_others_is_not_found(world: World, make_organisation: Any) -> None:
    elsewhere = make_round(world.version, [make_organisation()], title="Muualla")
    assert elsewhere not in result_rounds(actor=world.librarian)
    with pytest.raises(NotFound):
        round_results(actor=world.librarian, round_id=elsewhere.pk)


def test_an_open_round_has_no_figures_yet(world: World) -> None:
    open_round = make_round(
        world.version, [world.library], closes_on=timezone.localdate() + timedelta(days=3)
    )
    answer(open_round, world.library, 8, role="a")
    results = round_results(actor=world.librarian, round_id=open_round.pk)
    assert not results.closed and results.questions == [] and results.respondents == {}


def test_published_groups_have_distributions_and_means(world: World) -> None:
    results = round_results(actor=world.admin, round_id=world.autumn.pk)
    by_key = {q.question.key: q for q in results.questions}
    library = by_key["role"].groups[(world.oulu.pk, world.library.pk)]
    assert library.n == 10 and library.rows[""].shares == {"b": 60.0, "a": 40.0}
    confident = by_key["confident"].groups[(world.oulu.pk, world.library.pk)].rows[""]
    assert confident.mean == pytest.approx(3.2)  # six fours and four twos
    # Multiple choice: a share of the people, not of the ticks.
    lahti = by_key["needs"].groups[(world.lahti.pk, ALL)]
    assert lahti.n == 16 and lahti.rows[""].shares["x"] == pytest.approx(700 / 16)
    # Matrix: per statement, of those who answered it.
    skills = by_key["skills"].groups[(world.oulu.pk, world.library.pk)]
    assert skills.rows["email"].mean == pytest.approx((6 * 5 + 4 * 3) / 10)
    assert skills.rows["video"].answered == 6 and skills.rows["video"].mean == 3.0


def test_suppressed_groups_carry_nothing(world: World) -> None:
    results = round_results(actor=world.admin, round_id=world.autumn.pk)
    answered_by_museum = [q for q in results.questions if q.question.key != "skills"]
    for question in answered_by_museum:
        museum = question.groups[(world.oulu.pk, world.museum.pk)]
        assert museum.suppressed and museum.n is None and museum.rows == {}
        # Oulu less the library is the museum's three; the network shows the same through Oulu.
        assert question.groups[(world.oulu.pk, ALL)].suppressed
        assert question.groups[NETWORK].suppressed
    assert results.respondents[(world.oulu.pk, world.museum.pk)].suppressed
    # Nobody at the museum answered the matrix: for it, Oulu is the library alone.
    skills = next(q for q in results.questions if q.question.key == "skills")
    assert skills.groups[(world.oulu.pk, world.museum.pk)].n == 0
    assert skills.groups[(world.oulu.pk, ALL)].n == 10


def test_change_between_rounds_only_where_both_are_published(world: World) -> None:
    now = round_results(actor=world.librarian, round_id=world.autumn.pk)
    then = round_results(actor=world.librarian, round_id=world.spring.pk)
    moved = changes(now, then)
    library = (world.oulu.pk, world.library.pk)
    assert moved[("confident", library, "")].mean == pytest.approx(3.2 - 2.0)
    assert moved[("role", library, "")].points["b"] == pytest.approx(60.0)
    lahti = (world.lahti.pk, ALL)
    assert moved[("overall", lahti, "")].mean == pytest.approx(8 - 4)
    hidden = ((world.oulu.pk, ALL), NETWORK)
    assert not any(key[1] in hidden for key in moved if key[0] != "skills")
    assert ("skills", (world.oulu.pk, ALL), "email") in moved


def test_questions_are_compared_by_key_across_versions(world: World) -> None:
    second = QuestionnaireVersion.objects.create(
        questionnaire=world.version.questionnaire, number=2, published_at=timezone.now()
    )
    Question.objects.create(
        version=second, position=1, key="confident", kind="likert", text_fi="Uusi sanamuoto"
    )
    later = make_round(second, [world.hall, world.theatre], title="Uusi")
    answer(later, world.hall, 5, confident=5)
    now = round_results(actor=world.hall_staff, round_id=later.pk)
    then = round_results(actor=world.hall_staff, round_id=world.autumn.pk)
    moved = changes(now, then)
    assert moved[("confident", (world.lahti.pk, world.hall.pk), "")].mean == pytest.approx(1.0)


def test_training_needs_are_ranked_by_share(world: World) -> None:
    results = round_results(actor=world.hall_staff, round_id=world.autumn.pk, theme="training")
    assert [q.question.key for q in results.questions] == ["needs"]
    (question,) = training_questions(results)
    hall = question.groups[(world.lahti.pk, world.hall.pk)]
    assert [n.label for n in ranked_needs(question, hall)][:2] == ["Vaihtoehto y", "Vaihtoehto z"]
    lahti = question.groups[(world.lahti.pk, ALL)]
    ranked = ranked_needs(question, lahti)
    assert [(n.label, round(n.share)) for n in ranked] == [
        ("Vaihtoehto y", 56),
        ("Vaihtoehto z", 56),
        ("Vaihtoehto x", 44),
        ("Vaihtoehto w", 0),
    ]
    assert ranked_needs(question, question.groups[NETWORK]) == []  # suppressed


def test_free_texts_only_for_the_own_published_organisation(world: World) -> None:
    def texts(actor: User, organisation: Organisation) -> list[str]:
        results = round_results(actor=actor, round_id=world.autumn.pk)
        question = next(q for q in results.questions if q.question.key == "comments")
        group = next(g for g in results.groups if g.key[1] == organisation.pk)
        return free_texts(actor=actor, results=results, question=question, group=group)

    assert texts(world.librarian, world.library) == ["Hyvä"] * 6
    assert texts(world.hall_staff, world.hall) == ["Lahden teksti"] * 9
    assert texts(world.admin, world.hall) == ["Lahden teksti"] * 9
    assert texts(world.admin, world.museum) == []  # a small group's texts are never shown
    # Staff of one organisation never get another's texts, even when it is published.
    results = round_results(actor=world.admin, round_id=world.autumn.pk)
    question = next(q for q in results.questions if q.question.key == "comments")
    hall = next(g for g in results.groups if g.key[1] == world.hall.pk)
    assert free_texts(actor=world.librarian, results=results, question=question, group=hall) == []
