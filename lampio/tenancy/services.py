"""Writes on organisations and memberships. Every write checks `can` and is audited."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.locking import lock_rows
from lampio.tenancy.models import Membership, Organisation, Role
from lampio.tenancy.permissions import Action, can, forget_roles


def _require(actor: User, action: Action, organisation: Organisation) -> None:
    if not can(actor, action, organisation):
        raise PermissionDenied()


def _lock_admins(organisation: Organisation) -> int:
    """Lock the organisation row so two admins cannot demote each other at the same time."""
    lock_rows(Organisation.objects.filter(pk=organisation.pk))
    return organisation.memberships.filter(role=Role.ADMIN).count()


def add_member(*, actor: User, organisation: Organisation, email: str, role: str) -> Membership:
    _require(actor, Action.MANAGE_MEMBERS, organisation)
    if role not in Role.values:
        raise InvalidInput(_("Choose one of the offered roles."), field="role")
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise InvalidInput(
            _("No account uses this email address. Ask the person to sign up first."),
            field="email",
        )
    try:
        with transaction.atomic(), set_actor(actor):
            membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    except IntegrityError as error:
        raise InvalidInput(
            _("This person is already a member of the organisation."), field="email"
        ) from error
    forget_roles(user)
    return membership


def change_member_role(*, actor: User, membership: Membership, role: str) -> Membership:
    organisation = membership.organisation
    _require(actor, Action.MANAGE_MEMBERS, organisation)
    if role not in Role.values:
        raise InvalidInput(_("Choose one of the offered roles."), field="role")
    with transaction.atomic(), set_actor(actor):
        admins = _lock_admins(organisation)
        membership.refresh_from_db()
        if membership.role == Role.ADMIN and role != Role.ADMIN and admins <= 1:
            raise Conflict(_("An organisation must keep at least one administrator."))
        membership.role = role
        membership.save(update_fields=["role"])
    forget_roles(actor)
    return membership


def remove_member(*, actor: User, membership: Membership) -> None:
    organisation = membership.organisation
    _require(actor, Action.MANAGE_MEMBERS, organisation)
    with transaction.atomic(), set_actor(actor):
        admins = _lock_admins(organisation)
        membership.refresh_from_db()
        if membership.role == Role.ADMIN and admins <= 1:
            raise Conflict(_("An organisation must keep at least one administrator."))
        membership.delete()
    forget_roles(actor)
