"""The actors and expected answers the permission matrix is written in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ANON, RESIDENT, OTHER_STAFF, OWN_STAFF = "anonymous", "resident", "staff of A on B", "staff of B"


@dataclass(frozen=True)
class Case:
    expected: dict[str, int]
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)


def everyone(status: int) -> dict[str, int]:
    return {ANON: status, RESIDENT: status, OTHER_STAFF: status, OWN_STAFF: status}


LOGIN_REQUIRED = {ANON: 302, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}
STAFF_OF_B_ONLY = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 200}
STAFF_OF_B_POST = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 302}
