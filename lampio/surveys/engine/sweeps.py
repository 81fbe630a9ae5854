"""The questionnaire engine's periodic sweep (see lampio.core.schedule)."""

from __future__ import annotations

from datetime import datetime

from lampio.core.schedule import register_sweep
from lampio.surveys.engine import reminders


def _send_round_reminders(now: datetime) -> int:
    return reminders.send_due_reminders(now=now)


# Reminders are about days, not minutes: once an hour is soon enough and costs nothing.
register_sweep("surveys.round_reminders", _send_round_reminders, every_seconds=3600)
