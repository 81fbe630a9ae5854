"""Signed survey links: a personal invitation after one visit, or an open link on a poster.

A link carries only what the answer needs to be counted in the right place: the organisation,
the venue, the context and, for an invitation, an opaque key and the last day to answer. The
key is a keyed hash of the booking, enrolment, order or session seat, so the link itself does
not name the visit; the server stores a second keyed hash of it (UsedInvitation) so that one
invitation answers once. The two kinds of link are signed with different salts, so a poster's
link can never pass as an invitation or the other way round.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core import signing
from django.utils import timezone
from django.utils.crypto import salted_hmac

from lampio.core.errors import NotFound
from lampio.surveys.models import Context

INVITATION_SALT = "lampio.surveys.invitation"
VISIT_LINK_SALT = "lampio.surveys.visit-link"
KEY_SALT = "lampio.surveys.invitation-key"
USED_SALT = "lampio.surveys.used-invitation"
# Long enough to answer after a weekend trip or a holiday, short enough to remember the visit.
ANSWER_DAYS = 30


@dataclass(frozen=True)
class Invitation:
    organisation_id: int
    venue_id: int | None
    context: str
    key: str = ""  # blank for an open visit link: those have no one-answer rule
    last_day: date | None = None  # the last day to answer; None for an open link

    @property
    def is_personal(self) -> bool:
        return bool(self.key)

    def expired(self, today: date) -> bool:
        return self.last_day is not None and today > self.last_day


def visit_key(kind: str, *parts: object) -> str:
    """The opaque key of one visit: who holds the link cannot read the booking's number."""
    text = ":".join([kind, *(str(part) for part in parts)])
    return salted_hmac(KEY_SALT, text, algorithm="sha256").hexdigest()[:32]


def anonymous_key() -> str:
    """A key for a visitor we cannot tell apart (a drop-in session watched without an account):
    each link shown answers once, which is the most that can be promised without an account."""
    return secrets.token_hex(16)


def used_hash(key: str) -> str:
    """What the database keeps of an answered invitation (64 hex characters)."""
    return salted_hmac(USED_SALT, key, algorithm="sha256").hexdigest()


def last_day_after(ended_at: datetime) -> date:
    return timezone.localdate(ended_at) + timedelta(days=ANSWER_DAYS)


def invitation_token(invitation: Invitation) -> str:
    if not invitation.key or invitation.last_day is None:
        raise ValueError("an invitation needs a key and a last day")
    payload = {
        "o": invitation.organisation_id,
        "v": invitation.venue_id,
        "c": invitation.context,
        "k": invitation.key,
        "u": invitation.last_day.isoformat(),
    }
    return signing.Signer(salt=INVITATION_SALT).sign_object(payload, compress=True)


def visit_link_token(*, organisation_id: int, venue_id: int | None) -> str:
    """Stable for a venue (no timestamp), so a printed poster keeps working."""
    payload = {"o": organisation_id, "v": venue_id}
    return signing.Signer(salt=VISIT_LINK_SALT).sign_object(payload, compress=True)


def _unsigned(token: str, salt: str) -> dict[str, Any]:
    try:
        payload = signing.Signer(salt=salt).unsign_object(token)
    except (signing.BadSignature, ValueError) as error:
        raise NotFound() from error
    if not isinstance(payload, dict) or not isinstance(payload.get("o"), int):
        raise NotFound()
    venue = payload.get("v")
    if venue is not None and not isinstance(venue, int):
        raise NotFound()
    return payload


def invitation_from_token(token: str) -> Invitation:
    payload = _unsigned(token, INVITATION_SALT)
    try:
        last_day = date.fromisoformat(str(payload["u"]))
        context = Context(payload["c"])
    except (KeyError, ValueError) as error:
        raise NotFound() from error
    key = payload.get("k")
    if not isinstance(key, str) or not key:
        raise NotFound()
    return Invitation(payload["o"], payload.get("v"), context.value, key, last_day)


def visit_link_from_token(token: str) -> Invitation:
    payload = _unsigned(token, VISIT_LINK_SALT)
    return Invitation(payload["o"], payload.get("v"), Context.VISIT.value)
