"""Jobs of waitlists and watches. STUB: the waitlist helper completes this module."""

from __future__ import annotations

from django_tasks import task


@task()
def alert_watchers(space_id: int, starts_at: str, ends_at: str) -> None:
    """Tell everyone watching this space or its venue about the free time (fan-out)."""
