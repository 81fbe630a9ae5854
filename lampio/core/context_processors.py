from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from lampio.core.preferences import read_display_preferences


def display_preferences(request: HttpRequest) -> dict[str, Any]:
    return {
        "display": read_display_preferences(request),
        "demo_mode": settings.LAMPIO_DEMO,
    }
