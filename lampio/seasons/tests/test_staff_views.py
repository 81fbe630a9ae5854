"""Staff pages of rounds: forms keep what was typed, and other organisations see nothing."""

from __future__ import annotations

from datetime import time

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.bookings.models import BookingSeries
from lampio.seasons.models import Allocation, ApplicationRound
from lampio.seasons.services.allocation import run_allocation
from lampio.seasons.tests.round_factories import NOW, apply, make_round
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_staff_pages(settings):
    # The pages are asked for under /en/, so the assertions read the English source texts.
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    translation.activate("en")


@pytest.fixture
def hall(org, make_space):
    return make_space(org, capacity=40, name_fi="Iso sali")


@pytest.fixture
def closed_round(staff, org, hall, make_user):
    application_round = make_round(staff, org, [hall])
    apply(application_round, make_user(), activity="Juniorisähly")
    apply(application_round, make_user(), activity="Kuoro", rank=2)
    return application_round


def url(name, org, **kwargs):
    return reverse(
        f"seasons_staff:{name}",
        kwargs={"municipality": org.municipality.slug, "organisation": org.slug, **kwargs},
    )


ROUND_POST = {
    "name_fi": "Syyskausi",
    "name_sv": "Höstsäsong",
    "criteria_fi": "Lapset ensin.",
    "season_starts": "2030-09-02",
    "season_ends": "2030-06-01",  # before the start: refused by the service
    "applications_open_at": "2030-06-01T09:00",
    "applications_close_at": "2030-08-15T16:00",
    "max_hours_per_week": "4.5",
    "priority_classes_fi": "Lapset ja nuoret\nMuut",
    "priority_classes_sv": "Barn och unga\nÖvriga",
}


def test_a_new_round_with_an_error_comes_back_as_typed(client, staff, org, hall):
    client.force_login(staff)
    response = client.post(url("round_new", org), {**ROUND_POST, "spaces": [hall.pk]})
    assert response.status_code == 200
    content = response.content.decode()
    assert "The season must end after it starts." in content
    assert 'value="Höstsäsong"' in content and "Barn och unga" in content
    assert 'value="2030-06-01T09:00"' in content
    assert f'value="{hall.pk}"' in content and "checked" in content
    assert not ApplicationRound.objects.exists()


def test_a_new_round_is_created(client, staff, org, hall):
    client.force_login(staff)
    response = client.post(
        url("round_new", org), {**ROUND_POST, "season_ends": "2031-05-31", "spaces": [hall.pk]}
    )
    created = ApplicationRound.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("round", org, round_id=created.pk)
    assert created.max_minutes_per_week == 270
    assert list(created.priority_classes.values_list("name_sv", flat=True)) == [
        "Barn och unga",
        "Övriga",
    ]
    page = client.get(response["Location"])
    assert "Syyskausi" in page.content.decode()


def test_the_edit_form_starts_from_the_round(client, staff, org, closed_round):
    client.force_login(staff)
    page = client.get(url("round_edit", org, round_id=closed_round.pk)).content.decode()
    assert 'value="Vakiovuorot 2030–2031"' in page
    assert "Children&#x27;s and youth activities" in page or "Children's and youth" in page


def test_the_round_page_lists_applications_and_reclassifies(client, staff, org, closed_round):
    client.force_login(staff)
    page = client.get(url("round", org, round_id=closed_round.pk))
    assert page.status_code == 200
    assert "Juniorisähly" in page.content.decode() and "Kuoro" in page.content.decode()
    application = closed_round.applications.get(activity="Kuoro")
    third = closed_round.priority_classes.get(rank=3)
    response = client.post(
        url("reclassify", org, round_id=closed_round.pk, application_id=application.pk),
        {f"class-{application.pk}-priority_class": third.pk},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.priority_class == third


def test_allocation_run_move_error_and_publish(client, staff, org, hall, closed_round, settings):
    client.force_login(staff)
    # The page runs at the real time, which is long before the 2030 season.
    ApplicationRound.objects.filter(pk=closed_round.pk).update(
        applications_open_at=NOW.replace(year=2020), applications_close_at=NOW.replace(year=2021)
    )
    response = client.post(url("run", org, round_id=closed_round.pk))
    assert response.status_code == 302
    assert closed_round.allocations.count() == 2
    page = client.get(url("allocation", org, round_id=closed_round.pk)).content.decode()
    assert "Share of wished hours allocated" in page and "100 %" in page

    kuoro = closed_round.applications.get(activity="Kuoro").wishes.get()
    junior = Allocation.objects.get(wish__application__activity="Juniorisähly")
    response = client.post(
        url("move", org, round_id=closed_round.pk, wish_id=kuoro.pk),
        {
            f"move-{kuoro.pk}-space": hall.pk,
            f"move-{kuoro.pk}-starts_time": junior.starts_time.strftime("%H:%M"),
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Juniorisähly" in content and "runs into" in content
    assert f'value="{junior.starts_time:%H:%M}"' in content  # the typed time is kept

    response = client.post(
        url("move", org, round_id=closed_round.pk, wish_id=kuoro.pk),
        {f"move-{kuoro.pk}-space": hall.pk, f"move-{kuoro.pk}-starts_time": "20:00"},
    )
    assert response.status_code == 302
    moved = Allocation.objects.get(wish=kuoro)
    assert (moved.starts_time, moved.locked) == (time(20), True)

    confirm = client.get(url("publish", org, round_id=closed_round.pk)).content.decode()
    assert "Publishing cannot be undone" in confirm
    response = client.post(url("publish", org, round_id=closed_round.pk))
    assert response.status_code == 302
    assert BookingSeries.objects.count() == 2
    done = client.get(response["Location"]).content.decode()
    assert "Recurring bookings made by publishing" in done
    again = client.post(url("publish", org, round_id=closed_round.pk))
    assert "already been published" in again.content.decode()
    assert BookingSeries.objects.count() == 2


def test_lock_unlock_and_remove_by_post(client, staff, org, closed_round):
    client.force_login(staff)
    run_allocation(actor=staff, application_round=closed_round, time_limit=5, now=NOW)
    allocation = closed_round.allocations.first()
    wish_id = allocation.wish_id
    # The services check the real time: allocation is open only after the applications close.
    ApplicationRound.objects.filter(pk=closed_round.pk).update(
        applications_open_at=NOW.replace(year=2020), applications_close_at=NOW.replace(year=2021)
    )
    client.post(url("lock", org, round_id=closed_round.pk, wish_id=wish_id))
    assert Allocation.objects.get(pk=allocation.pk).locked
    client.post(url("unlock", org, round_id=closed_round.pk, wish_id=wish_id))
    assert not Allocation.objects.get(pk=allocation.pk).locked
    client.post(url("remove", org, round_id=closed_round.pk, wish_id=wish_id))
    assert not Allocation.objects.filter(pk=allocation.pk).exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("rounds", "get"),
        ("round", "get"),
        ("round_edit", "get"),
        ("allocation", "get"),
        ("publish", "get"),
        ("run", "post"),
        ("publish", "post"),
    ],
)
def test_staff_of_another_organisation_get_404(
    client, closed_round, org, make_organisation, make_member, name, method
):
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    kwargs = {} if name == "rounds" else {"round_id": closed_round.pk}
    response = getattr(client, method)(url(name, org, **kwargs))
    assert response.status_code == 404


def test_a_round_of_another_organisation_is_not_found_under_ours(
    client, staff, org, make_organisation, make_member, make_space
):
    other = make_organisation()
    other_staff = make_member(other, role=Role.STAFF)
    theirs = make_round(other_staff, other, [make_space(other)])
    client.force_login(staff)
    assert client.get(url("round", org, round_id=theirs.pk)).status_code == 404


def test_viewers_read_but_do_not_change(client, org, closed_round, make_member):
    client.force_login(make_member(org, role=Role.VIEWER))
    assert client.get(url("round", org, round_id=closed_round.pk)).status_code == 200
    assert client.get(url("allocation", org, round_id=closed_round.pk)).status_code == 200
    assert client.get(url("round_edit", org, round_id=closed_round.pk)).status_code == 403
    assert client.post(url("run", org, round_id=closed_round.pk)).status_code == 403
    assert not closed_round.allocations.exists()
