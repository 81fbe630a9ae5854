"""Enrolment over the API: 201 confirmed or waitlisted, 409 when full, 400/401/403/404 problems,
one's own enrolments, and cancelling them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import ngettext, override

from conftest import PASSWORD
from lampio.accounts.services import issue_api_token
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    Occurrence,
    OfferingStatus,
)
from lampio.offerings.services import enrol

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def bearer(user) -> dict[str, str]:
    token = issue_api_token(request=None, email=user.email, password=PASSWORD)
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post_enrolment(client, occurrence_id, body, **headers):
    return client.post(
        f"/api/v1/occurrences/{occurrence_id}/enrolments",
        data=json.dumps(body),
        content_type="application/json",
        **headers,
    )


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert (body["status"], body["code"]) == (status, code)
    return body


@pytest.fixture
def occurrence(make_offering) -> Occurrence:
    return make_offering(capacity=3).occurrences.get()


def test_enrolling_with_a_bearer_token_confirms_the_seats(client, occurrence, resident) -> None:
    response = post_enrolment(client, occurrence.pk, {"seats": 2}, **bearer(resident))

    assert response.status_code == 201
    enrolment = Enrolment.objects.get(person=resident)
    assert response.json() == {"id": enrolment.pk, "status": "confirmed", "seats": 2}
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 2


def test_a_login_session_works_too(client, occurrence, resident) -> None:
    client.force_login(resident)

    response = post_enrolment(client, occurrence.pk, {"seats": 1})

    assert response.status_code == 201 and response.json()["status"] == "confirmed"


def test_too_few_seats_is_a_conflict_unless_queueing_was_asked(
    client, occurrence, resident, make_user
) -> None:
    enrol(actor=make_user(), occurrence=occurrence, seats=2)

    refused = post_enrolment(
        client, occurrence.pk, {"seats": 2}, HTTP_ACCEPT_LANGUAGE="en", **bearer(resident)
    )

    body = assert_problem(refused, 409, "not_enough_seats")
    assert body["detail"] == "Only 1 seat is left. You can join the waiting list."
    assert not Enrolment.objects.filter(person=resident).exists()

    queued = post_enrolment(
        client, occurrence.pk, {"seats": 2, "waitlist": True}, **bearer(resident)
    )

    assert queued.status_code == 201
    assert queued.json()["status"] == "waitlisted" and queued.json()["seats"] == 2
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 2


@pytest.mark.parametrize("seats", [0, 11])
def test_a_rule_error_is_a_400_with_a_translated_detail(
    client, occurrence, resident, seats
) -> None:
    response = post_enrolment(
        client, occurrence.pk, {"seats": seats}, HTTP_ACCEPT_LANGUAGE="sv", **bearer(resident)
    )

    body = assert_problem(response, 400, "invalid")
    with override("sv"):
        expected = ngettext(
            "You can enrol at most %(count)d person at a time.",
            "You can enrol at most %(count)d people at a time.",
            10,
        ) % {"count": 10}
    assert body["detail"] == expected and body["field"] == "seats"


def test_closed_enrolment_is_a_400(client, make_offering, resident) -> None:
    group_only = make_offering(allows_enrolment=False).occurrences.get()
    soon = timezone.now() + timedelta(days=3)
    closed = make_offering().occurrences.get()
    Occurrence.objects.filter(pk=closed.pk).update(enrolment_closes_at=soon - timedelta(days=5))

    for occurrence in (group_only, closed):
        response = post_enrolment(client, occurrence.pk, {"seats": 1}, **bearer(resident))
        assert_problem(response, 400, "enrolment_closed")


def test_without_credentials_the_answer_is_401(client, occurrence) -> None:
    assert_problem(post_enrolment(client, occurrence.pk, {"seats": 1}), 401, "not_authenticated")
    wrong = {"HTTP_AUTHORIZATION": "Bearer lmp_not-a-token"}
    response = post_enrolment(client, occurrence.pk, {"seats": 1}, **wrong)
    assert_problem(response, 401, "not_authenticated")
    assert client.get("/api/v1/enrolments").status_code == 401


def test_unknown_private_and_draft_times_are_not_found(
    client, occurrence, make_offering, resident
) -> None:
    private = make_offering().occurrences.get()
    Occurrence.objects.filter(pk=private.pk).update(is_public=False)
    draft = make_offering(status=OfferingStatus.DRAFT).occurrences.get()

    for occurrence_id in (999999, private.pk, draft.pk):
        response = post_enrolment(client, occurrence_id, {"seats": 1}, **bearer(resident))
        assert_problem(response, 404, "not_found")


def test_enrolling_twice_is_a_conflict(client, occurrence, resident) -> None:
    post_enrolment(client, occurrence.pk, {"seats": 1}, **bearer(resident))

    again = post_enrolment(client, occurrence.pk, {"seats": 1}, **bearer(resident))

    assert_problem(again, 409, "already_enrolled")


def test_an_unverified_email_is_forbidden(client, occurrence, make_user) -> None:
    person = make_user()
    person.emailaddress_set.update(verified=False)

    response = post_enrolment(client, occurrence.pk, {"seats": 1}, **bearer(person))

    assert_problem(response, 403, "permission_denied")


def test_my_enrolments_lists_only_mine(client, occurrence, resident, make_user) -> None:
    mine = enrol(actor=resident, occurrence=occurrence, seats=2)
    enrol(actor=make_user(), occurrence=occurrence, seats=1)

    response = client.get("/api/v1/enrolments", **bearer(resident))

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["next"], body["previous"]) == (1, None, None)
    item = body["results"][0]
    assert (item["id"], item["status"], item["seats"]) == (mine.pk, "confirmed", 2)
    assert item["occurrence"]["id"] == occurrence.pk
    assert item["occurrence"]["seats_left"] == 0
    assert item["cancellable_until"] < item["occurrence"]["starts_at"]


def test_cancelling_gives_the_seats_to_the_waiting_list(
    client, occurrence, resident, make_user
) -> None:
    mine = enrol(actor=resident, occurrence=occurrence, seats=3)
    waiting = enrol(actor=make_user(), occurrence=occurrence, seats=2, waitlist=True)

    response = client.post(f"/api/v1/enrolments/{mine.pk}/cancel", **bearer(resident))

    assert response.status_code == 200
    assert (response.json()["id"], response.json()["status"]) == (mine.pk, "cancelled")
    waiting.refresh_from_db()
    occurrence.refresh_from_db()
    assert waiting.status == EnrolmentStatus.CONFIRMED and occurrence.seats_taken == 2


def test_someone_elses_enrolment_cannot_be_cancelled(client, occurrence, resident, make_user):
    theirs = enrol(actor=make_user(), occurrence=occurrence, seats=1)

    response = client.post(f"/api/v1/enrolments/{theirs.pk}/cancel", **bearer(resident))

    assert_problem(response, 404, "not_found")
    theirs.refresh_from_db()
    assert theirs.status == EnrolmentStatus.CONFIRMED


def test_cancelling_after_the_deadline_is_a_400(client, make_offering, resident) -> None:
    occurrence = make_offering().occurrences.get()
    soon = timezone.now() + timedelta(hours=3)
    Occurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=soon, ends_at=soon + timedelta(hours=1)
    )
    occurrence.refresh_from_db()
    mine = enrol(actor=resident, occurrence=occurrence, seats=1)

    response = client.post(f"/api/v1/enrolments/{mine.pk}/cancel", **bearer(resident))

    assert_problem(response, 400, "cancellation_too_late")
    mine.refresh_from_db()
    assert mine.status == EnrolmentStatus.CONFIRMED
