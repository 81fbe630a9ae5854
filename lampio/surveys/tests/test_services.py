"""Answering: anonymous rows, one answer per invitation, open links answer many times."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils import timezone

from lampio.core.errors import DomainError, NotFound
from lampio.surveys.invitations import Invitation, used_hash, visit_link_from_token
from lampio.surveys.models import UsedInvitation, VisitorResponse
from lampio.surveys.selectors import is_answered, visit_link_of
from lampio.surveys.services import AlreadyAnswered, Answers, InvitationExpired, answer_survey
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db
TODAY = date(2026, 5, 14)


def test_an_answer_keeps_no_person_and_uses_the_invitation(invitation: Invitation) -> None:
    answers = Answers(overall=4, ease=5, return_likelihood=3, age_group="65-74")
    response = answer_survey(invitation=invitation, answers=answers, language="sv", today=TODAY)
    assert (response.overall, response.ease, response.return_likelihood) == (4, 5, 3)
    assert response.organisation_id == invitation.organisation_id
    assert response.municipality.slug == "oulu"
    assert (response.venue_id, response.context, response.language) == (
        invitation.venue_id,
        "booking",
        "sv",
    )
    assert response.answered_on == TODAY
    used = UsedInvitation.objects.get()
    assert used.key_hash == used_hash(invitation.key)
    assert used.used_on == date(2026, 5, 1)  # only the month: it must not pair with the answer
    assert is_answered(invitation)


def test_an_invitation_answers_once(invitation: Invitation) -> None:
    answer_survey(invitation=invitation, answers=Answers(overall=5), language="fi", today=TODAY)
    with pytest.raises(AlreadyAnswered):
        answer_survey(invitation=invitation, answers=Answers(overall=1), language="fi", today=TODAY)
    assert VisitorResponse.objects.count() == 1


def test_an_open_link_answers_many_times(organisation: Organisation) -> None:
    link = visit_link_from_token(visit_link_of(organisation, None))
    for grade in (5, 4):
        answer_survey(invitation=link, answers=Answers(overall=grade), language="en", today=TODAY)
    assert VisitorResponse.objects.filter(context="visit", venue=None).count() == 2
    assert not UsedInvitation.objects.exists()


def test_an_expired_invitation_is_refused(invitation: Invitation) -> None:
    assert invitation.last_day is not None
    with pytest.raises(InvitationExpired):
        answer_survey(
            invitation=invitation,
            answers=Answers(overall=5),
            language="fi",
            today=invitation.last_day + timedelta(days=1),
        )


def test_a_closed_organisation_takes_no_answers(
    invitation: Invitation, organisation: Organisation
) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(is_active=False)
    with pytest.raises(NotFound):
        answer_survey(invitation=invitation, answers=Answers(overall=5), language="fi", today=TODAY)


@pytest.mark.parametrize(
    "answers, field",
    [
        (Answers(overall=6), "overall"),
        (Answers(overall=3, ease=0), "ease"),
        (Answers(overall=3, age_group="100-plus"), "age_group"),
        (Answers(overall=3, home_municipality="atlantis"), "home_municipality"),
    ],
)
def test_the_service_checks_its_input(invitation: Invitation, answers: Answers, field: str) -> None:
    with pytest.raises(DomainError) as refused:
        answer_survey(invitation=invitation, answers=answers, language="fi", today=TODAY)
    assert refused.value.field == field
    assert not VisitorResponse.objects.exists() and not UsedInvitation.objects.exists()


def test_home_is_a_network_municipality_or_elsewhere(invitation: Invitation) -> None:
    for home in ("oulu", "other"):
        answer_survey(
            invitation=replace(invitation, key=f"key-{home}"),
            answers=Answers(overall=4, home_municipality=home),
            language="xx",
            today=timezone.localdate(),
        )
    homes = set(VisitorResponse.objects.values_list("home_municipality", "language"))
    assert homes == {("oulu", "fi"), ("other", "fi")}  # an unknown language falls back
