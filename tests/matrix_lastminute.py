"""Permission-matrix entries of the lastminute routes (see test_permission_matrix)."""

from __future__ import annotations

from typing import Any

from tests.matrix_cases import Case

PAGES: dict[str, Case] = {}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    return {}
