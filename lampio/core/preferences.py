"""Display preferences (text size, contrast) kept in a cookie so they work without an account."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "lampio_display"
COOKIE_MAX_AGE = 365 * 24 * 3600

TEXT_SIZES = {"normal": _("Normal"), "large": _("Large"), "largest": _("Largest")}
CONTRASTS = {"normal": _("Normal"), "high": _("High contrast")}


@dataclass(frozen=True)
class DisplayPreferences:
    text_size: str = "normal"
    contrast: str = "normal"

    @property
    def css_classes(self) -> str:
        return f"text-{self.text_size} contrast-{self.contrast}"

    def as_cookie(self) -> str:
        return f"{self.text_size}.{self.contrast}"


def read_display_preferences(request: HttpRequest) -> DisplayPreferences:
    """Parse the cookie; anything unknown falls back to the defaults rather than failing."""
    text_size, _sep, contrast = request.COOKIES.get(COOKIE_NAME, "").partition(".")
    return DisplayPreferences(
        text_size=text_size if text_size in TEXT_SIZES else "normal",
        contrast=contrast if contrast in CONTRASTS else "normal",
    )


def store_display_preferences(
    response: HttpResponse, preferences: DisplayPreferences, *, secure: bool
) -> None:
    response.set_cookie(
        COOKIE_NAME,
        preferences.as_cookie(),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=secure,
        httponly=True,
    )
