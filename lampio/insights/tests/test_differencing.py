"""A differencing attack on real facts: the database holds one extra person (one booking at
Oulu's museum in February), and a librarian of Oulu who knows the library's own figures asks
every query open to them, through the selectors and the API, to single that person out.
Nothing they get, nor any difference of two or more of it, is the one booking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import combinations
from typing import Any

import pytest
from django.test import Client

from lampio.accounts.models import User
from lampio.insights.measures import MEASURES
from lampio.insights.models import Fact, MeasureSetting
from lampio.insights.selectors import Level, Query, Scope, measure_result
from lampio.insights.suppression import small
from lampio.tenancy.models import Municipality, Organisation

JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)
T = 5
PERIODS = [(JAN, JAN), (FEB, FEB), (JAN, FEB)]
BOOKINGS = MEASURES["bookings"]


@pytest.fixture
def world(
    make_municipality: Callable[..., Municipality],
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., User],
    settings: Any,
) -> dict[str, Any]:
    settings.LAMPIO_INSIGHTS_THRESHOLD = T
    oulu, lahti = make_municipality(slug="oulu"), make_municipality(slug="lahti")
    library = make_organisation(municipality=oulu, slug="library")
    museum = make_organisation(municipality=oulu, slug="museum")
    hall = make_organisation(municipality=lahti, slug="hall")
    rows = [
        (JAN, library, "gym", 10),
        (FEB, library, "gym", 10),
        (FEB, museum, "studio", 6),
        (JAN, hall, "gym", 20),
        (FEB, hall, "gym", 20),
        (JAN, library, "studio", 8),
        (FEB, library, "studio", 8),
        (JAN, hall, "studio", 9),
        (FEB, hall, "studio", 9),
        (FEB, museum, "gym", 1),  # the one person
    ]
    Fact.objects.bulk_create(
        Fact(
            measure="bookings",
            month=month,
            municipality_id=org.municipality_id,
            organisation=org,
            space_type=space_type,
            value=n,
            n=n,
        )
        for month, org, space_type, n in rows
    )
    return {
        "oulu": oulu,
        "lahti": lahti,
        "library": library,
        "museum": museum,
        "librarian": make_member(library, role="viewer"),
    }


def scopes(world: dict[str, Any]) -> list[tuple[Scope, Municipality | None]]:
    """Every scope and municipality filter the librarian may ask for."""
    return [
        (Scope(Level.ORGANISATION, world["library"], world["oulu"]), None),
        (Scope(Level.MUNICIPALITY, municipality=world["oulu"]), None),
        (Scope(Level.NETWORK), None),
        (Scope(Level.NETWORK), world["oulu"]),
        (Scope(Level.NETWORK), world["lahti"]),
    ]


Population = frozenset[tuple[date, str, str]]  # (month, organisation slug, space type)


def population(facts: list[Fact], query: Query, key: tuple[object, ...]) -> Population:
    """The fact rows a query's cell sums, by what they are (not by their figures)."""
    scope = query.scope
    return frozenset(
        (f.month, f.organisation.slug, f.space_type)
        for f in facts
        if query.first_month <= f.month <= query.last_month
        and (scope.organisation is None or f.organisation_id == scope.organisation.pk)
        and (scope.municipality is None or f.municipality_id == scope.municipality.pk)
        and (query.municipality is None or f.municipality_id == query.municipality.pk)
        and (not key or key[0] in ("*", f.space_type))
    )


def known_figures(world: dict[str, Any]) -> dict[Population, int]:
    """Every published count of every query of the librarian, by the rows it sums; and the
    library's own true figures, which the librarian knows whether published or not."""
    facts = list(Fact.objects.select_related("organisation"))
    known: dict[Population, int] = {}
    for scope, municipality in scopes(world):
        for first, last in PERIODS:
            for by in ((), ("space_type",)):
                query = Query(BOOKINGS, by, first, last, scope, municipality)
                table = measure_result(actor=world["librarian"], query=query).table
                for key, figure in table.figures.items():
                    rows = population(facts, query, key)
                    if figure.n is not None and rows:
                        known[rows] = figure.n
    library = [f for f in facts if f.organisation_id == world["library"].pk]
    for first, last in PERIODS:
        for space_type in ("gym", "studio", None):
            mine = [
                f
                for f in library
                if first <= f.month <= last and space_type in (None, f.space_type)
            ]
            known[frozenset((f.month, "library", f.space_type) for f in mine)] = sum(
                f.n for f in mine
            )
    return known


def test_no_difference_of_known_figures_is_a_small_group(world: dict[str, Any]) -> None:
    known = known_figures(world)
    target = (FEB, "museum", "gym")
    assert len(known) > 20, "the attack has plenty to work with"
    # The person is in some published totals, among the museum's six other bookings...
    assert any(target in rows for rows in known)
    # ...but never in a figure that would show the museum's gyms on their own.
    assert not any(target in rows and (FEB, "museum", "studio") not in rows for rows in known)
    items = list(known.items())
    for rows, n in items:
        # One or two known parts taken away from a known whole: what is left is never small.
        parts = [(r, m) for r, m in items if r < rows]
        for part, m in parts:
            assert not small(n - m, T), (sorted(rows - part), n - m)
        for (a, m1), (b, m2) in combinations(parts, 2):
            if not a & b:
                assert not small(n - m1 - m2, T), (sorted(rows - a - b), n - m1 - m2)


def test_the_attack_through_the_api_reveals_nothing(world: dict[str, Any], client: Client) -> None:
    MeasureSetting.objects.create(measure="bookings", is_open_data=True)
    client.force_login(world["librarian"])

    def total(**params: str) -> Any:
        response = client.get(
            "/api/v1/insights/measures/bookings",
            {"from": "2026-01", "to": "2026-02", "by": "space_type", **params},
        )
        assert response.status_code == 200, response.content
        return response.json()

    network = total(level="network")
    lahti = total(level="network", municipality="lahti")
    oulu = total(level="municipality", municipality="oulu")
    library = total(level="organisation", organisation=str(world["library"].pk))
    gyms = [
        next(row for row in table["rows"] if row["space_type"] == "gym")
        for table in (network, lahti, oulu, library)
    ]
    assert gyms[0]["suppressed"] and gyms[0]["value"] is None
    assert gyms[2]["suppressed"] and gyms[2]["value"] is None
    assert gyms[1]["value"] == 40 and gyms[3]["value"] == 20
    # Anonymous open data: the same numbers are hidden from everyone.
    client.logout()
    anonymous = client.get(
        "/api/v1/insights/measures/bookings",
        {"from": "2026-01", "to": "2026-02", "by": "space_type,organisation"},
    ).json()
    for row in anonymous["rows"] + anonymous["totals"]:
        assert row["suppressed"] or not small(row["n"], T)
        if row["space_type"] == "gym" and row["organisation"] in ("*", world["museum"].pk):
            assert row["suppressed"], row
