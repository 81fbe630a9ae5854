"""Reads for the survey pages: what a link points to, whether it was answered, the choices.

No read here returns answers: results leave only through lampio.insights and its suppression.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from lampio.core.errors import NotFound
from lampio.spaces.models import Venue
from lampio.surveys.invitations import Invitation, used_hash, visit_link_token
from lampio.surveys.models import UsedInvitation
from lampio.tenancy.models import Municipality, Organisation

OTHER_MUNICIPALITY = "other"


@dataclass(frozen=True)
class Subject:
    """The place the answer is about, as the survey page names it."""

    organisation: Organisation
    venue: Venue | None


def subject_of(invitation: Invitation) -> Subject:
    """The organisation (and venue) of a link; NotFound once either is gone or closed."""
    organisation = (
        Organisation.objects.select_related("municipality")
        .filter(pk=invitation.organisation_id, is_active=True)
        .first()
    )
    if organisation is None:
        raise NotFound()
    venue = None
    if invitation.venue_id is not None:
        # An offering may take place in another organisation's venue: the venue is only a label.
        venue = Venue.objects.filter(pk=invitation.venue_id).first()
    return Subject(organisation=organisation, venue=venue)


def is_answered(invitation: Invitation) -> bool:
    if not invitation.is_personal:
        return False
    return UsedInvitation.objects.filter(key_hash=used_hash(invitation.key)).exists()


def home_municipalities() -> QuerySet[Municipality]:
    """The network's municipalities, for "where do you live"."""
    return Municipality.objects.order_by("name")


def venues_for_links(organisation: Organisation) -> QuerySet[Venue]:
    """The organisation's venues, each of which gets its own open link and poster."""
    return Venue.objects.filter(organisation=organisation).order_by("name", "pk")


def venue_of(organisation: Organisation, venue_id: int) -> Venue:
    venue = Venue.objects.filter(organisation=organisation, pk=venue_id).first()
    if venue is None:
        raise NotFound()
    return venue


def visit_link_of(organisation: Organisation, venue: Venue | None) -> str:
    """The token of a venue's (or the whole organisation's) open link."""
    return visit_link_token(
        organisation_id=organisation.pk, venue_id=venue.pk if venue is not None else None
    )
