"""Which organisation answers a message.

Feedback about a specific venue, space, booking, offering or session goes to its owner; other
feedback goes to the organisation its category names in that municipality, and where none is
named, to the municipality's feedback desk (its jurisdiction's fallback organisation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from lampio.core.errors import InvalidInput
from lampio.feedback.models import FeedbackCategory, Jurisdiction
from lampio.tenancy.models import Municipality, Organisation


@dataclass(frozen=True)
class Subject:
    """What a message is about; at most one is set, none means the service in general."""

    venue: Any = None
    space: Any = None
    booking: Any = None
    offering: Any = None
    occurrence: Any = None

    def owner_id(self) -> int | None:
        for item in (self.occurrence, self.offering, self.booking, self.space, self.venue):
            if item is not None:
                return int(item.organisation_id)
        return None

    def is_empty(self) -> bool:
        return self.owner_id() is None


def jurisdiction_of(municipality: Municipality) -> Jurisdiction:
    jurisdiction = (
        Jurisdiction.objects.select_related("fallback_organisation")
        .filter(municipality=municipality)
        .first()
    )
    if jurisdiction is None:
        raise InvalidInput(_("This municipality does not take feedback here yet."))
    return jurisdiction


def answering_organisation(
    *, jurisdiction: Jurisdiction, category: FeedbackCategory, subject: Subject
) -> Organisation:
    owner_id = subject.owner_id()
    if owner_id is not None:
        owner = Organisation.objects.filter(pk=owner_id, is_active=True).first()
        if owner is not None:
            return owner
    if category.organisation_id is not None:
        named = Organisation.objects.filter(pk=category.organisation_id, is_active=True).first()
        if named is not None:
            return named
    return jurisdiction.fallback_organisation
