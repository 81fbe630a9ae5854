"""Who may see which figures: scopes, open data and the dimensions that name one
organisation's objects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from lampio.accounts.models import User
from lampio.core.errors import NotFound, PermissionDenied
from lampio.insights import selectors
from lampio.insights.measures import MEASURES
from lampio.insights.models import Fact, MeasureSetting
from lampio.insights.selectors import Level, Query, Scope
from lampio.tenancy.models import Municipality, Organisation

JAN = date(2026, 1, 1)
BOOKINGS = MEASURES["bookings"]


@pytest.fixture
def world(
    make_municipality: Callable[..., Municipality],
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., User],
    make_user: Callable[..., User],
) -> dict[str, Any]:
    oulu, lahti = make_municipality(slug="oulu"), make_municipality(slug="lahti")
    library = make_organisation(municipality=oulu)
    museum = make_organisation(municipality=oulu)
    hall = make_organisation(municipality=lahti)
    for org, n in ((library, 12), (museum, 9), (hall, 30)):
        Fact.objects.create(
            measure="bookings",
            month=JAN,
            municipality=org.municipality,
            organisation=org,
            space_type="gym",
            value=n,
            n=n,
        )
    return {
        "oulu": oulu,
        "lahti": lahti,
        "library": library,
        "museum": museum,
        "hall": hall,
        "librarian": make_member(library, role="viewer"),
        "admin": make_user(is_network_admin=True),
        "resident": make_user(),
    }


def scope_of(world: dict[str, Any], name: str) -> Scope:
    return {
        "library": Scope(Level.ORGANISATION, world["library"], world["oulu"]),
        "museum": Scope(Level.ORGANISATION, world["museum"], world["oulu"]),
        "oulu": Scope(Level.MUNICIPALITY, municipality=world["oulu"]),
        "lahti": Scope(Level.MUNICIPALITY, municipality=world["lahti"]),
        "network": Scope(Level.NETWORK),
        "open": Scope(Level.OPEN),
    }[name]


@pytest.mark.parametrize(
    ("person", "allowed"),
    [
        ("librarian", {"library", "oulu", "network", "open"}),
        ("admin", {"library", "museum", "oulu", "lahti", "network", "open"}),
        ("resident", {"open"}),
        ("anonymous", {"open"}),
    ],
)
def test_who_may_view_which_scope(world: dict[str, Any], person: str, allowed: set[str]) -> None:
    actor = AnonymousUser() if person == "anonymous" else world[person]
    names = ("library", "museum", "oulu", "lahti", "network", "open")
    assert {n for n in names if selectors.may_view(actor, scope_of(world, n))} == allowed


def test_staff_of_one_organisation_never_see_anothers_figures(world: dict[str, Any]) -> None:
    query = Query(BOOKINGS, (), JAN, JAN, scope_of(world, "museum"))
    with pytest.raises(PermissionDenied):
        selectors.measure_result(actor=world["librarian"], query=query)


def test_open_scope_lists_only_open_data(world: dict[str, Any]) -> None:
    anonymous = AnonymousUser()
    assert selectors.visible_measures(actor=anonymous, scope=scope_of(world, "open")) == []
    MeasureSetting.objects.create(measure="bookings", is_open_data=True)
    assert selectors.visible_measures(actor=anonymous, scope=scope_of(world, "open")) == [BOOKINGS]
    with pytest.raises(NotFound):
        selectors.measure_result(
            actor=anonymous,
            query=Query(MEASURES["satisfaction"], (), JAN, JAN, scope_of(world, "open")),
        )


def test_own_object_dimensions_only_in_own_scope_or_for_admins(world: dict[str, Any]) -> None:
    librarian, admin = world["librarian"], world["admin"]
    own = selectors.allowed_dimensions(
        actor=librarian, measure=BOOKINGS, scope=scope_of(world, "library")
    )
    city = selectors.allowed_dimensions(
        actor=librarian, measure=BOOKINGS, scope=scope_of(world, "oulu")
    )
    assert "space" in own and "organisation" in own
    assert not {"space", "venue", "organisation"} & set(city)
    assert "weekday" in city and "municipality" in city
    assert "organisation" in selectors.allowed_dimensions(
        actor=admin, measure=BOOKINGS, scope=scope_of(world, "network")
    )
    query = Query(BOOKINGS, ("organisation",), JAN, JAN, scope_of(world, "network"))
    with pytest.raises(PermissionDenied):
        selectors.measure_result(actor=librarian, query=query)
    MeasureSetting.objects.create(measure="bookings", is_open_data=True)
    assert selectors.measure_result(actor=librarian, query=query).table.figures


def test_more_than_two_or_repeated_dimensions_are_refused(world: dict[str, Any]) -> None:
    for by in (("weekday", "hour", "space_type"), ("hour", "hour")):
        query = Query(BOOKINGS, by, JAN, JAN, scope_of(world, "network"))
        with pytest.raises(PermissionDenied):
            selectors.measure_result(actor=world["admin"], query=query)


def test_scopes_and_municipality_filter_read_their_own_facts(world: dict[str, Any]) -> None:
    admin = world["admin"]

    def total(name: str, municipality: Municipality | None = None) -> int | None:
        query = Query(BOOKINGS, (), JAN, JAN, scope_of(world, name), municipality)
        return selectors.measure_result(actor=admin, query=query).table.grand_total.n

    assert total("network") == 51
    assert total("oulu") == 21
    assert total("library") == 12
    assert total("network", world["lahti"]) == 30


def test_threshold_setting_raises_but_never_lowers_the_bar(world: dict[str, Any]) -> None:
    assert selectors.threshold_for(BOOKINGS) == 5
    setting = MeasureSetting.objects.create(measure="bookings", threshold=2)
    assert selectors.threshold_for(BOOKINGS) == 5
    setting.threshold = 10
    setting.save()
    assert selectors.threshold_for(BOOKINGS) == 10
    query = Query(BOOKINGS, (), JAN, JAN, scope_of(world, "museum"))
    result = selectors.measure_result(actor=world["admin"], query=query)
    assert result.threshold == 10 and result.table.grand_total.suppressed
