"""CSV and JSON of a result, and the query form that makes the result's query."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from django.utils import translation

from lampio.accounts.models import User
from lampio.insights import exports
from lampio.insights.forms import QueryForm, default_period
from lampio.insights.measures import MEASURES
from lampio.insights.models import Fact
from lampio.insights.selectors import Level, Query, Scope, measure_result
from lampio.tenancy.models import Municipality, Organisation

JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)


@pytest.fixture
def admin(
    make_user: Callable[..., User],
    make_organisation: Callable[..., Organisation],
    make_municipality: Callable[..., Municipality],
) -> User:
    city = make_municipality(slug="oulu", name="Oulu")
    org = make_organisation(municipality=city)
    rows = [("gym", 0, 12), ("gym", 1, 2), ("studio", 0, 9), ("=evil", 2, 20)]
    for space_type, weekday, n in rows:
        Fact.objects.create(
            measure="space_utilisation",
            month=JAN,
            municipality=city,
            organisation=org,
            space_type=space_type,
            weekday=weekday,
            value=n * 1.5,
            base=n * 4,
            n=n,
        )
    return make_user(is_network_admin=True)


def result(admin: User, by: tuple[str, ...] = ("space_type",)) -> exports.Result:
    query = Query(MEASURES["space_utilisation"], by, JAN, JAN, Scope(Level.NETWORK))
    return measure_result(actor=admin, query=query)


def test_figures_are_in_the_measures_unit() -> None:
    assert exports.figure_number(MEASURES["space_utilisation"], 0.3751) == 37.5
    assert exports.figure_number(MEASURES["satisfaction"], 4.256) == 4.26
    assert exports.figure_number(MEASURES["bookings"], 12.0) == 12
    assert exports.figure_number(MEASURES["bookings"], None) is None


def test_json_has_labels_suppressed_cells_and_totals(admin: User) -> None:
    with translation.override("en"):
        data = exports.result_json(result(admin, ("weekday",)))
    json.dumps(data)  # serialisable as it is
    assert data["from"] == "2026-01" and data["threshold"] == 5 and data["by"] == ["weekday"]
    rows = {row["weekday"]: row for row in data["rows"]}
    assert rows[0]["weekday_label"] == "Monday" and rows[0]["value"] == 37.5
    assert rows[1]["suppressed"] and rows[1]["value"] is None and rows[1]["n"] is None
    assert [r["weekday"] for r in data["rows"]] == [0, 1, 2]
    total = data["totals"][0]
    assert total["weekday"] == "*" and total["weekday_label"] == "All"


def test_csv_is_semicolons_with_bom_and_hides_small_groups(admin: User) -> None:
    with translation.override("en"):
        body = exports.result_csv(result(admin, ("weekday",)))
    assert body.startswith("\ufeff".encode())
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0] == "Weekday;Space utilisation (% of open hours);Number of records"
    assert "Monday;37,5;21" in lines
    assert "Tuesday;< 5;" in lines
    assert lines[-1].startswith("All;")


def test_csv_defuses_formula_labels(admin: User) -> None:
    body = exports.result_csv(result(admin)).decode("utf-8-sig")
    assert "'=evil;" in body


def test_filename_names_measure_and_months(admin: User) -> None:
    assert exports.filename(result(admin), "csv") == (
        "lampio-space-utilisation-space-type-2026-01-2026-01.csv"
    )


def test_query_form_defaults_to_the_last_twelve_full_months(admin: User) -> None:
    form = QueryForm(None, actor=admin, scope=Scope(Level.NETWORK), today=date(2026, 3, 15))
    query = form.query()
    assert query is not None
    assert (query.first_month, query.last_month) == (date(2025, 3, 1), date(2026, 2, 1))
    assert default_period(date(2026, 1, 31)) == (date(2025, 1, 1), date(2025, 12, 1))


def test_query_form_reads_months_and_comma_dimensions(admin: User) -> None:
    data = {"measure": "bookings", "by": "weekday,hour", "from": "1/2026", "to": "2026-02"}
    form = QueryForm(data, actor=admin, scope=Scope(Level.NETWORK))
    query = form.query()
    assert query is not None, form.errors
    assert query.by == ("weekday", "hour") and query.first_month == JAN
    assert query.last_month == FEB and query.measure.key == "bookings"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"from": "2026-03", "to": "2026-01"}, "to"),
        ({"from": "2020-01", "to": "2026-01"}, "from"),
        ({"from": "March"}, "from"),
        ({"by": "weekday,hour,space_type"}, "by"),
        ({"by": "colour"}, "by"),
        ({"measure": "nope"}, "measure"),
        ({"municipality": "atlantis"}, "municipality"),
    ],
)
def test_query_form_errors_are_translated_and_on_their_field(
    admin: User, data: dict[str, str], field: str
) -> None:
    form = QueryForm(data, actor=admin, scope=Scope(Level.NETWORK))
    assert form.query() is None
    assert field in form.errors


def test_query_form_refuses_organisation_breakdown_to_city_staff(
    make_member: Callable[..., User], admin: User
) -> None:
    org = Organisation.objects.get()
    person = make_member(org, role="viewer")
    scope = Scope(Level.MUNICIPALITY, municipality=org.municipality)
    form = QueryForm(
        {"by": "organisation"}, actor=person, scope=scope, measure=MEASURES["bookings"]
    )
    with translation.override("en"):
        assert form.query() is None
        assert "Bookings cannot be broken down by organisation" in str(form.errors["by"])
    assert "municipality" not in form.fields and "measure" not in form.fields
