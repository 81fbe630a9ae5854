"""The door-check API: door controllers of a local door system ask whether a code opens.

A controller authenticates with its organisation's controller key (`X-Door-Key`), made on the
staff access page. Wrong codes are counted per door and per client, so codes cannot be
guessed: a few wrong ones a minute and the door gets 429 until the minute has passed. The
answer never says whose booking it is.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.core import get_usage
from ninja import Field, Router, Schema

from lampio.accounts.api import Problem
from lampio.bookings.access import code_window
from lampio.bookings.access_services import door_system_for_key
from lampio.bookings.doors import LocalDoorSystem
from lampio.bookings.models import DoorSystem, DoorSystemKind
from lampio.core.errors import DomainError, PermissionDenied, RateLimited
from lampio.core.timeranges import LOCAL_ZONE

router = Router(tags=["doors"])

KEY_HEADER = "X-Door-Key"
# Wrong codes allowed per minute, per door and per client address; right codes are not
# counted, so a busy door is never slowed down by the people who have a code.
WRONG_CODES_PER_DOOR = "5/m"
WRONG_CODES_PER_CLIENT = "10/m"
# All checks per client, whatever the answer, as a bound on load.
CHECKS_PER_CLIENT = "120/m"


class BadDoorKey(DomainError):
    status = 401
    code = "bad_door_key"
    default_message = gettext_lazy("The door controller key is missing or not valid.")


class DoorCheckIn(Schema):
    door: str = Field(max_length=100, description="The door's identifier, as set on the space")
    code: str = Field(max_length=32, description="The code typed on the keypad")
    at: datetime | None = Field(None, description="When (ISO 8601 with offset); now when left out")


class DoorCheckOut(Schema):
    opens: bool
    valid_until: datetime | None = Field(
        None, description="When the code stops opening this door (Helsinki time)"
    )


def _door_system(request: HttpRequest) -> DoorSystem:
    door_system = door_system_for_key(request.headers.get(KEY_HEADER, ""))
    if door_system is None:
        raise BadDoorKey()
    if door_system.kind != DoorSystemKind.LOCAL:
        raise PermissionDenied(_("This organisation's doors are told by their lock vendor."))
    return door_system


def _count(request: HttpRequest, *, key: str, rate: str, increment: bool) -> bool:
    """Count (or just read) `key` against `rate`; True when the limit is used up."""
    usage = get_usage(
        request, group="door-check", key=lambda _g, _r: key, rate=rate, increment=increment
    )
    if usage is None:
        return False
    # Reading without counting: a limit of 5 stops the 6th attempt, not the 7th.
    return bool(usage["should_limit"] if increment else usage["count"] >= usage["limit"])


@router.post(
    "/doors/check",
    auth=None,
    response={200: DoorCheckOut, 400: Problem, 401: Problem, 403: Problem, 429: Problem},
    summary="Door controllers: would this code open this door now?",
    description=(
        f"For door controllers of a local door system, with the `{KEY_HEADER}` header. "
        f"After {WRONG_CODES_PER_DOOR} wrong codes per door (or {WRONG_CODES_PER_CLIENT} per "
        "client) the answer is 429 until the minute has passed."
    ),
)
def check_code(request: HttpRequest, payload: DoorCheckIn) -> dict[str, Any]:
    door_system = _door_system(request)
    client = f"door-client:{door_system.pk}:{request.META.get('REMOTE_ADDR', '')}"
    door = f"door:{door_system.pk}:{payload.door.strip()}"
    if (
        _count(request, key=f"{client}:all", rate=CHECKS_PER_CLIENT, increment=True)
        or _count(request, key=f"{door}:wrong", rate=WRONG_CODES_PER_DOOR, increment=False)
        or _count(request, key=f"{client}:wrong", rate=WRONG_CODES_PER_CLIENT, increment=False)
    ):
        raise RateLimited()
    at = payload.at or timezone.now()
    booking = LocalDoorSystem(door_system.organisation_id).opening_booking(
        payload.door, payload.code, at
    )
    if booking is None:
        _count(request, key=f"{door}:wrong", rate=WRONG_CODES_PER_DOOR, increment=True)
        _count(request, key=f"{client}:wrong", rate=WRONG_CODES_PER_CLIENT, increment=True)
        return {"opens": False, "valid_until": None}
    window = code_window(booking)
    return {
        "opens": True,
        "valid_until": window.end.astimezone(LOCAL_ZONE) if window else None,
    }
