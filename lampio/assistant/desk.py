"""The assistant desk of a municipality is its feedback desk (`Jurisdiction.fallback_organisation`):
its MANAGE staff review the questions, keep the municipality's own answers and take live chats."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.errors import PermissionDenied
from lampio.feedback.models import Jurisdiction
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, can


def is_desk(organisation: Organisation) -> bool:
    """Does `organisation` answer the assistant of its municipality?"""
    return Jurisdiction.objects.filter(
        fallback_organisation=organisation, municipality_id=organisation.municipality_id
    ).exists()


def desk_municipality(*, actor: User, organisation: Organisation) -> Municipality:
    """The municipality whose assistant `organisation` works, if `actor` may work it.

    Network admins pass `can` everywhere, so one check covers both kinds of person.
    """
    jurisdiction = (
        Jurisdiction.objects.filter(
            fallback_organisation=organisation, municipality_id=organisation.municipality_id
        )
        .select_related("municipality")
        .first()
    )
    if jurisdiction is None:
        raise PermissionDenied(_("This organisation does not answer the service assistant."))
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied()
    return jurisdiction.municipality
