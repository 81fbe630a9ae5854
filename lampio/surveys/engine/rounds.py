"""Staff run survey rounds: a published version, answered by a set of organisations between two
dates, each through its own anonymous link.

A network round (no organiser) is run by network admins and may include any active
organisation; an organisation's round by those who may MANAGE in it, and only organisations
where they may MANAGE take part (nobody enrols another organisation's staff in a survey).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.multilingual import Translated, set_translated
from lampio.surveys.engine.errors import InvalidRound, NotAllowed, ParticipantHasAnswers
from lampio.surveys.models import QuestionnaireVersion, Round, RoundParticipant, Submission
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can, is_network_admin

MAX_REMINDER_DAYS = 60


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class RoundData:
    version: QuestionnaireVersion
    title: Translated
    opens_on: date
    closes_on: date
    reminder_days_before: int = 3


def may_manage(actor: User, round: Round) -> bool:
    return can(actor, Action.MANAGE, round)


def _check_may_manage(actor: User, round: Round) -> None:
    if not may_manage(actor, round):
        raise NotAllowed(_("Only the organiser of the round may change it."))


def may_organise(actor: User, organiser: Organisation | None) -> bool:
    if organiser is None:
        return is_network_admin(actor)
    return can(actor, Action.MANAGE, organiser)


def may_take_part(actor: User, organiser: Organisation | None, organisation: Organisation) -> bool:
    """May the organiser's round include `organisation` (see the module's note)?"""
    if not organisation.is_active:
        return False
    if organiser is None:
        return is_network_admin(actor)
    return can(actor, Action.MANAGE, organisation)


def _check_dates(opens_on: date, closes_on: date, reminder_days_before: int) -> None:
    if closes_on < opens_on:
        raise InvalidRound(
            _("The round must close on or after the day it opens."), field="closes_on"
        )
    if not 0 <= reminder_days_before <= MAX_REMINDER_DAYS:
        raise InvalidRound(
            _("Give the reminder as 0–%(days)d days before closing.") % {"days": MAX_REMINDER_DAYS},
            field="reminder_days_before",
        )


def _check_version(actor: User, version: QuestionnaireVersion) -> None:
    if not version.is_published:
        raise InvalidRound(_("Choose a published version of a questionnaire."), field="version")
    owner = version.questionnaire.owner
    # Network questionnaires are for every organisation; an organisation's own for its staff.
    if owner is not None and not can(actor, Action.VIEW, owner):
        raise InvalidRound(_("Choose a published version of a questionnaire."), field="version")


def create_round(
    *,
    actor: User,
    organiser: Organisation | None,
    data: RoundData,
    participants: list[Organisation],
) -> Round:
    if not may_organise(actor, organiser):
        raise NotAllowed(
            _("Only network administrators may run network rounds.")
            if organiser is None
            else _("You may not run rounds for this organisation.")
        )
    _check_version(actor, data.version)
    if not data.title.fi.strip():
        raise InvalidRound(_("Give the round a title in Finnish."), field="title_fi")
    _check_dates(data.opens_on, data.closes_on, data.reminder_days_before)
    if not participants:
        raise InvalidRound(_("Choose at least one organisation."), field="organisations")
    for organisation in participants:
        if not may_take_part(actor, organiser, organisation):
            raise InvalidRound(
                _("%(organisation)s cannot take part in this round.")
                % {"organisation": organisation.name},
                field="organisations",
            )
    with transaction.atomic(), set_actor(actor):
        round = Round(
            version=data.version,
            organiser=organiser,
            opens_on=data.opens_on,
            closes_on=data.closes_on,
            reminder_days_before=data.reminder_days_before,
            created_by=actor,
        )
        set_translated(round, "title", data.title)
        round.save()
        for organisation in {org.pk: org for org in participants}.values():
            RoundParticipant.objects.create(
                round=round, organisation=organisation, token=new_token()
            )
    return round


def add_participant(*, actor: User, round: Round, organisation: Organisation) -> RoundParticipant:
    _check_may_manage(actor, round)
    if not may_take_part(actor, round.organiser, organisation):
        raise InvalidRound(
            _("%(organisation)s cannot take part in this round.")
            % {"organisation": organisation.name},
            field="organisation",
        )
    if round.participants.filter(organisation=organisation).exists():
        raise InvalidRound(
            _("%(organisation)s already takes part in the round.")
            % {"organisation": organisation.name},
            field="organisation",
        )
    with transaction.atomic(), set_actor(actor):
        return RoundParticipant.objects.create(
            round=round, organisation=organisation, token=new_token()
        )


def remove_participant(*, actor: User, participant: RoundParticipant) -> None:
    """Only while the organisation has no answers: they would lose the organisation they name."""
    _check_may_manage(actor, participant.round)
    with transaction.atomic(), set_actor(actor):
        if Submission.objects.filter(
            round_id=participant.round_id, organisation_id=participant.organisation_id
        ).exists():
            raise ParticipantHasAnswers()
        participant.delete()


def change_dates(
    *, actor: User, round: Round, opens_on: date, closes_on: date, reminder_days_before: int
) -> None:
    """Move or extend the round. A later closing day reminds everyone again before it."""
    _check_may_manage(actor, round)
    _check_dates(opens_on, closes_on, reminder_days_before)
    with transaction.atomic(), set_actor(actor):
        if closes_on > round.closes_on:
            round.participants.update(reminded_at=None)
        round.opens_on, round.closes_on = opens_on, closes_on
        round.reminder_days_before = reminder_days_before
        round.save(update_fields=["opens_on", "closes_on", "reminder_days_before"])


def close_now(*, actor: User, round: Round, today: date) -> None:
    """End the round: it closed yesterday, so no answer is taken from now on."""
    _check_may_manage(actor, round)
    if round.opens_on > today:
        raise InvalidRound(_("The round has not opened yet. Change its dates instead."))
    if round.closes_on < today:
        raise InvalidRound(_("The round is already closed."))
    yesterday = today - timedelta(days=1)
    with transaction.atomic(), set_actor(actor):
        round.closes_on = yesterday
        # A round that opened today closes before it opened; its dates stay in order.
        round.opens_on = min(round.opens_on, yesterday)
        round.save(update_fields=["opens_on", "closes_on"])


def new_link(*, actor: User, participant: RoundParticipant) -> RoundParticipant:
    """A fresh token: the old link (shared too widely, say) stops working at once."""
    _check_may_manage(actor, participant.round)
    with transaction.atomic(), set_actor(actor):
        participant.token = new_token()
        participant.save(update_fields=["token"])
    return participant
