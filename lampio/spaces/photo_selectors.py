"""Reads on the photos of a space, for the staff pages of the owning organisation.

The space passed in has already been found through `selectors.managed_space`, so a photo is
found only under a space the actor may manage; a photo of another space answers NotFound.
"""

from __future__ import annotations

from django.db.models import QuerySet

from lampio.core.errors import NotFound
from lampio.spaces.models import Space, SpacePhoto


def photos_of(*, space: Space) -> QuerySet[SpacePhoto]:
    return SpacePhoto.objects.filter(space=space).order_by("position", "pk")


def photo_of(*, space: Space, photo_id: int) -> SpacePhoto:
    photo = (
        SpacePhoto.objects.filter(space=space, pk=photo_id).select_related("space__venue").first()
    )
    if photo is None:
        raise NotFound()
    return photo
