"""A resident (or an Open311 client) sends feedback: validated, cleaned, routed, receipted."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.errors import InvalidInput
from lampio.core.images import attach_photo, clean_photo, photo_location, removed_if_not_saved
from lampio.core.workdays import working_days_deadline
from lampio.feedback import tasks
from lampio.feedback.models import (
    MAX_TEXT_LENGTH,
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackPhoto,
    FeedbackState,
    Identity,
    Source,
)
from lampio.feedback.models.staff import Open311Client
from lampio.feedback.routing import Subject, answering_organisation, jurisdiction_of
from lampio.feedback.text import plain
from lampio.tenancy.models import Municipality

MAX_PHOTOS = 3
MIN_TEXT_LENGTH = 5


@dataclass(frozen=True)
class PhotoUpload:
    file: IO[bytes]
    size: int | None = None
    description: str = ""


@dataclass(frozen=True)
class FeedbackDraft:
    """What the writer typed, as the form or the Open311 request gave it."""

    category: FeedbackCategory
    text: str
    identity: str = Identity.ANONYMOUS
    pseudonym: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    wants_contact: bool = False
    wants_public: bool = False
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    address: str = ""
    language: str = "fi"
    subject: Subject = field(default_factory=Subject)


def _checked_text(draft: FeedbackDraft) -> str:
    text = plain(draft.text)
    if len(text) < MIN_TEXT_LENGTH:
        raise InvalidInput(_("Write a few words about your feedback."), field="text")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidInput(
            _("The feedback is too long: at most %(count)d characters.")
            % {"count": MAX_TEXT_LENGTH},
            field="text",
        )
    return text


def _check_category(category: FeedbackCategory, municipality: Municipality) -> None:
    if category.municipality_id != municipality.pk or not category.is_active:
        raise InvalidInput(_("Choose a category from the list."), field="category")


def _initial_state(municipality: Municipality) -> FeedbackState:
    state = FeedbackState.objects.filter(municipality=municipality, is_initial=True).first()
    if state is None:
        raise InvalidInput(_("This municipality does not take feedback here yet."))
    return state


def _who(draft: FeedbackDraft, actor: User | None) -> dict[str, object]:
    """The writer's details as the chosen identity allows: anonymous keeps none of them."""
    if draft.identity == Identity.ANONYMOUS:
        return {"identity": Identity.ANONYMOUS}
    if draft.identity == Identity.PSEUDONYM and not plain(draft.pseudonym):
        raise InvalidInput(_("Write the pseudonym you want to use."), field="pseudonym")
    email = draft.contact_email.strip() or (actor.email if actor and actor.email else "")
    phone = draft.contact_phone.strip() or (actor.phone if actor and actor.phone else "")
    if draft.wants_contact and not (email or phone):
        raise InvalidInput(
            _("Give an email address or a phone number so that we can contact you."),
            field="contact_email",
        )
    return {
        "identity": draft.identity,
        "pseudonym": plain(draft.pseudonym)[:60] if draft.identity == Identity.PSEUDONYM else "",
        "author": actor,
        "contact_name": plain(draft.contact_name)[:120],
        "contact_email": email,
        "contact_phone": phone,
        "wants_contact": draft.wants_contact,
    }


def _subject_fields(draft: FeedbackDraft, actor: User | None) -> dict[str, object]:
    subject = draft.subject
    booking = subject.booking
    if booking is not None and (
        draft.identity == Identity.ANONYMOUS or actor is None or booking.booker_id != actor.pk
    ):
        # A booking names its booker: anonymous feedback (or someone else's) is about the space.
        return {"space": booking.space}
    return {
        "venue": subject.venue,
        "space": subject.space,
        "booking": booking,
        "offering": subject.offering,
        "occurrence": subject.occurrence,
    }


def _read_photos(
    photos: Sequence[PhotoUpload], *, share_location: bool
) -> tuple[list[tuple[bytes, str, str]], tuple[float, float] | None]:
    if len(photos) > MAX_PHOTOS:
        raise InvalidInput(
            _("Attach at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    cleaned: list[tuple[bytes, str, str]] = []
    location: tuple[float, float] | None = None
    for photo in photos:
        original = photo.file.read()
        try:
            content, extension = clean_photo(io.BytesIO(original), size=photo.size)
        except InvalidInput as error:
            raise InvalidInput(error.message, field="photos") from error
        if share_location and location is None:
            location = photo_location(original)
        cleaned.append((content, extension, plain(photo.description)[:200]))
    return cleaned, location


def submit_feedback(
    *,
    actor: User | None,
    municipality: Municipality,
    draft: FeedbackDraft,
    photos: Sequence[PhotoUpload] = (),
    share_photo_location: bool = False,
    source: str = Source.WEB,
    client: Open311Client | None = None,
) -> Feedback:
    """Store a message with its photos, route it to the answering organisation, send a receipt.

    Nothing is stored unless all of it is valid, so a refused photo never leaves half a message.
    """
    if actor is not None and not actor.is_authenticated:
        actor = None
    _check_category(draft.category, municipality)
    text = _checked_text(draft)
    who = _who(draft, actor)
    jurisdiction = jurisdiction_of(municipality)
    cleaned_photos, photo_place = _read_photos(photos, share_location=share_photo_location)
    latitude, longitude = draft.latitude, draft.longitude
    if (latitude is None or longitude is None) and photo_place is not None:
        latitude, longitude = (Decimal(str(value)) for value in photo_place)
    now = timezone.now()
    with transaction.atomic():
        feedback = Feedback(
            municipality=municipality,
            organisation=answering_organisation(
                jurisdiction=jurisdiction, category=draft.category, subject=draft.subject
            ),
            category=draft.category,
            state=_initial_state(municipality),
            text=text,
            language=draft.language if draft.language in {"fi", "sv", "en"} else "fi",
            latitude=latitude,
            longitude=longitude,
            address=plain(draft.address)[:200],
            wants_public=draft.wants_public,
            source=source,
            client=client,
            submitted_at=now,
            due_at=working_days_deadline(now, draft.category.response_days),
            **who,
            **_subject_fields(draft, actor),
        )
        feedback.save()
        for position, (content, extension, description) in enumerate(cleaned_photos):
            photo = FeedbackPhoto(feedback=feedback, position=position, description=description)
            attach_photo(photo.image, content, extension)
            with removed_if_not_saved(photo.image):
                photo.save()
        FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.SUBMITTED, created_at=now)
        if feedback.contact_email:
            transaction.on_commit(lambda: tasks.send_receipt.enqueue(feedback.pk))
    return feedback
