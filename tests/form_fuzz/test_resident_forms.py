"""Residents' forms under generated input: no 5xx, nothing typed lost, nothing written on a
refusal, no injected markup (see harness.py for what each example checks)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from lampio.accounts.models import User
from lampio.bookings.models import Booking
from lampio.feedback.models import Feedback
from lampio.feedback.services.setup import set_up_feedback
from lampio.ideas.models import Comment, Idea
from lampio.offerings.models import Enrolment, Format, GroupOrder
from lampio.seasons.models import Application, WishedSlot
from lampio.surveys.models import VisitorResponse
from lampio.tenancy.models import OrganisationKind
from tests import matrix_ideas, matrix_seasons_applicant, matrix_surveys
from tests.form_fuzz.conftest import day_ahead, url
from tests.form_fuzz.harness import Target

pytestmark = pytest.mark.django_db


def refused_some(statuses: dict[int, int]) -> bool:
    return any(code in statuses for code in (200, 400, 429))


@pytest.mark.parametrize("needs_approval", [False, True], ids=["booking", "booking_request"])
def test_booking_a_space(fuzz, signed_in, make_space, needs_approval):
    space = make_space(requires_handling=needs_approval)
    valid = {
        "date": day_ahead(),
        "starts_at": "10:00",
        "ends_at": "11:00",
        "purpose": "Sählyvuoro",
        "attendees": "5",
        "accept_terms": "on",
    }
    statuses = fuzz(Target(signed_in, url("bookings:new", space.pk), [Booking], valid))
    assert refused_some(statuses), statuses


def test_enrolling_to_a_time(fuzz, signed_in, make_offering):
    occurrence = make_offering(capacity=3).occurrences.get()
    target = Target(signed_in, url("offerings:enrol", occurrence.pk), [Enrolment], {"seats": "1"})
    assert refused_some(fuzz(target))


@pytest.fixture
def carer_client(client: Client, make_organisation: Any, make_member: Any) -> Client:
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    client.force_login(make_member(unit, role="care_staff"))
    return client


@pytest.mark.parametrize(
    "shape", ["existing_time", "on_request", "digital_session"], ids=lambda shape: shape
)
def test_group_order(fuzz, carer_client, make_offering, shape):
    if shape == "existing_time":
        offering = make_offering(occurrences=2)
    else:
        fields: dict[str, Any] = {"on_request": True, "allows_enrolment": False}
        if shape == "digital_session":
            fields |= {"format": Format.LIVE_STREAM, "location": "", "online_url": "https://x.fi/s"}
        offering = make_offering(occurrences=0, **fields)
    valid = {
        "group_size": "8",
        "accompanying_staff": "2",
        "special_needs": "Pyörätuoli",
        "proposed_1_date": day_ahead(),
        "proposed_1_start": "09:00",
        "proposed_1_end": "10:00",
    }
    target = Target(carer_client, url("offerings:order", offering.pk), [GroupOrder], valid)
    assert refused_some(fuzz(target))


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_feedback(fuzz, client, resident, make_organisation, who):
    desk = make_organisation()
    set_up_feedback(
        municipality=desk.municipality, fallback_organisation=desk, open311_id="fuzz.example.fi"
    )
    if who == "resident":
        client.force_login(resident)
    valid = {"text": "Katulamppu on rikki.", "email": "aino@example.fi", "name": "Aino"}
    address = f"{url('feedback:give')}?municipality={desk.municipality.slug}"
    target = Target(client, address, [Feedback], valid)
    assert refused_some(fuzz(target))


@pytest.fixture
def idea_ids(make_organisation: Any) -> dict[str, Any]:
    return matrix_ideas.objects(make_organisation())


@pytest.mark.parametrize("button", ["send", "check_similar"])
def test_submitting_an_idea(fuzz, signed_in, idea_ids, button):
    address = f"{url('ideas:new')}?board={idea_ids['slug']}"
    fixed = {"send": "1"} if button == "send" else {}
    valid = {"title": "Ukuleleja lainaan", "body": "Kirjastoon ukuleleja lainattavaksi."}
    target = Target(signed_in, address, [Idea], valid, fixed=fixed)
    assert refused_some(fuzz(target))


def test_commenting_an_idea(fuzz, signed_in, idea_ids):
    target = Target(
        signed_in,
        url("ideas:comment", idea_ids["idea_id"]),
        [Comment],
        {"body": "Hyvä ajatus."},
    )
    assert refused_some(fuzz(target, page=url("ideas:detail", idea_ids["idea_id"])))


def test_seasonal_application(fuzz, signed_in, make_space):
    space = make_space()
    round_pk = matrix_seasons_applicant.objects(space.venue.organisation)["round_pk"]
    valid = {"activity": "Kuoroharjoitus", "attendees": "12", "duration_minutes": "90"}
    target = Target(signed_in, url("seasons:apply", round_pk), [Application, WishedSlot], valid)
    assert refused_some(fuzz(target, examples=12))  # thirty fields: each example is slow


def test_visitor_survey(fuzz, client, make_organisation):
    token = matrix_surveys.objects(make_organisation())["survey_token"]
    target = Target(client, url("surveys:answer", token), [VisitorResponse])
    assert refused_some(fuzz(target))


def test_sign_up(fuzz, client):
    valid = {"email": "uusi@example.fi", "password1": "Correct-horse-42"}
    valid["password2"] = valid["password1"]
    target = Target(client, url("account_signup"), [User], valid, reset=client.logout)
    assert refused_some(fuzz(target))


def test_log_in(fuzz, client, resident):
    valid = {"login": resident.email, "password": "Correct-horse-42"}
    statuses = fuzz(Target(client, url("account_login"), [User], valid, reset=client.logout))
    assert refused_some(statuses), statuses


@pytest.fixture
def online_session(make_offering: Any) -> Any:
    offering = make_offering(format=Format.LIVE_STREAM, location="", online_url="https://x.fi/s")
    return offering.occurrences.get()


def test_taking_part_by_address(fuzz, client, online_session):
    target = Target(
        client, url("digital:take_part", online_session.pk), [Enrolment], {"address": "a@b.fi"}
    )
    assert refused_some(fuzz(target))


def test_taking_part_with_a_code(fuzz, client, online_session):
    valid = {"address": "aino@example.fi", "code": "123456"}
    target = Target(client, url("digital:take_part_code", online_session.pk), [Enrolment], valid)
    assert refused_some(fuzz(target))


@pytest.mark.parametrize(
    "name", ["spaces:search", "offerings:list", "offerings:calendar", "ideas:index"]
)
def test_search_filters(fuzz, client, make_space, make_offering, name):
    make_space(), make_offering()
    statuses = fuzz(Target(client, url(name), method="get"))
    assert set(statuses) <= {200, 302, 400, 404}, statuses
