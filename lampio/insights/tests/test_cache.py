"""The cached tables and the coarse facts: the same figures as summing the facts each time,
and new figures as soon as a run or a setting changes them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.db.models import Sum
from django.urls import reverse
from django.utils import translation

from lampio.accounts.models import User
from lampio.core.errors import PermissionDenied
from lampio.insights import selectors
from lampio.insights.display import present
from lampio.insights.measures import COARSE_MEASURES, MEASURES
from lampio.insights.models import CoarseFact, Fact
from lampio.insights.selectors import Level, Query, Scope, measure_result
from lampio.insights.services.aggregation import aggregate_months
from lampio.insights.services.publication import update_measure_setting
from lampio.insights.services.warming import warm
from lampio.insights.tests.dashboard_data import build_network
from lampio.insights.tests.test_aggregation import NOW, book

pytestmark = pytest.mark.django_db

MARCH = date(2025, 3, 1)
NETWORK = Scope(Level.NETWORK)


def query(key: str, by: tuple[str, ...], scope: Scope = NETWORK) -> Query:
    return Query(MEASURES[key], by, MARCH, MARCH, scope)


def figures(result: selectors.Result) -> dict[Any, tuple[float | None, int | None, bool]]:
    return {k: (f.value, f.n, f.suppressed) for k, f in result.table.figures.items()}


@pytest.fixture
def spaces(make_space: Callable[..., Any]) -> list[Any]:
    """Two spaces with bookings over several weekdays and hours, some cancelled."""
    made = [make_space(), make_space()]
    for i, space in enumerate(made):
        for day in range(3, 19):
            start = time(8 + (day + i) % 10, 30 if day % 3 else 0)
            end = time(start.hour + 1 + day % 2, 0)
            extra: dict[str, Any] = {}
            if day % 7 == 0:
                extra = {"status": "cancelled", "cancelled_at": NOW}
            elif day % 5 == 0:
                extra = {"no_show_at": NOW}
            book(space, date(2025, 3, day), start, end, **extra)
    return made


def test_coarse_facts_are_the_fine_facts_summed_over_weekday_and_hour(spaces: list[Any]) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    columns = ("measure", "month", "organisation_id", "venue_id", "space_id", "space_type")

    def sums(model: Any) -> dict[tuple[Any, ...], tuple[float, float, int]]:
        rows = (
            model.objects.filter(measure__in=COARSE_MEASURES)
            .values(*columns)
            .annotate(v=Sum("value"), b=Sum("base"), c=Sum("n"))
            .order_by()
        )
        return {tuple(r[c] for c in columns): (r["v"], r["b"], r["c"]) for r in rows}

    fine, coarse = sums(Fact), sums(CoarseFact)
    assert fine.keys() == coarse.keys() and len(fine) == 4 * len(spaces)
    for cell, (value, base, n) in fine.items():
        assert coarse[cell] == (pytest.approx(value), pytest.approx(base), n)
    # One coarse row per measure and space: nothing left per weekday or hour.
    assert CoarseFact.objects.count() == len(coarse)


@pytest.mark.parametrize("key", COARSE_MEASURES)
@pytest.mark.parametrize("by", [(), ("month",), ("space",), ("municipality", "space_type")])
def test_a_query_reads_the_same_table_from_coarse_and_fine_facts(
    spaces: list[Any], key: str, by: tuple[str, ...]
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    asked = query(key, by)
    assert selectors._source(asked) is CoarseFact
    from_coarse = selectors.suppress(
        selectors._atoms(asked), dimensions=len(by), threshold=3, ratio=False
    )
    only_fine = Query(asked.measure, (*by, "weekday"), MARCH, MARCH, NETWORK)
    assert selectors._source(only_fine) is Fact
    fine_atoms: dict[Any, list[float]] = {}
    for atom in selectors._atoms(only_fine):  # the fine facts, summed over weekday here
        sums = fine_atoms.setdefault((atom.cell[: len(by)], atom.slice), [0.0, 0.0, 0])
        sums[0], sums[1], sums[2] = sums[0] + atom.value, sums[1] + atom.base, sums[2] + atom.n
    fine = [
        selectors.Atom(cell, slice_, value, base, int(n))
        for (cell, slice_), (value, base, n) in fine_atoms.items()
    ]
    from_fine = selectors.suppress(fine, dimensions=len(by), threshold=3, ratio=False)
    assert from_coarse.figures.keys() == from_fine.figures.keys()
    for cell, figure in from_coarse.figures.items():
        other = from_fine.figures[cell]
        assert (figure.n, figure.suppressed) == (other.n, other.suppressed)
        assert figure.value == pytest.approx(other.value)


def test_facts_made_without_coarse_ones_are_read_as_they_are(make_organisation: Any) -> None:
    org = make_organisation()
    Fact.objects.create(
        measure="bookings", month=MARCH, municipality=org.municipality, organisation=org, n=7
    )
    assert selectors._source(query("bookings", ("month",))) is Fact


def test_a_table_is_computed_once_while_the_data_is_unchanged(
    spaces: list[Any], make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    admin = make_user(is_network_admin=True)
    computed = []
    atoms = selectors._atoms
    monkeypatch.setattr(selectors, "_atoms", lambda q: computed.append(q) or atoms(q))
    first = measure_result(actor=admin, query=query("bookings", ("space",)))
    again = measure_result(actor=admin, query=query("bookings", ("space",)))
    assert figures(first) == figures(again) and len(computed) == 1
    measure_result(actor=admin, query=query("bookings", ("space_type",)))
    assert len(computed) == 2


def test_a_new_aggregation_run_shows_new_figures(
    spaces: list[Any], make_user: Callable[..., User]
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    admin = make_user(is_network_admin=True)
    before = measure_result(actor=admin, query=query("bookings", ())).table.grand_total
    for day in (4, 5, 6):
        book(spaces[0], date(2025, 3, day), time(20), time(21))
    unchanged = measure_result(actor=admin, query=query("bookings", ())).table.grand_total
    assert unchanged == before  # the sources changed, the facts not yet
    aggregate_months(MARCH, MARCH, now=NOW)
    after = measure_result(actor=admin, query=query("bookings", ())).table.grand_total
    assert before.value is not None and after.value == before.value + 3


def test_a_changed_threshold_shows_new_figures(
    spaces: list[Any], make_user: Callable[..., User]
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    admin = make_user(is_network_admin=True)
    shown = measure_result(actor=admin, query=query("bookings", ())).table.grand_total
    assert not shown.suppressed and shown.n is not None
    update_measure_setting(actor=admin, key="bookings", threshold=shown.n + 1, is_open_data=False)
    result = measure_result(actor=admin, query=query("bookings", ()))
    assert result.threshold == shown.n + 1 and result.table.grand_total.suppressed


def test_publishing_as_open_data_opens_the_dimensions_at_once(
    spaces: list[Any], make_user: Callable[..., User], make_member: Callable[..., User]
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    admin = make_user(is_network_admin=True)
    staff = make_member(spaces[0].venue.organisation, role="viewer")
    by_space = query("bookings", ("space",))
    measure_result(actor=admin, query=by_space)  # cached for the admin
    with pytest.raises(PermissionDenied):
        measure_result(actor=staff, query=by_space)
    update_measure_setting(actor=admin, key="bookings", threshold=None, is_open_data=True)
    assert figures(measure_result(actor=staff, query=by_space)) == figures(
        measure_result(actor=admin, query=by_space)
    )
    open_view = measure_result(actor=staff, query=query("bookings", ("space",), Scope(Level.OPEN)))
    assert open_view.table.grand_total.n


def test_the_nightly_run_warms_the_default_queries(spaces: list[Any]) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    cache.clear()
    assert warm(today=date(2025, 4, 20)) > len(MEASURES)
    assert warm(today=date(2025, 4, 20), budget=0) == 0  # the time budget stops it


def test_the_pages_show_a_new_threshold_at_once(
    client: Any, make_user: Callable[..., User], settings: Any
) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    build_network()
    admin = make_user(is_network_admin=True)
    client.force_login(admin)
    with translation.override("en"):
        page = reverse("insights_staff:network")
    first = client.get(page).content.decode()
    assert "&lt; 40" not in first
    update_measure_setting(actor=admin, key="bookings", threshold=40, is_open_data=False)
    assert "&lt; 40" in client.get(page).content.decode()


def test_a_shown_figure_is_cached_without_its_result(
    spaces: list[Any], make_user: Callable[..., User]
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    admin = make_user(is_network_admin=True)
    result = measure_result(actor=admin, query=query("bookings", ("space",)))
    shown = present(result, chart_id="chart-bookings")
    cached = cache.get(shown.fragment_key)
    # The result (with the measure's lazy texts) stays out of the cache; each caller's own
    # result comes back with the shape.
    assert cached.result is None and cached.rows == shown.rows
    assert present(result, chart_id="chart-bookings").result is result


def test_each_process_keeps_its_own_copies_and_each_caller_gets_its_own_figure(
    spaces: list[Any], make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    aggregate_months(MARCH, MARCH, now=NOW)
    admin = make_user(is_network_admin=True)
    by_space = query("bookings", ("space",))
    first = measure_result(actor=admin, query=by_space)
    shown = present(first, chart_id="chart-bookings")

    # Another request of this process: the tables and shapes come from its own copies, with
    # no round trip to the shared cache (Redis in production).
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: pytest.fail("shared cache read"))
    again = measure_result(actor=admin, query=by_space)
    assert figures(again) == figures(first)
    shown_again = present(again, chart_id="chart-bookings")
    assert shown_again.rows == shown.rows
    assert shown_again.result is again and shown.result is first  # each keeps its own
    monkeypatch.undo()

    # A process without copies (another worker) reads the shared cache's entry.
    caches["figures"].clear()
    assert cache.get(first.cache_key) is not None
    assert figures(measure_result(actor=admin, query=by_space)) == figures(first)
