"""Finnish business IDs (Y-tunnus): seven digits, a hyphen and a check digit."""

from __future__ import annotations

import re

PATTERN = re.compile(r"^(\d{6,7})-(\d)$")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def normalised_business_id(value: str) -> str | None:
    """The ID in its canonical form (a lost leading zero restored), or None when invalid."""
    match = PATTERN.match(value.strip())
    if not match:
        return None
    digits, check = match.group(1).zfill(7), int(match.group(2))
    remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    expected = 0 if remainder == 0 else 11 - remainder
    return f"{digits}-{check}" if expected == check else None
