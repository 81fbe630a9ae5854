from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from lampio.core.preferences import read_display_preferences


def display_preferences(request: HttpRequest) -> dict[str, Any]:
    display = read_display_preferences(request)
    # Calm view: on by default on the senior pages, or everywhere if the person chose so.
    calm_view = display.calm_on(request.path)
    return {
        "display": display,
        "calm_view": calm_view,
        # The <html> classes under their own name: some views use "display" for other things.
        "display_classes": f"{display.css_classes} calm" if calm_view else display.css_classes,
        "demo_mode": settings.LAMPIO_DEMO,
    }
