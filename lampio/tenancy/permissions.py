"""The one permission function: `can(actor, action, obj)`, used by every service and selector.

A person acts for an organisation through a Membership with one role; each role grants a set
of actions. The network admin flag grants everything everywhere. Objects of other apps are
resolved to their owning organisation through their `organisation` attribute.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AnonymousUser

from lampio.accounts.models import User
from lampio.tenancy.models import Municipality, Organisation, Role

Actor = User | AnonymousUser


class Action(StrEnum):
    VIEW = "view"  # see the organisation's data in the staff area
    MANAGE = "manage"  # run spaces, bookings, approvals, feedback, ideas, knowledge
    PUBLISH = "publish"  # publish offerings, prices and capacity
    ORDER = "order"  # order culture sessions on behalf of a care unit
    MANAGE_MEMBERS = "manage_members"
    VIEW_AUDIT = "view_audit"


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.STAFF: frozenset({Action.VIEW, Action.MANAGE, Action.PUBLISH, Action.ORDER}),
    Role.PROVIDER_EDITOR: frozenset({Action.VIEW, Action.PUBLISH}),
    Role.CARE_STAFF: frozenset({Action.VIEW, Action.ORDER}),
    Role.VIEWER: frozenset({Action.VIEW}),
}


_ROLES_CACHE = "_lampio_roles"


def roles_of(actor: Actor) -> dict[int, str]:
    """Organisation id → role, read once per actor object (a request) to avoid N+1 checks."""
    if not actor.is_authenticated or not actor.is_active:
        return {}
    cached: dict[int, str] | None = actor.__dict__.get(_ROLES_CACHE)
    if cached is None:
        cached = dict(actor.memberships.order_by().values_list("organisation_id", "role"))
        actor.__dict__[_ROLES_CACHE] = cached
    return cached


def forget_roles(actor: Actor) -> None:
    """Drop the cached roles after a membership change made by or for this actor."""
    actor.__dict__.pop(_ROLES_CACHE, None)


def is_network_admin(actor: Actor) -> bool:
    return bool(actor.is_authenticated and actor.is_active and actor.is_network_admin)


def has_any_role(actor: Actor) -> bool:
    return is_network_admin(actor) or bool(roles_of(actor))


def actions_in(actor: Actor, organisation_id: int) -> frozenset[Action]:
    if is_network_admin(actor):
        return frozenset(Action)
    role = roles_of(actor).get(organisation_id)
    return ROLE_ACTIONS.get(role, frozenset()) if role else frozenset()


def organisation_id_of(obj: Any) -> int | None:
    if isinstance(obj, Organisation):
        return obj.pk
    organisation_id = getattr(obj, "organisation_id", None)
    return int(organisation_id) if organisation_id is not None else None


def can(actor: Actor, action: Action, obj: Any) -> bool:
    """May `actor` do `action` on `obj` (an Organisation, a Municipality or an owned row)?"""
    if is_network_admin(actor):
        return True
    if isinstance(obj, Municipality):
        # Municipality-wide actions (routing rules, network settings) belong to the network.
        if action != Action.VIEW:
            return False
        return Organisation.objects.filter(municipality=obj, pk__in=list(roles_of(actor))).exists()
    organisation_id = organisation_id_of(obj)
    if organisation_id is None:
        return False
    return action in actions_in(actor, organisation_id)


def role_ids_allowing(action: Action) -> list[str]:
    return [str(role) for role, actions in ROLE_ACTIONS.items() if action in actions]
