"""Property tests of survey results: for random answers across organisations and cities, no
published group is small, and neither is any group worked out by taking published groups (and
the attacker's own organisation, whose size they may know) away from a published whole.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import timedelta
from itertools import product
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lampio.insights.suppression import ALL, small
from lampio.insights.survey_compare import changes
from lampio.insights.survey_exports import results_json
from lampio.insights.survey_results import NETWORK, GroupLevel, group_table, round_results
from lampio.insights.tests.survey_results_data import answer, make_round, questionnaire
from lampio.tenancy.models import Membership, Municipality, Organisation

CITIES = (1, 2, 3)
ORGANISATIONS = tuple((city, city * 10 + n) for city in CITIES for n in range(1, 2 + city % 3))
counts = st.one_of(st.integers(0, 4), st.integers(0, 14))  # many small groups on purpose


def _sums(parts: list[int]) -> set[int]:
    """Every sum of a subset of `parts`."""
    sums = {0}
    for part in parts:
        sums |= {s + part for s in sums}
    return sums


def derivable(table: Any, truth: dict[tuple[int, int], int], own: tuple[int, int]) -> list[int]:
    """Every published whole (a city, the network) less any disjoint set of published groups
    inside it and the attacker's own organisation (known whether published or not)."""
    figures = table.figures

    def shown(key: tuple[Hashable, Hashable]) -> int | None:
        figure = figures.get(key)
        if figure is None:
            return 0
        return None if figure.suppressed else figure.n

    def city_parts(city: int) -> set[int]:
        """What can be taken away from within one city: a subset of its published and own
        organisations, or the city as a whole when published."""
        parts = []
        for organisation in ORGANISATIONS:
            if organisation[0] != city:
                continue
            n = truth.get(organisation, 0) if organisation == own else shown(organisation)
            if n is not None:
                parts.append(n)
        options = _sums(parts)
        whole = shown((city, ALL))
        if whole is not None:
            options.add(whole)
        return options

    found = []
    for city in CITIES:
        whole = shown((city, ALL))
        if whole is not None:
            found += [whole - part for part in city_parts(city) if part != whole]
    network = shown(NETWORK)
    if network is not None:
        for parts in product(*(city_parts(city) for city in CITIES)):
            found.append(network - sum(parts))
    return found


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(ORGANISATIONS), counts, min_size=1),
    st.integers(3, 6),
    st.sampled_from(ORGANISATIONS),
)
def test_no_published_or_derivable_group_is_small(
    truth: dict[tuple[int, int], int], threshold: int, own: tuple[int, int]
) -> None:
    table = group_table({(7, c, o): n for (c, o), n in truth.items()}, threshold)
    for figure in table.figures.values():
        assert figure.suppressed or not small(figure.n or 0, threshold), figure
    for left in derivable(table, truth, own):
        assert not small(left, threshold), (left, truth)


round_answers = st.dictionaries(st.integers(0, 3), st.integers(0, 8), min_size=1)


@pytest.mark.django_db
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    spring=round_answers,
    autumn=round_answers,
    member_of=st.integers(0, 4),  # 4: a network admin
    scope=st.sampled_from(["", "own", "city", "network"]),
    compare=st.booleans(),
)
def test_results_pages_never_hold_a_small_group(
    settings: Any,
    django_user_model: Any,
    spring: dict[int, int],
    autumn: dict[int, int],
    member_of: int,
    scope: str,
    compare: bool,
) -> None:
    settings.LAMPIO_INSIGHTS_THRESHOLD = 5
    with transaction.atomic():
        cities = [Municipality.objects.create(slug=f"p{i}", name_fi=f"P{i}") for i in range(2)]
        orgs = [
            Organisation.objects.create(municipality=cities[i // 2], slug=f"o{i}", name_fi=f"O{i}")
            for i in range(4)
        ]
        version = questionnaire(key="property")
        today = timezone.localdate()
        first = make_round(version, orgs, closes_on=today.replace(day=1) - timedelta(200))
        second = make_round(version, orgs, closes_on=today - timedelta(1))
        for round_, numbers in ((first, spring), (second, autumn)):
            for index, n in numbers.items():
                answer(round_, orgs[index], n, role="a", confident=index + 1, needs=["w"])
                answer(round_, orgs[index], n // 2, role="b", overall=3)
        user = django_user_model.objects.create_user(
            email="p@example.fi", is_network_admin=member_of == 4
        )
        if member_of < 4:
            Membership.objects.create(user=user, organisation=orgs[member_of], role="viewer")
        now = round_results(actor=user, round_id=second.pk)
        then = round_results(actor=user, round_id=first.pk) if compare else None
        groups = {
            "": now.groups,
            "own": [g for g in now.groups if g.own],
            "city": [g for g in now.groups if g.level == GroupLevel.MUNICIPALITY],
            "network": [g for g in now.groups if g.level == GroupLevel.NETWORK],
        }[scope]
        moved = changes(now, then)
        data = results_json(now, groups, moved)
        for question in data["questions"]:
            for group in question["groups"]:
                n = group["respondents"]
                assert (n is None) == group["suppressed"]
                assert n is None or not small(n, 5), group
                if member_of < 4 and group["level"] == "organisation":
                    assert group["name"] == orgs[member_of].name
        for (key, group_key, _row), _change in moved.items():
            assert then is not None
            for results in (now, then):
                question = next(q for q in results.questions if q.question.key == key)
                assert not question.groups[group_key].suppressed
        transaction.set_rollback(True)
