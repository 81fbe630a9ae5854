"""Round reports: utilisation from a hand-built round, the SVG heat map, unmet demand with
small groups suppressed, the page and its CSV."""

from __future__ import annotations

import csv
import io
from datetime import time

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.seasons import reports
from lampio.seasons.models import ApplicationStatus
from lampio.seasons.report_charts import heat_map
from lampio.seasons.tests.applicant_factories import allocate, make_application, make_round
from lampio.spaces.models import OpeningHours
from lampio.tenancy.models import OrganisationKind, Role

TUESDAY = 2


@pytest.fixture
def built(make_organisation, make_space, make_member, make_user):
    city = make_organisation()
    big = make_space(city, name_fi="Iso sali")  # open every day 08–22
    evening = make_space(city, opens=time(16), closes=time(20), name_fi="Iltasali")
    application_round = make_round(city, [big, evening], created_by=make_member(city))
    first = make_application(
        application_round, make_user(), [(TUESDAY, time(17), time(21), 90, [big])]
    )
    allocate(first.wishes.get(), big, time(17, 30), time(19))
    second = make_application(
        application_round, make_user(), [(TUESDAY, time(16), time(18), 60, [evening])]
    )
    allocate(second.wishes.get(), evening, time(16), time(17))
    return {"round": application_round, "big": big, "evening": evening, "city": city}


def test_utilisation_per_space_and_hour(built):
    use = reports.utilisation(built["round"])
    big, evening = sorted(use.spaces, key=lambda s: s.space.name != "Iso sali")
    assert big.share(TUESDAY, 17) == 0.5
    assert big.share(TUESDAY, 18) == 1.0
    assert big.share(TUESDAY, 19) == 0.0
    assert big.share(TUESDAY, 7) is None  # closed
    assert evening.share(TUESDAY, 16) == 1.0
    assert evening.share(TUESDAY, 8) is None
    assert big.day_share(TUESDAY) == pytest.approx(90 / (14 * 60))
    assert evening.day_share(1) == 0.0
    assert big.week_share == pytest.approx(90 / (7 * 14 * 60))
    assert use.hours == list(range(8, 22))


def test_the_round_map_averages_over_the_spaces_open_then(built):
    use = reports.utilisation(built["round"])
    assert use.share(TUESDAY, 17) == 0.25  # big half full, evening empty
    assert use.share(TUESDAY, 16) == 0.5  # big empty, evening full
    assert use.share(TUESDAY, 9) == 0.0  # only big is open, and empty
    assert use.share(TUESDAY, 23) is None


def test_allocated_time_outside_opening_is_not_counted(built):
    OpeningHours.objects.filter(space=built["big"], weekday=TUESDAY - 1).update(closes=time(18))
    use = reports.utilisation(built["round"])
    big = next(s for s in use.spaces if s.space == built["big"])
    assert big.share(TUESDAY, 17) == 0.5
    assert big.share(TUESDAY, 18) is None
    assert big.day_share(TUESDAY) == pytest.approx(30 / (10 * 60))


def test_opening_past_midnight_continues_the_next_day():
    hours = [
        OpeningHours(weekday=6, opens=time(20), closes=time(2)),  # Sunday night into Monday
        OpeningHours(weekday=0, opens=time(1), closes=time(3)),
    ]
    week = 7 * 24 * 60
    assert reports.open_spans(hours) == [(0, 180), (week - 240, week)]


def test_the_heat_map_has_a_titled_cell_for_each_hour_and_day(built):
    use = reports.utilisation(built["round"])
    with translation.override("en"):
        svg = str(
            heat_map(
                share=use.share,
                hours=use.hours,
                title="Use <of> spaces",
                description="desc",
                element_id="map",
            )
        )
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="map-title map-desc"' in svg
    assert svg.count('<g class="heatmap__cell"><title>') == 7 * 14
    assert "<title>Tuesday 17–18: 25 % allocated</title>" in svg
    assert ">25\u00a0%</text>" in svg  # the figure is printed, not only coloured
    assert "Use &lt;of&gt; spaces" in svg


@pytest.fixture
def demand_round(make_organisation, make_space, make_member, make_user):
    city = make_organisation()
    hall = make_space(city, name_fi="Sali")
    application_round = make_round(city, [hall], created_by=make_member(city))
    club = make_organisation(municipality=city.municipality, kind=OrganisationKind.ASSOCIATION)
    club.name = "Seura ry"
    club.save()
    # Six applicants in the first class, three of whom get their hour.
    for number in range(6):
        application = make_application(
            application_round,
            make_user(first_name="Salainen", last_name=f"Sukunimi{number}"),
            [(1 + number % 5, time(17), time(20), 60, [hall])],
            for_organisation=club if number == 0 else None,
            activity=f"Toiminta {number}",
        )
        if number < 3:
            wished = application.wishes.get()
            allocate(wished, hall, time(17), time(18))
    # One applicant in the second class with two wishes, none allocated; a withdrawn one.
    make_application(
        application_round,
        make_user(),
        [(1, time(8), time(10), 90, [hall]), (3, time(8), time(10), 30, [hall])],
        rank=2,
        age_group="adults",
    )
    withdrawn = make_application(
        application_round, make_user(), [(1, time(8), time(10), 90, [hall])], rank=2
    )
    withdrawn.status = ApplicationStatus.WITHDRAWN
    withdrawn.save()
    return {"round": application_round, "city": city}


def test_unmet_demand_by_class_and_age_group(demand_round):
    with translation.override("en"):
        found = reports.demand(demand_round["round"])
    first, second = found.by_class
    assert (str(first.applicants), str(first.wished), str(first.allocated)) == ("6", "6", "<5")
    assert str(first.unallocated) == "<5"
    assert first.share_met == 50
    assert (str(second.applicants), str(second.wished), second.share_met) == ("<5", "<5", None)
    youth = next(row for row in found.by_age_group if row.label == "Young people (13–20)")
    assert (str(youth.applicants), youth.share_met) == ("6", 50)
    children = next(row for row in found.by_age_group if row.label.startswith("Children"))
    assert str(children.applicants) == "0"
    assert (found.wished, found.allocated) == (8, 3)


def test_unallocated_wishes_name_no_person(demand_round):
    with translation.override("en"):
        unmet = reports.demand(demand_round["round"]).unmet
    assert len(unmet) == 5
    assert {wish.applicant for wish in unmet} == {"a private person"}
    assert unmet[0].priority == "Children's and youth activities"


def report_url(application_round, name="seasons_reports:report"):
    organisation = application_round.organisation
    return reverse(
        name,
        kwargs={
            "municipality": organisation.municipality.slug,
            "organisation": organisation.slug,
            "round_id": application_round.pk,
        },
    )


def test_the_report_page_for_a_viewer_of_the_organisation(
    client, settings, demand_round, make_member, make_organisation
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(make_member(demand_round["city"], role=Role.VIEWER))
    response = client.get(report_url(demand_round["round"]))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in content and "<title>" in content
    assert "&lt;5" in content
    assert "Salainen" not in content and "Sukunimi" not in content
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    assert client.get(report_url(demand_round["round"])).status_code == 404


def test_the_unmet_demand_csv(client, settings, demand_round, make_member):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(make_member(demand_round["city"], role=Role.VIEWER))
    response = client.get(report_url(demand_round["round"], "seasons_reports:demand_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 2 + 5  # header, two classes, five age groups
    assert rows[1][2:] == ["6", "6", "<5", "<5", "50"]
    assert rows[2][2:] == ["<5", "<5", "0", "<5", ""]
