"""Feedback is plain text wherever it is shown or sent: markup typed into it is never kept."""

from __future__ import annotations

from django.utils.html import strip_tags


def plain(text: str) -> str:
    return strip_tags(text or "").strip()
