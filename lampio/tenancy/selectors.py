"""Reads on municipalities, organisations and memberships, scoped to the actor."""

from __future__ import annotations

from typing import TypeVar

from auditlog.models import LogEntry
from django.db.models import Model, QuerySet

from lampio.core.audit import AuditRow, audit_rows
from lampio.core.errors import NotFound
from lampio.core.reference_lists import kept_per_language
from lampio.tenancy.models import Membership, Municipality, Organisation
from lampio.tenancy.permissions import (
    Action,
    Actor,
    can,
    is_network_admin,
    role_ids_allowing,
)

M = TypeVar("M", bound=Model)


def municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.order_by("name")


@kept_per_language(Municipality)
def municipality_choices() -> tuple[tuple[str, str], ...]:
    """Every municipality's slug and name in the active language, by name: a form's choices.

    Plain pairs, not models, kept in the process: the search forms ask for them on every
    page."""
    return tuple(municipalities().values_list("slug", "name"))


def municipality_by_slug(slug: str) -> Municipality | None:
    return Municipality.objects.filter(slug=slug).first()


def public_organisations(*, municipality: Municipality | None = None) -> QuerySet[Organisation]:
    organisations = Organisation.objects.filter(is_active=True).select_related("municipality")
    if municipality is not None:
        organisations = organisations.filter(municipality=municipality)
    return organisations.order_by("municipality__name", "name")


def organisations_for(*, actor: Actor, action: Action) -> QuerySet[Organisation]:
    """The organisations in which `actor` may do `action`; empty for anyone without a role."""
    organisations = Organisation.objects.select_related("municipality")
    if is_network_admin(actor):
        return organisations.all()
    if not actor.is_authenticated:
        return organisations.none()
    return organisations.filter(
        memberships__user=actor, memberships__role__in=role_ids_allowing(action)
    )


def scope_to_actor(
    queryset: QuerySet[M], *, actor: Actor, action: Action, via: str = "organisation"
) -> QuerySet[M]:
    """Restrict any organisation-owned queryset to the rows `actor` may do `action` on."""
    if is_network_admin(actor):
        return queryset
    allowed = organisations_for(actor=actor, action=action).values("pk")
    return queryset.filter(**{f"{via}__in": allowed})


def organisation_for(
    *, actor: Actor, slug: str, municipality_slug: str, action: Action = Action.VIEW
) -> Organisation:
    """One organisation the actor may act on; NotFound also hides ones that exist elsewhere."""
    organisation = (
        Organisation.objects.select_related("municipality")
        .filter(slug=slug, municipality__slug=municipality_slug)
        .first()
    )
    if organisation is None or not can(actor, action, organisation):
        raise NotFound()
    return organisation


def members_of(*, actor: Actor, organisation: Organisation) -> QuerySet[Membership]:
    if not can(actor, Action.VIEW, organisation):
        return Membership.objects.none()
    return organisation.memberships.select_related("user").order_by("user__email")


def memberships_of(*, actor: Actor) -> QuerySet[Membership]:
    if not actor.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=actor).select_related(
        "organisation", "organisation__municipality"
    )


def municipality_ids_of(*, actor: Actor) -> set[int]:
    """The municipalities of the organisations the actor is a member of, in one plain query
    (a membership's default ordering joins its organisation and user)."""
    if not actor.is_authenticated:
        return set()
    cities = Membership.objects.filter(user=actor).order_by()
    return set(cities.values_list("organisation__municipality_id", flat=True))


def membership_for(*, actor: Actor, organisation: Organisation, membership_id: int) -> Membership:
    membership = organisation.memberships.select_related("user").filter(pk=membership_id).first()
    if membership is None or not can(actor, Action.VIEW, organisation):
        raise NotFound()
    return membership


def audit_trail(*, actor: Actor, organisation: Organisation, limit: int = 50) -> list[AuditRow]:
    """Recent audited changes to an organisation and its memberships, newest first."""
    if not can(actor, Action.VIEW_AUDIT, organisation):
        return []
    # Reads of personal data have their own page (`personal_data_reads`); here only changes.
    entries = (
        LogEntry.objects.filter(additional_data__organisation_id=organisation.pk)
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:limit]
    )
    return audit_rows(entries)


def personal_data_reads(
    *, actor: Actor, organisation: Organisation, kind: str = ""
) -> QuerySet[LogEntry]:
    """Who of the staff read residents' personal data held by the organisation, newest first.

    Only the organisation's own reads: the organisation is stored in every entry when it is
    written (`core.read_audit`), so another organisation's reads never match."""
    if not can(actor, Action.VIEW_AUDIT, organisation):
        raise NotFound()
    entries = LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, additional_data__organisation_id=organisation.pk
    )
    if kind:
        entries = entries.filter(additional_data__read=kind)
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")
