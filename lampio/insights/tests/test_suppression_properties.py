"""Property tests of the suppression layer: for random facts and random filters, nothing a
person can see or work out from what they see is a group of 1 to threshold − 1.

A "query" here is what selectors.measure_result does: keep the atoms a filter selects (a
period of whole months, a municipality, an organisation) and suppress them. The attacker
knows every published figure of every query, the true figures of their own organisation, and
subtracts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lampio.insights.suppression import ALL, Atom, Key, Table, small, suppress

MONTHS = (1, 2, 3)
TOWNS = (1, 2, 3)
# Two or three organisations per town: (town, number) so that an organisation has one town.
ORGANISATIONS = tuple((town, number) for town in TOWNS for number in range(1, 3 + (town == 1)))
VALUES = ("a", "b", "c")

Filter = Callable[[Atom], bool]

counts = st.one_of(st.integers(0, 4), st.integers(0, 15))  # many small groups on purpose
atom_1d = st.builds(
    lambda cell, month, org, n: Atom((cell,), (month, org[0], org), n, n, n),
    st.sampled_from(VALUES),
    st.sampled_from(MONTHS),
    st.sampled_from(ORGANISATIONS),
    counts,
)
atom_2d = st.builds(
    lambda row, column, month, org, n: Atom((row, column), (month, org[0], org), n, n, n),
    st.sampled_from(VALUES),
    st.sampled_from(VALUES[:2]),
    st.sampled_from(MONTHS),
    st.sampled_from(ORGANISATIONS),
    counts,
)
# Few cells, months and organisations, so that whole towns are often big and others small.
atom_dense = st.builds(
    lambda cell, month, org, n: Atom((cell,), (month, org[0], org), n, n, n),
    st.sampled_from(VALUES[:2]),
    st.sampled_from(MONTHS[:2]),
    st.sampled_from([org for org in ORGANISATIONS if org[1] == 1] + [(1, 2)]),
    counts,
)
thresholds = st.integers(3, 6)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(atoms: list[Atom], dimensions: int, threshold: int, keep: Filter) -> Table:
    return suppress([a for a in atoms if keep(a)], dimensions=dimensions, threshold=threshold)


def true_counts(atoms: list[Atom], keep: Filter, dimensions: int) -> dict[Key, int]:
    """What the raw rows say, for every cell and total: what an organisation knows of its own."""
    table = suppress([a for a in atoms if keep(a)], dimensions=dimensions, threshold=1)
    return {key: figure.n or 0 for key, figure in table.figures.items()}


def published(table: Table) -> dict[Key, int]:
    return {k: f.n for k, f in table.figures.items() if not f.suppressed and f.n is not None}


def period(first: int, last: int) -> Filter:
    return lambda a: first <= a.slice[0] <= last


def town(number: Hashable) -> Filter:
    return lambda a: a.slice[1] == number


def organisation(org: Hashable) -> Filter:
    return lambda a: a.slice[2] == org


def everything(atom: Atom) -> bool:
    return True


def check_table(table: Table, threshold: int) -> None:
    """No published figure is small, and no line gives a hidden part away by subtraction."""
    for figure in table.figures.values():
        if figure.suppressed:
            assert figure.n is None and figure.value is None
        else:
            assert figure.n is not None and not small(figure.n, threshold), figure
    shown = published(table)
    lines: dict[tuple[Key, int], list[Key]] = defaultdict(list)
    for key in table.figures:
        for axis in range(table.dimensions):
            if key[axis] != ALL:
                lines[((*key[:axis], ALL, *key[axis + 1 :]), axis)].append(key)
    for (total, _axis), members in lines.items():
        if total in shown:
            remainder = shown[total] - sum(shown.get(m, 0) for m in members)
            hidden = [m for m in members if m not in shown]
            assert not small(remainder, threshold), (total, hidden, remainder)


@SETTINGS
@given(st.lists(atom_1d, max_size=40), thresholds)
def test_one_dimension_hides_small_groups_and_their_line_remainders(
    atoms: list[Atom], threshold: int
) -> None:
    check_table(run(atoms, 1, threshold, everything), threshold)


@SETTINGS
@given(st.lists(atom_2d, max_size=40), thresholds)
def test_two_dimensions_hide_small_groups_and_their_line_remainders(
    atoms: list[Atom], threshold: int
) -> None:
    check_table(run(atoms, 2, threshold, everything), threshold)


@SETTINGS
@given(st.lists(atom_1d, max_size=40), thresholds, st.sampled_from(TOWNS))
def test_every_filter_gives_a_safe_table(atoms: list[Atom], threshold: int, number: int) -> None:
    for keep in (town(number), organisation((number, 1)), period(2, 3), period(1, 1)):
        check_table(run(atoms, 1, threshold, keep), threshold)


def assert_difference_safe(big: dict[Key, int], part: dict[Key, int], threshold: int) -> None:
    for key in big.keys() & part.keys():
        assert not small(big[key] - part[key], threshold), (key, big[key], part[key])


@SETTINGS
@given(st.lists(atom_1d, max_size=40), thresholds, st.integers(1, 3), st.integers(1, 3))
def test_two_nested_periods_differ_by_no_small_group(
    atoms: list[Atom], threshold: int, first: int, last: int
) -> None:
    first, last = min(first, last), max(first, last)
    longer = published(run(atoms, 1, threshold, period(1, 3)))
    for inner in {(first, last), (first, first), (last, last)}:
        shorter = published(run(atoms, 1, threshold, period(*inner)))
        assert_difference_safe(longer, shorter, threshold)


@SETTINGS
@given(st.lists(atom_1d, max_size=40), thresholds, st.sampled_from(ORGANISATIONS))
def test_own_organisation_subtracted_from_its_town_or_the_network_leaves_no_small_group(
    atoms: list[Atom], threshold: int, org: tuple[int, int]
) -> None:
    # Staff know their organisation's true figures, suppressed or not.
    own = true_counts(atoms, organisation(org), 1)
    for keep in (town(org[0]), everything):
        assert_difference_safe(published(run(atoms, 1, threshold, keep)), own, threshold)


@SETTINGS
@given(st.lists(atom_1d, max_size=40), thresholds, st.sampled_from(TOWNS))
def test_network_less_one_town_leaves_no_small_group(
    atoms: list[Atom], threshold: int, number: int
) -> None:
    network = published(run(atoms, 1, threshold, everything))
    assert_difference_safe(network, published(run(atoms, 1, threshold, town(number))), threshold)


@SETTINGS
@given(
    st.lists(st.one_of(atom_1d, atom_dense), max_size=40),
    thresholds,
    st.sampled_from(TOWNS),
    st.sampled_from(ORGANISATIONS),
)
@example(  # town 1 has two people; the network and the other towns are published
    [
        Atom(("a",), (1, 1, (1, 1)), 2, 2, 2),
        Atom(("a",), (1, 2, (2, 1)), 10, 10, 10),
        Atom(("a",), (1, 3, (3, 1)), 10, 10, 10),
    ],
    5,
    1,
    (1, 1),
)
@example(  # town 1 has 12, of which the asker's organisation 10: the rest of town 1 is 2
    [
        Atom(("a",), (1, 1, (1, 1)), 10, 10, 10),
        Atom(("a",), (1, 1, (1, 2)), 2, 2, 2),
        Atom(("a",), (1, 2, (2, 1)), 20, 20, 20),
    ],
    5,
    1,
    (1, 1),
)
def test_network_less_every_other_town_and_own_organisation_leaves_no_small_group(
    atoms: list[Atom], threshold: int, target: int, org: tuple[int, int]
) -> None:
    """Three or more queries: the network minus each other town's figures is the target
    town's figure; minus one's own organisation, the rest of one's town."""
    network = published(run(atoms, 1, threshold, everything))
    others = [published(run(atoms, 1, threshold, town(t))) for t in TOWNS if t != target]
    own = true_counts(atoms, organisation(org), 1) if org[0] == target else {}
    for key, total in network.items():
        if all(key in other for other in others):
            remainder = total - sum(other[key] for other in others)
            assert not small(remainder, threshold), (key, remainder)
            assert not small(remainder - own.get(key, 0), threshold), (key, "less own")
