"""Staff allocate a seasonal round in the browser: run the solver, move one slot by hand (first
into another group's time, which is refused and keeps the input), publish, and see the series
that cannot be double-booked. axe-core over the round's staff pages in three languages."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.bookings.errors import SlotTaken
from lampio.bookings.models import BookingSeries
from lampio.bookings.services import block_time
from lampio.seasons.models import Allocation
from lampio.seasons.tests.round_factories import apply, make_round
from lampio.tenancy.models import OrganisationKind, Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def closed_round(settings, make_organisation, make_member, make_space, make_user) -> Any:
    """Two clubs want Tuesday 17–20 in the same hall; applications closed yesterday."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    org = make_organisation()
    staff = make_member(org, role=Role.STAFF)
    hall = make_space(org, capacity=40, name_fi="Iso sali", name_en="Big hall")
    now = timezone.now()
    today = timezone.localdate()
    application_round = make_round(
        staff,
        org,
        [hall],
        name={"fi": "Vakiovuorot", "sv": "Fasta turer", "en": "Regular slots"},
        season_starts=today + timedelta(days=14),
        season_ends=today + timedelta(days=70),
        applications_open_at=now - timedelta(days=30),
        applications_close_at=now + timedelta(days=1),
    )
    for activity, rank in (("Juniorisähly", 1), ("Kuoro", 2)):
        club = make_organisation(kind=OrganisationKind.ASSOCIATION)
        apply(application_round, make_user(), activity=activity, rank=rank, for_organisation=club)
    # The applications were made while the round was open; now it has closed.
    type(application_round).objects.filter(pk=application_round.pk).update(
        applications_close_at=now - timedelta(days=1)
    )
    return {"org": org, "staff": staff, "hall": hall, "round": application_round}


def _base(language: str, data: dict[str, Any]) -> str:
    org = data["org"]
    return f"/{language}/staff/{org.municipality.slug}/{org.slug}/rounds/{data['round'].pk}/"


def test_staff_run_the_solver_move_one_slot_and_publish(page: Page, log_in, closed_round):
    log_in(page, closed_round["staff"])
    base = _base("en", closed_round)
    page.goto(f"{base}allocation/")
    expect(page.locator("h1")).to_contain_text("Allocation")
    page.locator("#run-solver").click()
    expect(page.locator("#latest-run")).to_contain_text("2 of 2 wished slots")
    expect(page.locator("#run-shares")).to_contain_text("100 %")

    junior = Allocation.objects.get(wish__application__activity="Juniorisähly")
    kuoro = Allocation.objects.get(wish__application__activity="Kuoro")
    row = page.locator(f"#wish-{kuoro.wish_id}")
    # Into the other group's time: refused, naming it, and the typed time stays.
    row.get_by_label("Starts").fill(f"{junior.starts_time:%H:%M}")
    row.get_by_role("button", name="Place and lock").click()
    row = page.locator(f"#wish-{kuoro.wish_id}")
    expect(row.locator(".errorlist")).to_contain_text("Juniorisähly")
    expect(row.get_by_label("Starts")).to_have_value(f"{junior.starts_time:%H:%M}")
    # A free time an hour after the club: placed and locked.
    row.get_by_label("Starts").fill("20:00")
    row.get_by_role("button", name="Place and lock").click()
    row = page.locator(f"#wish-{kuoro.wish_id}")
    expect(row.locator(".allocation-cell")).to_contain_text("20.00–21.30")
    expect(row.locator(".allocation-cell")).to_contain_text("Locked")

    page.get_by_role("link", name="Go to publishing").click()
    expect(page.locator("#publish-summary")).to_contain_text("cannot be undone")
    page.locator("#publish-round").click()
    expect(page.locator("#published-series tbody tr")).to_have_count(2)
    expect(page.locator("#published-series")).to_contain_text("Kuoro")

    series = BookingSeries.objects.get(allocation__wish__application__activity="Kuoro")
    assert series.starts_time == time(20)
    first = series.occurrences.order_by("starts_at").first()
    assert first is not None
    with pytest.raises(SlotTaken):
        block_time(
            actor=closed_round["staff"],
            space=closed_round["hall"],
            starts_at=first.starts_at,
            ends_at=first.ends_at,
            reason="Päällekkäin",
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_round_staff_pages_have_no_axe_violations(page: Page, log_in, closed_round, language):
    log_in(page, closed_round["staff"])
    org = closed_round["org"]
    base = _base(language, closed_round)
    problems = []
    for path in (
        f"/{language}/staff/{org.municipality.slug}/{org.slug}/rounds/",
        f"/{language}/staff/{org.municipality.slug}/{org.slug}/rounds/new/",
        base,
        f"{base}edit/",
        f"{base}allocation/",
        f"{base}publish/",
    ):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1"), f"one h1 on {path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{path}:\n{describe(violations)}")
    # The form sent back with errors, and the allocation page after a run.
    page.goto(f"/{language}/staff/{org.municipality.slug}/{org.slug}/rounds/new/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_attached()
    if violations := axe_violations(page):
        problems.append(f"new round with errors:\n{describe(violations)}")
    page.goto(f"{base}allocation/")
    page.locator("#run-solver").click()
    expect(page.locator("#latest-run")).to_be_visible()
    if violations := axe_violations(page):
        problems.append(f"allocation after a run:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
