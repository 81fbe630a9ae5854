"""The applicant's pages: rounds, the application form with its wish rows, my applications,
an application with its outcome, changing and withdrawing."""

from __future__ import annotations

from datetime import time

import pytest
from django.urls import reverse
from django.utils import timezone

from lampio.seasons.models import Application, ApplicationStatus
from lampio.seasons.services.applications import submit_application
from lampio.seasons.tests.applicant_factories import allocate, first_class, make_round, wish
from lampio.tenancy.models import OrganisationKind, Role


@pytest.fixture
def setting(make_organisation, make_space, make_member, resident):
    city = make_organisation()
    hall = make_space(city, capacity=40, name_fi="Iso sali")
    small = make_space(city, capacity=12, name_fi="Pieni sali")
    application_round = make_round(city, [hall, small], created_by=make_member(city))
    club = make_organisation(municipality=city.municipality, kind=OrganisationKind.ASSOCIATION)
    club.name = "Kuoro Kaiku ry"
    club.save()
    return {
        "round": application_round,
        "hall": hall,
        "small": small,
        "club": club,
        "member": make_member(club, role=Role.VIEWER),
        "resident": resident,
    }


def form_data(setting, rows=3, **overrides):
    data = {
        "for_organisation": "me",
        "activity": "Kuoroharjoitus",
        "age_group": "adults",
        "requested_class": str(first_class(setting["round"]).pk),
        "notes": "",
        "wishes-TOTAL_FORMS": str(rows),
        "wishes-INITIAL_FORMS": "0",
        "wishes-MIN_NUM_FORMS": "0",
        "wishes-MAX_NUM_FORMS": "10",
        "wishes-0-weekday": "2",
        "wishes-0-earliest_start": "17:00",
        "wishes-0-latest_end": "21:00",
        "wishes-0-duration_minutes": "90",
        "wishes-0-attendees": "15",
        "wishes-0-space_1": str(setting["hall"].pk),
        "wishes-0-space_2": str(setting["small"].pk),
    }
    data.update(overrides)
    return data


def apply_url(setting):
    return reverse("seasons:apply", kwargs={"round_pk": setting["round"].pk})


def submitted(setting, actor=None, **kwargs):
    return submit_application(
        actor=actor or setting["resident"],
        application_round=setting["round"],
        for_organisation=kwargs.pop("for_organisation", None),
        activity=kwargs.pop("activity", "Kuoro"),
        age_group="adults",
        requested_class=first_class(setting["round"]),
        notes="",
        wishes=[wish(setting["hall"])],
    )


def test_the_rounds_list_and_the_round_page_are_public(client, setting):
    listing = client.get(reverse("seasons:rounds"))
    assert listing.status_code == 200
    assert "Syyskausi 2030" in listing.content.decode()
    page = client.get(reverse("seasons:round", kwargs={"round_pk": setting["round"].pk}))
    content = page.content.decode()
    assert "Lasten ja nuorten toiminta" in content and "Yli puolet" in content
    assert reverse("spaces:space", kwargs={"space_id": setting["hall"].pk}) in content
    assert apply_url(setting) in content


def test_the_form_shows_three_rows_and_the_member_s_organisations(client, setting):
    client.force_login(setting["member"])
    content = client.get(apply_url(setting)).content.decode()
    assert content.count('class="wish-row"') == 3
    assert "Kuoro Kaiku ry" in content
    assert "<legend>Toivottu vuoro 3</legend>" in content or "wish-3" in content


def test_a_sent_form_creates_the_application_and_ignores_empty_rows(client, setting):
    client.force_login(setting["member"])
    data = form_data(
        setting,
        for_organisation=str(setting["club"].pk),
        **{
            "wishes-1-weekday": "4",
            "wishes-1-earliest_start": "18:00",
            "wishes-1-latest_end": "20:00",
            "wishes-1-duration_minutes": "60",
            "wishes-1-attendees": "10",
            "wishes-1-space_1": str(setting["small"].pk),
        },
    )
    response = client.post(apply_url(setting), data)
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "seasons:application", kwargs={"application_pk": application.pk}
    )
    assert application.for_organisation == setting["club"]
    assert application.wishes.count() == 2


def test_add_row_keeps_what_was_typed_and_shows_no_errors(client, setting):
    client.force_login(setting["resident"])
    data = form_data(setting, activity="Vesijumppa", **{"add_row": "1", "wishes-1-weekday": "5"})
    response = client.post(apply_url(setting), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert not Application.objects.exists()
    assert content.count('class="wish-row"') == 4
    assert 'value="Vesijumppa"' in content
    assert 'name="wishes-0-earliest_start" value="17:00"' in content
    assert '<option value="5" selected>' in content
    assert "error-summary" not in content


def test_a_refusal_lands_on_the_right_row_and_keeps_the_rows(client, setting):
    client.force_login(setting["resident"])
    data = form_data(
        setting,
        **{
            "wishes-0-space_2": "",
            "wishes-2-weekday": "3",
            "wishes-2-earliest_start": "10:00",
            "wishes-2-latest_end": "12:00",
            "wishes-2-duration_minutes": "60",
            "wishes-2-attendees": "20",
            "wishes-2-space_1": str(setting["small"].pk),
        },
    )
    response = client.post(apply_url(setting), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert not Application.objects.exists()
    form = response.context["formset"].forms[2]
    assert "Pieni sali" in form.errors["attendees"][0]
    assert 'href="#id_wishes-2-attendees"' in content  # the summary links to the field
    assert 'name="wishes-2-earliest_start" value="10:00"' in content
    assert 'value="Kuoroharjoitus"' in content


def test_a_half_filled_row_asks_for_the_rest(client, setting):
    client.force_login(setting["resident"])
    response = client.post(apply_url(setting), form_data(setting, **{"wishes-1-weekday": "1"}))
    errors = response.context["formset"].forms[1].errors
    assert set(errors) == {
        "earliest_start",
        "latest_end",
        "duration_minutes",
        "attendees",
        "space_1",
    }
    assert not Application.objects.exists()


def test_a_second_application_points_to_the_first(client, setting):
    first = submitted(setting)
    client.force_login(setting["resident"])
    response = client.post(apply_url(setting), form_data(setting))
    content = response.content.decode()
    assert response.status_code == 200
    assert reverse("seasons:application", kwargs={"application_pk": first.pk}) in content
    assert Application.objects.count() == 1


def test_a_closed_round_sends_back_to_its_page(client, setting):
    setting["round"].applications_close_at = timezone.now()
    setting["round"].save()
    client.force_login(setting["resident"])
    response = client.get(apply_url(setting))
    assert response["Location"] == reverse(
        "seasons:round", kwargs={"round_pk": setting["round"].pk}
    )


def test_my_applications_lists_own_and_the_organisation_s(client, setting, make_member):
    own = submitted(setting, actor=setting["member"], activity="Oma")
    clubs = submitted(
        setting,
        actor=make_member(setting["club"]),
        for_organisation=setting["club"],
        activity="Seuran",
    )
    stranger = submitted(setting, activity="Vieras")
    client.force_login(setting["member"])
    content = client.get(reverse("seasons:mine")).content.decode()
    assert "Oma" in content and "Seuran" in content and "Vieras" not in content
    for application, status in ((own, 200), (clubs, 200), (stranger, 404)):
        url = reverse("seasons:application", kwargs={"application_pk": application.pk})
        assert client.get(url).status_code == status


def test_edit_prefills_and_saves(client, setting):
    application = submitted(setting)
    client.force_login(setting["resident"])
    url = reverse("seasons:edit", kwargs={"application_pk": application.pk})
    page = client.get(url)
    assert 'value="Kuoro"' in page.content.decode()
    assert page.content.decode().count('class="wish-row"') == 3
    data = form_data(setting, activity="Kamarikuoro", **{"wishes-0-weekday": "6"})
    data.pop("for_organisation")
    response = client.post(url, data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.activity == "Kamarikuoro"
    assert list(application.wishes.values_list("weekday", flat=True)) == [6]


def test_withdraw_asks_first(client, setting):
    application = submitted(setting)
    client.force_login(setting["resident"])
    url = reverse("seasons:withdraw", kwargs={"application_pk": application.pk})
    page = client.get(url)
    assert page.status_code == 200 and "button--danger" in page.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    # Withdrawn: no longer changeable; the pages say so and send back.
    assert client.get(url).status_code == 302


def test_the_outcome_shows_only_after_publishing(client, setting):
    application = submitted(setting)
    slot = application.wishes.get()
    allocate(slot, setting["hall"], time(18), time(19, 30))
    client.force_login(setting["resident"])
    url = reverse("seasons:application", kwargs={"application_pk": application.pk})
    assert "18:00–19:30" not in client.get(url).content.decode()
    setting["round"].published_at = timezone.now()
    setting["round"].save()
    content = client.get(url).content.decode()
    assert "Iso sali, Tiistai 18:00–19:30" in content
    assert "outcome--none" not in content
    slot.allocation.delete()
    assert "outcome--none" in client.get(url).content.decode()


def test_sending_is_rate_limited(client, setting):
    client.force_login(setting["resident"])
    statuses = {client.post(apply_url(setting), {"add_row": "1"}).status_code for _ in range(21)}
    assert 429 in statuses
