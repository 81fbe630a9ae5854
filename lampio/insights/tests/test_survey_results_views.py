"""The survey-results pages: who sees which group by name, the open round's note, the downloads
(only published cells) and a differencing attack with one extra answer in the database."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from lampio.accounts.models import User
from lampio.insights.tests.survey_results_data import World, answer, build_world, make_round

T = 5


@pytest.fixture
def world(
    settings: Any,
    make_municipality: Any,
    make_organisation: Any,
    make_member: Any,
    make_user: Any,
) -> World:
    settings.LAMPIO_INSIGHTS_THRESHOLD = T
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return build_world(make_municipality, make_organisation, make_member, make_user)


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"insights_staff:{name}", kwargs=kwargs)


def get(
    client: Client, user: User, name: str, data: dict[str, str] | None = None, **kw: Any
) -> Any:
    client.force_login(user)
    with translation.override("en"):
        return client.get(url(name, **kw), data or {})


def test_the_list_shows_own_rounds_and_when_results_come(client: Client, world: World) -> None:
    open_round = make_round(
        world.version,
        [world.library],
        title="Auki vielä",
        closes_on=timezone.localdate() + timedelta(days=5),
    )
    page = get(client, world.librarian, "survey_rounds").content.decode()
    assert url("survey_results", survey_round_id=world.autumn.pk) in page
    assert "Auki vielä" in page and "results after" in page
    assert url("survey_results", survey_round_id=open_round.pk) not in page
    index = get(client, world.librarian, "index").content.decode()
    assert url("survey_rounds") in index


def test_an_open_round_shows_a_note_and_no_figures(client: Client, world: World) -> None:
    open_round = make_round(
        world.version, [world.library], closes_on=timezone.localdate() + timedelta(days=5)
    )
    answer(open_round, world.library, 9, role="a")
    response = get(client, world.librarian, "survey_results", survey_round_id=open_round.pk)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Results are shown after it has closed" in page and "<table" not in page
    csv_response = get(
        client, world.librarian, "survey_results", {"format": "csv"}, survey_round_id=open_round.pk
    )
    assert csv_response.status_code == 404


def test_staff_never_see_another_organisation_by_name(client: Client, world: World) -> None:
    response = get(client, world.librarian, "survey_results", survey_round_id=world.autumn.pk)
    assert response.status_code == 200
    page = response.content.decode()
    assert world.library.name in page
    assert world.lahti.name in page and world.oulu.name in page  # cities as wholes
    for other in (world.museum, world.hall, world.theatre):
        assert other.name not in page
    assert "Lahden teksti" not in page and "Hyvä" in page  # own free texts only
    for kind in ("csv", "json"):
        body = get(
            client,
            world.librarian,
            "survey_results",
            {"format": kind},
            survey_round_id=world.autumn.pk,
        ).content.decode("utf-8-sig")
        for other in (world.museum, world.hall, world.theatre):
            assert other.name not in body


def test_network_admins_see_every_organisation(client: Client, world: World) -> None:
    page = get(
        client, world.admin, "survey_results", survey_round_id=world.autumn.pk
    ).content.decode()
    for organisation in (world.library, world.museum, world.hall, world.theatre):
        assert organisation.name in page
    assert "Hidden to protect anonymity" in page


def test_a_round_the_person_has_no_part_in_is_not_found(
    client: Client, world: World, make_member: Any, make_organisation: Any
) -> None:
    outsider = make_member(make_organisation(), role="admin")
    response = get(client, outsider, "survey_results", survey_round_id=world.autumn.pk)
    assert response.status_code == 404


def test_the_filters_narrow_and_compare(client: Client, world: World) -> None:
    data = {"group": f"city-{world.lahti.pk}", "theme": "skills", "compare": str(world.spring.pk)}
    page = get(
        client, world.hall_staff, "survey_results", data, survey_round_id=world.autumn.pk
    ).content.decode()
    assert "Change of mean" in page and "Compared with Kevät" in page
    assert "Question confident" in page and "Question role" not in page
    assert "+4.0" in page  # Lahti's scale mean from 4 to 8
    assert '<svg class="chart' in page


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_holds_only_published_cells(client: Client, world: World) -> None:
    response = get(
        client, world.admin, "survey_results", {"format": "csv"}, survey_round_id=world.autumn.pk
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response.content)
    header, body = rows[0], rows[1:]
    assert header[2:4] == ["Group", "Respondents"]
    museum = [r for r in body if r[2] == world.museum.name]
    hidden = [r for r in museum if r[3] == "< 5"]
    assert len(hidden) == 6 and all(not any(r[4:]) for r in hidden)
    assert all(r[3] == "0" for r in museum if r not in hidden)  # the matrix nobody answered
    for row in body:
        if row[3] != "< 5":
            assert int(row[3]) == 0 or int(row[3]) >= T, row
    data = json.loads(
        get(
            client,
            world.admin,
            "survey_results",
            {"format": "json"},
            survey_round_id=world.autumn.pk,
        ).content
    )
    for question in data["questions"]:
        for group in question["groups"]:
            if group["suppressed"]:
                assert group["respondents"] is None and group["rows"] == []
            else:
                assert group["respondents"] == 0 or group["respondents"] >= T


def test_one_extra_answer_in_a_small_group_changes_nothing_anyone_sees(
    client: Client, world: World
) -> None:
    """The museum's three autumn answers become four: every page and download of every
    person (the librarian next door, Lahti's staff, a network admin) stays exactly the same,
    so nothing they see, nor any difference of it, reveals the new answer."""

    def everything() -> list[bytes]:
        seen = []
        for user in (world.librarian, world.hall_staff, world.admin):
            for data in ({}, {"compare": ""}, {"group": f"city-{world.oulu.pk}"}):
                for kind in ("csv", "json"):
                    response = get(
                        client,
                        user,
                        "survey_results",
                        {**data, "format": kind},
                        survey_round_id=world.autumn.pk,
                    )
                    seen.append(response.content)
        return seen

    before = everything()
    answer(world.autumn, world.museum, 1, role="a", needs=["w"], confident=1, overall=1)
    assert everything() == before
