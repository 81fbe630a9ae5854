"""Photos of spaces, uploaded and ordered by the staff of the owning organisation.

An upload is never stored as it came: `core.images.clean_photo` re-encodes it without metadata.
Stored names are random, so nothing of the uploader's file name is kept either.

Writes check `can(actor, Action.MANAGE, space)` and run inside `set_actor(actor)`, so
django-auditlog records who added, described, moved or removed each photo.
"""

from __future__ import annotations

from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.images import attach_photo, clean_photo, next_position, removed_if_not_saved
from lampio.core.locking import lock_rows
from lampio.core.multilingual import LANGUAGES, Translated, set_translated
from lampio.spaces.models import Space, SpacePhoto
from lampio.tenancy.permissions import Action, can

MAX_PHOTOS_PER_SPACE = 30
ALT_TEXT_MAX_LENGTH = 250


def _require_manage(actor: User, space: Space) -> None:
    if not can(actor, Action.MANAGE, space):
        raise PermissionDenied()


def _check_alt_text(alt_text: Translated) -> None:
    if not alt_text.fi.strip():
        raise InvalidInput(
            _("Describe in Finnish what the photo shows, for people who cannot see it."),
            field="alt_text_fi",
        )
    for language in LANGUAGES:
        if len(getattr(alt_text, language).strip()) > ALT_TEXT_MAX_LENGTH:
            raise InvalidInput(
                _("Keep the description under %(count)d characters.")
                % {"count": ALT_TEXT_MAX_LENGTH},
                field=f"alt_text_{language}",
            )


# --- Use cases ---------------------------------------------------------------------------------


def add_space_photo(
    *, actor: User, space: Space, upload: IO[bytes], alt_text: Translated, size: int | None = None
) -> SpacePhoto:
    """Check, clean and store a photo as the last of the space's photos.

    The file is written before the row; if the row is not saved after all, the file is removed.
    """
    _require_manage(actor, space)
    _check_alt_text(alt_text)
    content, extension = clean_photo(upload, size=size)
    photo = SpacePhoto(space=space)
    set_translated(photo, "alt_text", alt_text)
    with removed_if_not_saved(photo.image), transaction.atomic(), set_actor(actor):
        # Lock the space so that two uploads at once get different positions.
        lock_rows(Space.objects.filter(pk=space.pk))
        photo.position = next_position(
            SpacePhoto.objects.filter(space=space),
            limit=MAX_PHOTOS_PER_SPACE,
            too_many=_("A space can have at most %(count)d photos. Remove one first.")
            % {"count": MAX_PHOTOS_PER_SPACE},
        )
        attach_photo(photo.image, content, extension)
        photo.save()
    return photo


def update_space_photo(*, actor: User, photo: SpacePhoto, alt_text: Translated) -> SpacePhoto:
    _require_manage(actor, photo.space)
    _check_alt_text(alt_text)
    with transaction.atomic(), set_actor(actor):
        locked = SpacePhoto.objects.select_for_update().get(pk=photo.pk)
        set_translated(locked, "alt_text", alt_text)
        locked.save()
    return locked


def remove_space_photo(*, actor: User, photo: SpacePhoto) -> None:
    """Delete the photo, and its file once the deletion is durable."""
    _require_manage(actor, photo.space)
    storage, name = photo.image.storage, photo.image.name
    with transaction.atomic(), set_actor(actor):
        photo.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))


def move_space_photo(*, actor: User, photo: SpacePhoto, offset: int) -> None:
    """Move the photo `offset` places earlier (negative) or later (positive) in the order.

    Positions are renumbered 0, 1, 2… on the way, so gaps and ties left by removals or by the
    admin do not make a move do nothing. Only rows whose position changes are saved (and logged).
    """
    _require_manage(actor, photo.space)
    with transaction.atomic(), set_actor(actor):
        lock_rows(Space.objects.filter(pk=photo.space_id))
        photos = list(
            SpacePhoto.objects.filter(space_id=photo.space_id).select_related("space__venue")
        )
        index = next((i for i, other in enumerate(photos) if other.pk == photo.pk), None)
        if index is None:
            return  # removed meanwhile: nothing to move
        target = min(max(index + offset, 0), len(photos) - 1)
        photos.insert(target, photos.pop(index))
        for position, other in enumerate(photos):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])
