"""Side effects of bookings, run by the job queue after the change has committed."""

from __future__ import annotations

from django_tasks import task

from lampio.bookings import doors


@task()
def push_door_sync(sync_id: int) -> None:
    """First push of a grant/revocation to the lock vendor; the sweep retries failures."""
    doors.push_sync(sync_id, first=True)
