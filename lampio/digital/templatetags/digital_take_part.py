"""The session page's "Take part" panel: one big button, or "You are taking part"."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from lampio.core.errors import DomainError
from lampio.digital.phase import session_phase
from lampio.offerings.models import ACTIVE_ENROLMENT, Occurrence
from lampio.offerings.services.enrolment import check_enrolment_open

register = template.Library()


@register.inclusion_tag("digital/includes/_take_part.html", takes_context=True)
def take_part_panel(context: dict[str, Any], occurrence: Occurrence) -> dict[str, Any]:
    """What the person can do: nothing more if taking part, else the way to take part.

    `closed_reason` says in words why nobody can enrol any more (closed, cancelled, ...).
    """
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    now = context.get("now") or timezone.now()
    phase = context.get("phase") or session_phase(occurrence, now)
    offering = occurrence.offering
    enrolment = None
    if user is not None and user.is_authenticated:
        enrolment = occurrence.enrolments.filter(person=user, status__in=ACTIVE_ENROLMENT).first()
    closed_reason = ""
    if enrolment is None and not offering.is_drop_in:
        try:
            check_enrolment_open(occurrence, now)
        except DomainError as error:
            closed_reason = str(error.message)
    return {
        "request": request,
        "user": user,
        "occurrence": occurrence,
        "offering": offering,
        "phase": phase,
        "enrolment": enrolment,
        "may_cancel": enrolment is not None and occurrence.starts_at > now,
        "closed_reason": closed_reason,
    }
