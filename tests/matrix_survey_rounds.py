"""Permission-matrix entries of survey_rounds (test_permission_matrix).

`objects(organisation)` gives B's objects as URL keyword arguments."""

from __future__ import annotations

from typing import Any

from tests.matrix_cases import Case

PAGES: dict[str, Case] = {}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    return {}
