"""Permission-matrix entries of the privacy pages (see test_permission_matrix): the public
retention register is open to everyone, like the privacy notice."""

from __future__ import annotations

from tests.matrix_cases import Case, everyone

PAGES: dict[str, Case] = {
    "core:retention": Case(everyone(200)),
}
API: dict[tuple[str, str], Case] = {}
