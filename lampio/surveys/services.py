"""Answering the visitor survey: the only write of this app.

An answer is stored without any person, booking or time of day. A personal invitation is
answered once: its keyed hash goes into UsedInvitation in the same transaction as the answer,
and the unique constraint refuses a second answer even when two arrive at the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lampio.core.errors import Conflict, DomainError
from lampio.surveys.invitations import Invitation, used_hash
from lampio.surveys.models import AgeGroup, UsedInvitation, VisitorResponse
from lampio.surveys.selectors import OTHER_MUNICIPALITY, home_municipalities, subject_of

LANGUAGES = {"fi", "sv", "en"}


class AlreadyAnswered(Conflict):
    default_message = _("This invitation has already been answered. Thank you!")


class InvitationExpired(DomainError):
    default_message = _(
        "The time to answer this survey has passed. Thank you for wanting to answer all the same."
    )


@dataclass(frozen=True)
class Answers:
    overall: int
    ease: int | None = None
    return_likelihood: int | None = None
    age_group: str = ""
    home_municipality: str = ""  # a municipality's slug, "other", or "" when not told


def _checked(answers: Answers) -> Answers:
    """The form checks these already; a service must not trust its callers' input shape."""
    for field, value in (
        ("overall", answers.overall),
        ("ease", answers.ease),
        ("return_likelihood", answers.return_likelihood),
    ):
        if value is not None and not 1 <= value <= 5:
            raise DomainError(_("Choose one of the five answers."), field=field)
    if answers.age_group and answers.age_group not in AgeGroup.values:
        raise DomainError(_("Choose an age group from the list."), field="age_group")
    home = answers.home_municipality
    if home and home != OTHER_MUNICIPALITY and not home_municipalities().filter(slug=home).exists():
        raise DomainError(_("Choose a municipality from the list."), field="home_municipality")
    return answers


def answer_survey(
    *, invitation: Invitation, answers: Answers, language: str, today: date
) -> VisitorResponse:
    """Store one anonymous answer; refuse a second answer to a personal invitation."""
    if invitation.expired(today):
        raise InvitationExpired()
    subject = subject_of(invitation)
    answers = _checked(answers)
    try:
        with transaction.atomic():
            if invitation.is_personal:
                # Only the month: the day of the answer must not pair it with a response.
                UsedInvitation.objects.create(
                    key_hash=used_hash(invitation.key), used_on=today.replace(day=1)
                )
            return VisitorResponse.objects.create(
                organisation=subject.organisation,
                municipality=subject.organisation.municipality,
                venue=subject.venue,
                context=invitation.context,
                answered_on=today,
                language=language if language in LANGUAGES else "fi",
                overall=answers.overall,
                ease=answers.ease,
                return_likelihood=answers.return_likelihood,
                age_group=answers.age_group,
                home_municipality=answers.home_municipality,
            )
    except IntegrityError as error:
        raise AlreadyAnswered() from error
