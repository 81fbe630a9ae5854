"""Writes of the learning around a pilot: its documents and links, the lessons its organisations
learned, and the open network webinars that share them. Every write is audited.

Uploaded files go to private storage (outside MEDIA_ROOT, which may be served publicly): the
only way to read one is the staff download view, which checks who asks.
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.capability.models import Lesson, Pilot, PilotDocument, Webinar
from lampio.capability.models.pilots import DocumentKind
from lampio.capability.selectors.pilots import (
    contributing_organisations,
    may_contribute,
    may_edit_lesson,
    may_edit_pilot,
)
from lampio.capability.services.pilots import MAX_TEXT, MAX_TITLE, clean
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotAuthenticated, PermissionDenied
from lampio.core.storage import private_storage
from lampio.offerings.models import Offering, OfferingStatus
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Extension → the content type it is served with.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}
OOXML = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
LESSON_LANGUAGES = ("fi", "sv", "en")


def _signed_in(actor: User) -> None:
    if not actor.is_authenticated:
        raise NotAuthenticated()


def _checked_url(url: str, *, field: str = "url") -> str:
    url = (url or "").strip()
    if not url:
        return ""
    if not url.lower().startswith(("https://", "http://")) or len(url) > 500:
        raise InvalidInput(
            _("Give a web address that starts with https:// or http://."), field=field
        )
    return url


# --- Files --------------------------------------------------------------------------------------


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def _zip_names(head: IO[bytes]) -> tuple[list[str], bytes]:
    """The entries of a zip container and its `mimetype` entry (OpenDocument), or refuse."""
    try:
        with zipfile.ZipFile(head) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        raise InvalidInput(
            _("The file is damaged or not what its name says."), field="file"
        ) from error
    return names, mimetype


def check_upload(upload: UploadedFile) -> str:
    """The file's extension, once its name, size and first bytes agree on an allowed type.

    The browser's content type is not trusted: the bytes are. Office files are zip containers,
    so their inner layout is checked too (OOXML parts, the OpenDocument mimetype entry)."""
    extension = extension_of(upload.name or "")
    if extension not in ALLOWED_TYPES:
        raise InvalidInput(
            _("Upload a PDF, Word, OpenDocument, PowerPoint, Excel, text or Markdown file."),
            field="file",
        )
    if not upload.size:
        raise InvalidInput(_("The file is empty."), field="file")
    if upload.size > MAX_UPLOAD_BYTES:
        raise InvalidInput(_("The file is too large: at most 20 MB."), field="file")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        valid = head.startswith(b"%PDF-")
    elif extension in ("txt", "md"):
        body = upload.read()
        upload.seek(0)
        try:
            body.decode("utf-8")
            valid = b"\x00" not in body
        except UnicodeDecodeError:
            valid = False
    else:
        valid = head.startswith(b"PK\x03\x04")
        if valid:
            names, mimetype = _zip_names(upload)
            upload.seek(0)
            if extension in OOXML:
                valid = "[Content_Types].xml" in names and any(
                    name.startswith(OOXML[extension]) for name in names
                )
            else:
                valid = mimetype.decode("ascii", "replace").strip() == ALLOWED_TYPES[extension]
    if not valid:
        raise InvalidInput(_("The file is damaged or not what its name says."), field="file")
    return extension


def _store(upload: UploadedFile, extension: str) -> str:
    # A random name: the original one may carry personal data or path tricks.
    name = f"pilots/{timezone.localdate():%Y}/{uuid.uuid4().hex}.{extension}"
    return private_storage().save(name, upload)


def open_document_file(document: PilotDocument) -> IO[bytes]:
    return private_storage().open(document.file.name, "rb")


# --- Documents and links ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentData:
    title: str
    kind: str = DocumentKind.DOCUMENT
    url: str = ""
    upload: UploadedFile | None = None


def add_document(
    *, actor: User, pilot: Pilot, data: DocumentData, webinar: Webinar | None = None
) -> PilotDocument:
    """A link or an uploaded file for the pilot, or material of one of its webinars."""
    _signed_in(actor)
    if webinar is not None:
        if webinar.pilot_id != pilot.pk:
            raise PermissionDenied()
        if not (can(actor, Action.PUBLISH, webinar) or may_edit_pilot(actor, pilot)):
            raise PermissionDenied(_("Only the webinar's organiser may add its materials."))
    elif not may_contribute(actor, pilot):
        raise PermissionDenied(_("Only the pilot's organisations may add documents."))
    title = clean(data.title)
    if not title:
        raise InvalidInput(_("Give the document a title."), field="title")
    if len(title) > MAX_TITLE:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_TITLE},
            field="title",
        )
    if data.kind not in DocumentKind.values:
        raise InvalidInput(_("Choose a kind."), field="kind")
    url = _checked_url(data.url)
    if bool(url) == bool(data.upload):
        raise InvalidInput(_("Give either a web address or a file, not both."), field="url")
    extension = check_upload(data.upload) if data.upload else ""
    with transaction.atomic(), set_actor(actor):
        document = PilotDocument(pilot=pilot, webinar=webinar, kind=data.kind, title=title, url=url)
        if data.upload:
            document.file.name = _store(data.upload, extension)
        document.save()
    return document


# --- Lessons learned ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LessonData:
    what_worked: str
    what_did_not: str
    do_differently: str
    language: str = "fi"


def _lesson_texts(data: LessonData) -> dict[str, str]:
    texts = {}
    for name in ("what_worked", "what_did_not", "do_differently"):
        value = clean(getattr(data, name))
        if not value:
            raise InvalidInput(_("Write a few words here."), field=name)
        if len(value) > MAX_TEXT:
            raise InvalidInput(
                _("The text is too long: at most %(count)d characters.") % {"count": MAX_TEXT},
                field=name,
            )
        texts[name] = value
    if data.language not in LESSON_LANGUAGES:
        raise InvalidInput(_("Choose the language you wrote in."), field="language")
    return texts


def save_lesson(
    *,
    actor: User,
    pilot: Pilot,
    data: LessonData,
    organisation: Organisation | None = None,
    lesson: Lesson | None = None,
) -> Lesson:
    """Write a lesson in the name of the lead or a participating organisation, or change one
    (only the writing organisation's staff, or network admins; the author stays that org)."""
    _signed_in(actor)
    if lesson is None:
        if (
            organisation is None
            or not contributing_organisations(actor, pilot).filter(pk=organisation.pk).exists()
        ):
            raise PermissionDenied(
                _("Lessons are written by staff of the pilot's own organisations."),
                field="organisation",
            )
    else:
        if lesson.pilot_id != pilot.pk:
            raise PermissionDenied()
        if not may_edit_lesson(actor, lesson):
            raise PermissionDenied(_("Only the organisation that wrote the lesson may change it."))
    texts = _lesson_texts(data)
    with transaction.atomic(), set_actor(actor):
        if lesson is None:
            lesson = Lesson(pilot=pilot, organisation=organisation, created_by=actor)
        for name, value in texts.items():
            setattr(lesson, name, value)
        lesson.language = data.language
        lesson.save()
    return lesson


# --- Network webinars ---------------------------------------------------------------------------


def add_webinar(
    *, actor: User, pilot: Pilot, offering: Offering, recording_url: str = ""
) -> Webinar:
    """Make an offering a network webinar of the pilot. The offering keeps its registration,
    capacity and reminders; its organisation must be one where the actor publishes."""
    _signed_in(actor)
    if not may_contribute(actor, pilot):
        raise PermissionDenied(_("Only the pilot's organisations may add webinars."))
    if not can(actor, Action.PUBLISH, offering):
        raise PermissionDenied(
            _("Choose an event of an organisation where you publish events."), field="offering"
        )
    if offering.status == OfferingStatus.CANCELLED:
        raise InvalidInput(_("The event is cancelled."), field="offering")
    url = _checked_url(recording_url, field="recording_url")
    with transaction.atomic(), set_actor(actor):
        if Webinar.objects.select_for_update().filter(offering=offering).exists():
            raise Conflict(_("The event is already a network webinar."), field="offering")
        return Webinar.objects.create(offering=offering, pilot=pilot, recording_url=url)


def save_webinar_recording(*, actor: User, webinar: Webinar, recording_url: str) -> Webinar:
    """The recording's address once the webinar has been held (or empty to take it away)."""
    _signed_in(actor)
    pilot = webinar.pilot
    if not (can(actor, Action.PUBLISH, webinar) or (pilot and may_edit_pilot(actor, pilot))):
        raise PermissionDenied(_("Only the webinar's organiser may change it."))
    url = _checked_url(recording_url, field="recording_url")
    with transaction.atomic(), set_actor(actor):
        webinar.recording_url = url
        webinar.save(update_fields=["recording_url"])
    return webinar
