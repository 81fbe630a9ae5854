"""Reads of the residents' feedback pages: the tracking timeline, published feedback, photos."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from lampio.core.errors import NotFound
from lampio.feedback.models import (
    PUBLIC_EVENT_KINDS,
    EventKind,
    Feedback,
    FeedbackEvent,
    FeedbackPhoto,
)
from lampio.tenancy.models import Municipality
from lampio.tenancy.permissions import Action, Actor, can


def public_timeline(feedback: Feedback) -> QuerySet[FeedbackEvent]:
    """What the writer sees of a message's life: sent, state changes, answers, merged."""
    return feedback.events.filter(kind__in=PUBLIC_EVENT_KINDS).select_related("state")


def photos_of(feedback: Feedback) -> QuerySet[FeedbackPhoto]:
    return feedback.photos.order_by("position", "pk")


def answer_day(feedback: Feedback) -> date:
    """The last day of the answer target: `due_at` is the local midnight after it."""
    return timezone.localtime(feedback.due_at - timedelta(seconds=1)).date()


def published_feedback(
    *, municipality: Municipality | None = None, category_code: str = ""
) -> QuerySet[Feedback]:
    """Feedback staff published, newest first, with its answers and (if public) photos."""
    items = Feedback.objects.filter(is_published=True).select_related(
        "category", "state", "municipality"
    )
    if municipality is not None:
        items = items.filter(municipality=municipality)
    if category_code:
        items = items.filter(category__code=category_code)
    replies = FeedbackEvent.objects.filter(kind=EventKind.REPLY).order_by("created_at", "pk")
    return items.prefetch_related(
        Prefetch("events", queryset=replies, to_attr="public_replies"), "photos"
    ).order_by("-submitted_at", "-pk")


@dataclass(frozen=True)
class PhotoAccess:
    photo: FeedbackPhoto
    is_public: bool


def photo_for(*, actor: Actor, photo_id: int, token: str = "") -> PhotoAccess:
    """A private photo for the holder of its tracking link, staff who may view the answering
    organisation, or anyone once it is published with its photos; NotFound for everyone else.
    """
    photo = FeedbackPhoto.objects.select_related("feedback").filter(pk=photo_id).first()
    if photo is None:
        raise NotFound()
    feedback = photo.feedback
    if feedback.is_published and feedback.photos_public:
        return PhotoAccess(photo, is_public=True)
    # Compare in constant time: the token is the only key a writer has.
    if token and secrets.compare_digest(token.encode(), feedback.tracking_token.encode()):
        return PhotoAccess(photo, is_public=False)
    if can(actor, Action.VIEW, feedback):
        return PhotoAccess(photo, is_public=False)
    raise NotFound()
