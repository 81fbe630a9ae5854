"""The three rules of the suppression layer, one example each."""

from __future__ import annotations

from lampio.insights.suppression import ALL, Atom, small, suppress

T = 5


def atom(cell: tuple[object, ...], n: int, *, month: int = 1, town: int = 1, org: int = 1) -> Atom:
    return Atom(cell, (month, town, org), float(n), float(n), n)


def test_small_is_between_one_and_threshold_less_one() -> None:
    assert [small(n, T) for n in (0, 1, 4, 5)] == [False, True, True, False]


def test_no_data_gives_an_empty_published_grand_total() -> None:
    table = suppress([], dimensions=1, threshold=T)
    assert table.grand_total.n == 0 and not table.grand_total.suppressed
    assert table.cells() == []


def test_zero_dimensions_is_one_figure() -> None:
    table = suppress([atom((), 7)], dimensions=0, threshold=T)
    assert table.grand_total.n == 7 and table.grand_total.value == 7


def test_a_small_cell_is_suppressed_without_figure_or_count() -> None:
    table = suppress([atom(("a",), 3), atom(("b",), 9), atom(("c",), 9)], dimensions=1, threshold=T)
    hidden = table.figures[("a",)]
    assert hidden.suppressed and hidden.value is None and hidden.n is None


def test_one_small_month_suppresses_the_whole_period() -> None:
    # 20 in January and 2 in February: the period less January would be 2.
    atoms = [atom(("a",), 20, month=1), atom(("a",), 2, month=2), atom(("b",), 30)]
    assert suppress(atoms, dimensions=1, threshold=T).figures[("a",)].suppressed


def test_one_small_municipality_suppresses_the_network_figure() -> None:
    # The network less the other towns (each a query of its own) would be 2.
    atoms = [atom(("a",), 2, town=1, org=1), atom(("a",), 10, town=2, org=2)]
    table = suppress(atoms, dimensions=1, threshold=T)
    assert table.figures[("a",)].suppressed


def test_the_rest_of_a_town_less_one_organisation_must_not_be_small() -> None:
    # The library knows its own 10; its town's 12 would give the museum's 2 away.
    atoms = [atom(("a",), 10, org=1), atom(("a",), 2, org=2), atom(("a",), 30, town=2, org=3)]
    assert suppress(atoms, dimensions=1, threshold=T).figures[("a",)].suppressed


def test_big_parts_everywhere_are_published() -> None:
    atoms = [atom(("a",), 10, org=1), atom(("a",), 6, org=2), atom(("a",), 8, town=2, org=3)]
    figure = suppress(atoms, dimensions=1, threshold=T).figures[("a",)]
    assert not figure.suppressed and figure.n == 24


def test_secondary_suppression_hides_a_second_cell_of_the_line() -> None:
    atoms = [atom(("a",), 2), atom(("b",), 9), atom(("c",), 12)]
    table = suppress(atoms, dimensions=1, threshold=T)
    # The total less the published cells would be 2: the smallest other cell goes too.
    assert table.figures[("a",)].suppressed and table.figures[("b",)].suppressed
    assert table.figures[("c",)].n == 12
    assert table.grand_total.n == 23


def test_secondary_suppression_hides_the_total_when_no_cell_can_cover() -> None:
    atoms = [atom(("a",), 2), atom(("b",), 0)]
    table = suppress(atoms, dimensions=1, threshold=T)
    assert table.figures[("a",)].suppressed and table.grand_total.suppressed


def test_row_and_column_totals_are_separate_lines() -> None:
    atoms = [
        atom(("a", "x"), 2),
        atom(("b", "x"), 10),
        atom(("b", "y"), 10),
        atom(("c", "x"), 10),
        atom(("c", "y"), 10),
    ]
    table = suppress(atoms, dimensions=2, threshold=T)
    shown = {k: f.n for k, f in table.figures.items() if not f.suppressed}
    rows = [k for k in table.figures if k[0] != ALL and k[1] == ALL]
    if (ALL, ALL) in shown:
        remainder = shown[(ALL, ALL)] - sum(shown.get(k) or 0 for k in rows)
        assert not small(remainder, T)
    assert table.figures[("a", ALL)].suppressed


def test_ratios_are_value_over_base_and_none_without_base() -> None:
    atoms = [
        Atom(("a",), (1, 1, 1), 30.0, 60.0, 6),
        Atom(("b",), (1, 1, 1), 0.0, 0.0, 0),
    ]
    table = suppress(atoms, dimensions=1, threshold=T, ratio=True)
    assert table.figures[("a",)].value == 0.5
    assert table.figures[("b",)].value is None and not table.figures[("b",)].suppressed


def test_suppressed_ratios_show_nothing() -> None:
    atoms = [Atom(("a",), (1, 1, 1), 3.0, 4.0, 3), Atom(("b",), (1, 1, 1), 50.0, 60.0, 20)]
    table = suppress(atoms, dimensions=1, threshold=T, ratio=True)
    assert table.figures[("a",)].value is None


def test_a_higher_threshold_suppresses_more() -> None:
    atoms = [atom(("a",), 7), atom(("b",), 20)]
    assert not suppress(atoms, dimensions=1, threshold=5).figures[("a",)].suppressed
    assert suppress(atoms, dimensions=1, threshold=10).figures[("a",)].suppressed
