"""Checking an uploaded captions file: WebVTT, UTF-8, with at least one properly timed cue.

Captions are required for recordings (WCAG 1.2.2), so a file that a browser would silently
ignore must be refused at upload with a message the provider can act on. The check follows the
parts of the WebVTT specification that decide whether a player shows anything: the signature,
the encoding and the cue timings. Styling and settings after a timing are left to the player.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from lampio.core.errors import InvalidInput

MAX_CAPTIONS_BYTES = 512 * 1024
FIELD = "captions"

_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t].*)?$")
_SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$")


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _invalid(message: str) -> InvalidInput:
    return InvalidInput(message, field=FIELD)


def clean_webvtt(data: bytes) -> str:
    """The captions as text (without a byte-order mark), or InvalidInput saying what is wrong."""
    if len(data) > MAX_CAPTIONS_BYTES:
        raise _invalid(
            _("The captions file is too large. The largest allowed is %(size)d KB.")
            % {"size": MAX_CAPTIONS_BYTES // 1024}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _invalid(
            _(
                "The captions file must be saved as UTF-8 text. "
                "Save it again as UTF-8 and upload it."
            )
        ) from error
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _SIGNATURE.match(lines[0]):
        raise _invalid(
            _(
                "This is not a WebVTT captions file: its first line must be “WEBVTT”. "
                "Export the captions as WebVTT (.vtt) and upload them again."
            )
        )
    cues = 0
    for number, line in enumerate(lines[1:], start=2):
        if "-->" not in line:
            continue
        timing = _TIMING.match(line.strip())
        if timing is None:
            raise _invalid(
                _(
                    "Line %(line)d of the captions has a timing in the wrong form. Write it like "
                    "“00:00:01.000 --> 00:00:04.000”."
                )
                % {"line": number}
            )
        parts = timing.groups()
        if _seconds(*parts[4:]) <= _seconds(*parts[:4]):
            raise _invalid(
                _("On line %(line)d of the captions the caption ends before it starts.")
                % {"line": number}
            )
        cues += 1
    if not cues:
        raise _invalid(
            _(
                "The captions file has no captions: add at least one caption with a timing "
                "like “00:00:01.000 --> 00:00:04.000”."
            )
        )
    return text
