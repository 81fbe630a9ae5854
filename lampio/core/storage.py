"""Private files: kept outside MEDIA_ROOT, so nothing serves them except a view that checks
who may read them (e.g. the captions of a paid recording)."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under LAMPIO_PRIVATE_MEDIA_ROOT, read from the setting at each use (tests move it)."""

    @property
    def base_location(self) -> str:
        return str(settings.LAMPIO_PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("A private file has no public address: serve it through a view.")


def private_storage() -> PrivateStorage:
    """The storage of private files (a callable, so migrations do not record a path)."""
    return PrivateStorage()
