"""Loads the demo's feedback (feedback_data.py) through the services residents and staff use.

Idempotent by natural keys: `set_up_feedback` keeps what exists, a category's routing is set only
while it has none, a reply template is found by (organisation, Finnish name), the demo Open311
client by its key's hash, and messages are added only to a municipality that has none yet.

Messages are sent with `submit_feedback` and handled with the staff services (by a member of the
answering organisation who may handle it), then moved back in time: a message sent N days ago
has its due date counted from then, and its handling a little after, so some are overdue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F as Field
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.multilingual import set_translated
from lampio.core.workdays import working_days_deadline
from lampio.demo.feedback_data import (
    CITIES,
    DEMO_OPEN311_CLIENT,
    DEMO_OPEN311_KEY,
    MESSAGES,
    REPLY_TEMPLATES,
    DemoFeedback,
)
from lampio.feedback.models import (
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackState,
    Identity,
    Open311Client,
    ReplyTemplate,
    hash_api_key,
)
from lampio.feedback.routing import Subject
from lampio.feedback.services import handling
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.services.submission import FeedbackDraft, submit_feedback
from lampio.offerings.models import Occurrence, Offering
from lampio.spaces.models import Space, Venue
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, role_ids_allowing


@dataclass
class FeedbackLoad:
    jurisdictions: int = 0
    messages: int = 0


def load_feedback(*, organisations: Mapping[tuple[str, str], Organisation]) -> FeedbackLoad:
    loaded = FeedbackLoad()
    now = timezone.now()
    for city, (desk_slug, open311_id, routes) in CITIES.items():
        desk = organisations.get((city, desk_slug))
        if desk is None:
            continue
        municipality = desk.municipality
        set_up_feedback(
            municipality=municipality, fallback_organisation=desk, open311_id=open311_id
        )
        loaded.jurisdictions += 1
        for code, slug in routes.items():
            if (organisation := organisations.get((city, slug))) is not None:
                FeedbackCategory.objects.filter(
                    municipality=municipality, code=code, organisation__isnull=True
                ).update(organisation=organisation)
        _reply_templates(desk)
        if not Feedback.objects.filter(municipality=municipality).exists():
            for number, spec in enumerate(MESSAGES):
                if spec.city == city:
                    _send_and_handle(spec, number, municipality, now)
                    loaded.messages += 1
    Open311Client.objects.get_or_create(
        key_hash=hash_api_key(DEMO_OPEN311_KEY),
        defaults={"name": DEMO_OPEN311_CLIENT, "key_prefix": DEMO_OPEN311_KEY[:8]},
    )
    return loaded


def _reply_templates(organisation: Organisation) -> None:
    for name, body in REPLY_TEMPLATES:
        template = ReplyTemplate.objects.filter(
            organisation=organisation, name_fi=name.fi
        ).first() or ReplyTemplate(organisation=organisation)
        set_translated(template, "name", name)
        set_translated(template, "body", body)
        template.save()


def _subject(municipality: Municipality, about: tuple[str, ...]) -> Subject:
    """What the message is about, found by natural key; missing demo data makes it general."""
    if not about:
        return Subject()
    kind, key, *rest = about
    if kind == "venue":
        venues = Venue.objects.filter(organisation__municipality=municipality, slug=key)
        return Subject(venue=venues.first())
    if kind == "space":
        spaces = Space.objects.filter(
            venue__organisation__municipality=municipality, venue__slug=key, slug=rest[0]
        )
        return Subject(space=spaces.first())
    offering = (
        Offering.objects.filter(organisation__municipality=municipality, title_fi__startswith=key)
        .order_by("pk")
        .first()
    )
    if kind == "session" and offering is not None:
        occurrence = Occurrence.objects.filter(offering=offering).order_by("starts_at").first()
        if occurrence is not None:
            return Subject(occurrence=occurrence)
    return Subject(offering=offering)


def _draft(spec: DemoFeedback, number: int, municipality: Municipality) -> FeedbackDraft:
    identity = Identity.ANONYMOUS
    if spec.name:
        identity = Identity.NAMED
    elif spec.pseudonym:
        identity = Identity.PSEUDONYM
    return FeedbackDraft(
        category=FeedbackCategory.objects.get(municipality=municipality, code=spec.category),
        text=spec.text,
        language=spec.language,
        identity=identity,
        pseudonym=spec.pseudonym,
        # Named writers leave a phone number, never an email: the demo sends no messages.
        contact_name=spec.name,
        contact_phone=f"040 555 {number:04d}" if spec.name else "",
        wants_contact=bool(spec.name),
        wants_public=spec.wants_public,
        subject=_subject(municipality, spec.about),
    )


def _handler(feedback: Feedback) -> User | None:
    """A member of the answering organisation who may handle feedback (the demo's staff)."""
    return (
        User.objects.filter(
            memberships__organisation_id=feedback.organisation_id,
            memberships__role__in=role_ids_allowing(Action.MANAGE),
        )
        .order_by("pk")
        .first()
    )


def _send_and_handle(
    spec: DemoFeedback, number: int, municipality: Municipality, now: datetime
) -> None:
    draft = _draft(spec, number, municipality)
    feedback = submit_feedback(actor=None, municipality=municipality, draft=draft)
    sent = now - timedelta(days=spec.age_days)
    Feedback.objects.filter(pk=feedback.pk).update(
        submitted_at=sent, due_at=working_days_deadline(sent, draft.category.response_days)
    )
    FeedbackEvent.objects.filter(feedback=feedback).update(created_at=sent)
    actor = _handler(feedback)
    if spec.outcome == "new" or actor is None:
        return
    feedback.refresh_from_db()
    _handle(spec, feedback, actor)
    # Staff acted a while after the message came (within the day for recent ones).
    handled = sent + timedelta(days=min(1.0, spec.age_days / 2))
    offset = handled - timezone.now()
    FeedbackEvent.objects.filter(feedback=feedback).exclude(kind=EventKind.SUBMITTED).update(
        created_at=Field("created_at") + offset
    )
    Feedback.objects.filter(pk=feedback.pk, answered_at__isnull=False).update(
        answered_at=Field("answered_at") + offset
    )
    Feedback.objects.filter(pk=feedback.pk, closed_at__isnull=False).update(
        closed_at=Field("closed_at") + offset
    )


def _handle(spec: DemoFeedback, feedback: Feedback, actor: User) -> None:
    if spec.outcome == "progress":
        handling.assign_feedback(actor=actor, feedback=feedback, assignee=actor)
        in_progress = FeedbackState.objects.filter(
            municipality_id=feedback.municipality_id, slug="in-progress"
        ).first()
        if in_progress is not None:
            handling.change_state(actor=actor, feedback=feedback, state=in_progress)
        if spec.note:
            handling.add_note(actor=actor, feedback=feedback, text=spec.note)
        return
    handling.reply_to_feedback(actor=actor, feedback=feedback, text=spec.reply)
    if spec.outcome == "closed":
        handling.close_feedback(actor=actor, feedback=feedback)
    elif spec.outcome == "published":
        handling.publish_feedback(
            actor=actor,
            feedback=feedback,
            public_text=spec.public_text or spec.text,
            photos_public=False,
        )
