"""Unsubscribe links: a signed token for the person, so the link works without logging in.

The token never expires: an old reminder's link must still work. It only ever turns messages
off, so a leaked link can do no more than that.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "lampio.notifications.unsubscribe"


def unsubscribe_token(person_id: int) -> str:
    return signing.dumps(person_id, salt=SALT, compress=True)


def person_id_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def unsubscribe_url(person_id: int, language: str) -> str:
    """The absolute address of the person's unsubscribe page in `language`."""
    with translation.override(language):
        path = reverse(
            "notifications:unsubscribe", kwargs={"unsubscribe_token": unsubscribe_token(person_id)}
        )
    site = getattr(settings, "LAMPIO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{site}{path}"
