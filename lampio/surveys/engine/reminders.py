"""Reminders to answer a survey round: the daily sweep, and the organiser's "remind now".

The sweep reminds each participating organisation once, `reminder_days_before` days before the
round closes (0: no automatic reminder). Extending a round clears `reminded_at`, so the new
closing day brings a new reminder. Every message carries a dedupe key, so a sweep that runs
twice queues nothing twice.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.notifications.services import notify
from lampio.surveys.engine.errors import InvalidRound
from lampio.surveys.engine.messages import ROUND_REMINDER, reminder_context
from lampio.surveys.engine.rounds import _check_may_manage
from lampio.surveys.models import Round, RoundParticipant

FIRST_HOUR = 8


def _members(participant: RoundParticipant) -> list[User]:
    """Everyone with a role in the organisation, whatever the role: all of them may answer."""
    return list(
        User.objects.filter(
            memberships__organisation_id=participant.organisation_id, is_active=True
        )
        .distinct()
        .order_by("pk")
    )


def _remind(participant: RoundParticipant, *, now: datetime, dedupe: str) -> int:
    """Queue the reminder to the organisation's members; how many people it was queued for."""
    told = 0
    with transaction.atomic():
        for person in _members(participant):
            deliveries = notify(
                recipient=person,
                key=ROUND_REMINDER.key,
                context=reminder_context(participant, person),
                organisation_id=participant.round.organiser_id,
                dedupe_key=f"surveys:round-reminder:{participant.pk}:{dedupe}:{person.pk}",
            )
            told += 1 if deliveries else 0
        participant.reminded_at = now
        participant.save(update_fields=["reminded_at"])
    return told


def is_due(round: Round, today: date) -> bool:
    if round.reminder_days_before == 0 or not round.is_open_on(today):
        return False
    return (round.closes_on - today).days <= round.reminder_days_before


def send_due_reminders(*, now: datetime) -> int:
    """Remind each participant of an open round nearing its end, once; how many were reminded."""
    # Staff get the reminder in the working day, not from a sweep that runs after midnight.
    if timezone.localtime(now).hour < FIRST_HOUR:
        return 0
    today = timezone.localdate(now)
    open_rounds = Round.objects.filter(opens_on__lte=today, closes_on__gte=today)
    due = [round.pk for round in open_rounds if is_due(round, today)]
    participants = RoundParticipant.objects.filter(
        round_id__in=due, reminded_at__isnull=True, organisation__is_active=True
    ).select_related("round__organiser", "organisation")
    reminded = 0
    for participant in participants:
        # The closing day is in the key: an extended round is reminded of again.
        _remind(participant, now=now, dedupe=f"auto:{participant.round.closes_on.isoformat()}")
        reminded += 1
    return reminded


def remind_round(*, actor: User, round: Round, now: datetime) -> int:
    """The organiser's "Send a reminder now": every participant, at most once a day."""
    _check_may_manage(actor, round)
    today = timezone.localdate(now)
    if not round.is_open_on(today):
        raise InvalidRound(_("Reminders can be sent only while the round is open."))
    told = 0
    with set_actor(actor):
        for participant in round.participants.select_related("round__organiser", "organisation"):
            told += _remind(participant, now=now, dedupe=f"manual:{today.isoformat()}")
    return told
