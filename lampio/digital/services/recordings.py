"""Recordings of online offerings, added by their provider to be watched later.

Captions are required (WCAG 1.2.2): every recording has a WebVTT file, checked by
`webvtt.clean_webvtt` and stored under a random name. Writes check
`can(actor, Action.PUBLISH, offering)` (others' offerings are not found) and run inside
`set_actor(actor)`, so django-auditlog records who added, changed or removed each recording.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput
from lampio.core.images import removed_if_not_saved
from lampio.digital.models import CaptionLanguage, Recording
from lampio.digital.webvtt import clean_webvtt
from lampio.offerings.models import Occurrence, Offering
from lampio.offerings.services.catalogue import require_publisher

TRANSCRIPT_MAX_LENGTH = 100_000

__all__ = ["RecordingDetails", "add_recording", "remove_recording", "update_recording"]


@dataclass(frozen=True)
class RecordingDetails:
    offering: Offering
    video_url: str
    captions_language: str = CaptionLanguage.FINNISH
    occurrence: Occurrence | None = None
    transcript: str = ""
    is_published: bool = True
    available_until: datetime | None = None


def _check(details: RecordingDetails) -> None:
    if not details.offering.is_online:
        raise InvalidInput(_("Recordings can be added to online offerings only."), field="offering")
    occurrence = details.occurrence
    if occurrence is not None and occurrence.offering_id != details.offering.pk:
        raise InvalidInput(_("Choose a time of the same offering."), field="occurrence")
    if not details.video_url.startswith(("https://", "http://")):
        raise InvalidInput(_("Give the web address of the video."), field="video_url")
    if details.captions_language not in CaptionLanguage.values:
        raise InvalidInput(_("Choose the language of the captions."), field="captions_language")
    if len(details.transcript) > TRANSCRIPT_MAX_LENGTH:
        raise InvalidInput(
            _("Keep the transcript under %(count)d characters.") % {"count": TRANSCRIPT_MAX_LENGTH},
            field="transcript",
        )


def _apply(recording: Recording, details: RecordingDetails) -> None:
    recording.offering = details.offering
    recording.occurrence = details.occurrence
    recording.video_url = details.video_url.strip()
    recording.captions_language = details.captions_language
    recording.transcript = details.transcript.strip()
    recording.is_published = details.is_published
    recording.available_until = details.available_until


def _attach_captions(recording: Recording, text: str) -> None:
    """Store the checked captions as UTF-8 without a byte-order mark, under a random name."""
    recording.captions.save(
        f"{uuid.uuid4().hex}.vtt", ContentFile(text.encode("utf-8")), save=False
    )


def add_recording(*, actor: User, details: RecordingDetails, captions: bytes) -> Recording:
    """A new recording of `details.offering`, with its captions."""
    require_publisher(actor, details.offering)
    _check(details)
    text = clean_webvtt(captions)
    recording = Recording()
    _apply(recording, details)
    with removed_if_not_saved(recording.captions), transaction.atomic(), set_actor(actor):
        _attach_captions(recording, text)
        recording.save()
    return recording


def update_recording(
    *, actor: User, recording: Recording, details: RecordingDetails, captions: bytes | None = None
) -> Recording:
    """Change a recording; new captions replace the old file once the change is durable."""
    require_publisher(actor, recording.offering)
    require_publisher(actor, details.offering)
    _check(details)
    text = clean_webvtt(captions) if captions is not None else None
    old_name = recording.captions.name
    storage = recording.captions.storage
    _apply(recording, details)
    if text is None:
        with transaction.atomic(), set_actor(actor):
            recording.save()
        return recording
    with removed_if_not_saved(recording.captions), transaction.atomic(), set_actor(actor):
        _attach_captions(recording, text)
        recording.save()
        if old_name:
            transaction.on_commit(lambda: storage.delete(old_name))
    return recording


def remove_recording(*, actor: User, recording: Recording) -> None:
    """Delete the recording, and its captions file once the deletion is durable."""
    require_publisher(actor, recording.offering)
    storage, name = recording.captions.storage, recording.captions.name
    with transaction.atomic(), set_actor(actor):
        recording.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))
