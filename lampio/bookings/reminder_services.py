"""Reminders before a booking and feedback requests after it. STUB: the reminders helper."""

from __future__ import annotations

from datetime import datetime


def send_due_reminders(now: datetime) -> int:
    """Queue the reminder of every booking that starts within a day; returns how many."""
    return 0


def ask_for_feedback(now: datetime) -> int:
    """Queue a feedback request for every booking that has just ended; returns how many."""
    return 0
