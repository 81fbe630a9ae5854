from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lampio.tenancy import selectors
from lampio.tenancy.permissions import has_any_role

SESSION_KEY = "lampio_municipality"


def current_municipality(request: HttpRequest) -> dict[str, Any]:
    """The city the person picked (kept in the session) and whether to show the staff link."""
    slug = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return {
        "current_municipality": selectors.municipality_by_slug(slug) if slug else None,
        "show_staff_link": request.user.is_authenticated and has_any_role(request.user),
    }
