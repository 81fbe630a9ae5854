"""Reads of recordings: what people may watch later, and the provider's own list.

A recording can be watched while it is published, its "can be watched until" has not passed and
its offering is published. Free offerings' recordings are for everyone; a paid offering's
recording is for the people who paid for it: those with a confirmed enrolment in any of its
times, care units with an accepted order for it, and the provider's own staff.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from lampio.core.errors import NotFound
from lampio.digital.models import Recording
from lampio.offerings.models import (
    ONLINE_FORMATS,
    EnrolmentStatus,
    GroupOrder,
    Occurrence,
    Offering,
    OfferingStatus,
    OrderStatus,
)
from lampio.offerings.services.orders import ORDERING_KINDS
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can, role_ids_allowing


def available_recordings(*, now: datetime | None = None) -> QuerySet[Recording]:
    """Recordings anyone can find in the list (whether they may watch is asked per recording)."""
    now = now or timezone.now()
    return (
        Recording.objects.filter(is_published=True, offering__status=OfferingStatus.PUBLISHED)
        .filter(Q(available_until__isnull=True) | Q(available_until__gt=now))
        .select_related("offering__organisation", "occurrence")
        .order_by("-created_at", "-pk")
    )


def available_recording(recording_id: int, *, now: datetime | None = None) -> Recording:
    recording = available_recordings(now=now).filter(pk=recording_id).first()
    if recording is None:
        raise NotFound()
    return recording


def recordings_of_offering(
    offering: Offering, *, now: datetime | None = None
) -> QuerySet[Recording]:
    return available_recordings(now=now).filter(offering=offering)


def _ordered_by_a_unit_of(actor: Any, offering: Offering) -> bool:
    return GroupOrder.objects.filter(
        offering=offering,
        status=OrderStatus.ACCEPTED,
        unit__kind__in=ORDERING_KINDS,
        unit__memberships__user=actor,
        unit__memberships__role__in=role_ids_allowing(Action.ORDER),
    ).exists()


def may_watch_recording(actor: Any, recording: Recording) -> bool:
    """Anyone for free offerings; for paid ones, the people who took part or ordered, and staff."""
    offering = recording.offering
    if offering.is_free:
        return True
    if not (actor and actor.is_authenticated):
        return False
    if can(actor, Action.PUBLISH, offering):
        return True
    enrolled = Occurrence.objects.filter(
        offering=offering,
        enrolments__person=actor,
        enrolments__status=EnrolmentStatus.CONFIRMED,
    ).exists()
    return enrolled or _ordered_by_a_unit_of(actor, offering)


# The provider's side -----------------------------------------------------------------------


def recordings_of(*, actor: Actor, organisation: Organisation) -> QuerySet[Recording]:
    if not can(actor, Action.PUBLISH, organisation):
        return Recording.objects.none()
    return (
        Recording.objects.filter(offering__organisation=organisation)
        .select_related("offering", "occurrence")
        .order_by("-created_at", "-pk")
    )


def managed_recording(*, actor: Actor, organisation: Organisation, recording_id: int) -> Recording:
    recording = (
        recordings_of(actor=actor, organisation=organisation).filter(pk=recording_id).first()
    )
    if recording is None:
        raise NotFound()
    return recording


def online_offerings_of(organisation: Organisation) -> QuerySet[Offering]:
    """The offerings a recording can belong to: the provider's online ones not cancelled."""
    return (
        Offering.objects.filter(organisation=organisation, format__in=ONLINE_FORMATS)
        .exclude(status=OfferingStatus.CANCELLED)
        .order_by("title_fi", "pk")
    )


def recordable_times(
    organisation: Organisation, *, now: datetime | None = None
) -> QuerySet[Occurrence]:
    """Times of those offerings that have started: a recording is made of a past session."""
    return (
        Occurrence.objects.filter(
            offering__in=online_offerings_of(organisation), starts_at__lte=now or timezone.now()
        )
        .select_related("offering")
        .order_by("-starts_at")
    )
