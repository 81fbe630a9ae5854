"""Who may watch a session and take part in its chat: one rule used by pages and WebSockets."""

from __future__ import annotations

from typing import Any

from lampio.offerings.models import EnrolmentStatus, Occurrence, OrderStatus
from lampio.tenancy.models import Membership
from lampio.tenancy.permissions import Action, actions_in, can


def is_provider_staff(actor: Any, occurrence: Occurrence) -> bool:
    """The provider's own staff: the performer's and moderator's side."""
    return bool(actor and actor.is_authenticated and can(actor, Action.PUBLISH, occurrence))


def unit_ids_watching(actor: Any, occurrence: Occurrence) -> list[int]:
    """The care units of `actor` whose accepted order is for this time."""
    if not (actor and actor.is_authenticated):
        return []
    unit_ids = Membership.objects.filter(user=actor).values_list("organisation_id", flat=True)
    return [
        unit_id
        for unit_id in occurrence.orders.filter(
            status=OrderStatus.ACCEPTED, unit_id__in=list(unit_ids)
        ).values_list("unit_id", flat=True)
        if Action.ORDER in actions_in(actor, unit_id)
    ]


def may_watch(actor: Any, occurrence: Occurrence) -> bool:
    """Enrolled people, units that ordered this time, the provider, and anyone at drop-ins."""
    if occurrence.offering.is_drop_in:
        return True
    if not (actor and actor.is_authenticated):
        return False
    if occurrence.enrolments.filter(person=actor, status=EnrolmentStatus.CONFIRMED).exists():
        return True
    return is_provider_staff(actor, occurrence) or bool(unit_ids_watching(actor, occurrence))


def may_write(actor: Any, occurrence: Occurrence) -> bool:
    """Writing in the chat needs a signed-in person who may watch (drop-ins too)."""
    return bool(actor and actor.is_authenticated) and may_watch(actor, occurrence)
