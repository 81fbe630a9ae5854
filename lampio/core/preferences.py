"""Display preferences (text size, contrast, calm view) kept in a cookie: they work without an
account."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "lampio_display"
COOKIE_MAX_AGE = 365 * 24 * 3600

TEXT_SIZES = {"normal": _("Normal"), "large": _("Large"), "largest": _("Largest")}
CONTRASTS = {"normal": _("Normal"), "high": _("High contrast")}
CALM_CHOICES = {
    "auto": _("On the pages for older people, off elsewhere"),
    "on": _("On everywhere"),
    "off": _("Off everywhere"),
}

# The senior pages (/<lang>/lampio/…) are calm unless the person turned calm view off.
_SENIOR_PATH = re.compile(
    r"^/(?:{})/lampio/".format("|".join(re.escape(code) for code, _name in settings.LANGUAGES))
)


def is_senior_path(path: str) -> bool:
    return bool(_SENIOR_PATH.match(path))


@dataclass(frozen=True)
class DisplayPreferences:
    text_size: str = "normal"
    contrast: str = "normal"
    calm: str = "auto"

    @property
    def css_classes(self) -> str:
        return f"text-{self.text_size} contrast-{self.contrast}"

    def calm_on(self, path: str) -> bool:
        """Is calm view in effect on the page at `path`?"""
        if self.calm == "auto":
            return is_senior_path(path)
        return self.calm == "on"

    def as_cookie(self) -> str:
        # "auto" is left out, so cookies written before calm view existed read the same.
        calm = "" if self.calm == "auto" else f".{self.calm}"
        return f"{self.text_size}.{self.contrast}{calm}"


def read_display_preferences(request: HttpRequest) -> DisplayPreferences:
    """Parse the cookie; anything unknown falls back to the defaults rather than failing."""
    text_size, contrast, calm, *_rest = [
        *request.COOKIES.get(COOKIE_NAME, "").split("."),
        "",
        "",
        "",
    ]
    return DisplayPreferences(
        text_size=text_size if text_size in TEXT_SIZES else "normal",
        contrast=contrast if contrast in CONTRASTS else "normal",
        calm=calm if calm in CALM_CHOICES else "auto",
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
