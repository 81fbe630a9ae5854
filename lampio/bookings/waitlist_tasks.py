"""Jobs of waitlists and watches: the fan-out of a freed slot to its watchers."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django_tasks import task

from lampio.core.timeranges import Interval
from lampio.spaces.models import Space


@task()
def alert_watchers(space_id: int, starts_at: str, ends_at: str) -> None:
    """Tell everyone watching this space or its venue about the free time (fan-out).

    Runs after the freeing transaction committed, so a waitlist offer made in it has already
    taken its part of the slot; only what is still free is announced.
    """
    from lampio.bookings import watch_services  # imports the booking selectors

    space = Space.objects.select_related("venue__organisation").filter(pk=space_id).first()
    if space is None:
        return
    now = timezone.now()
    freed = Interval(datetime.fromisoformat(starts_at), datetime.fromisoformat(ends_at))
    watch_services.alert_watchers(
        space, freed, now, skip_person=watch_services.freed_by(space, freed, now=now)
    )


@task()
def send_alerts(delivery_ids: list[int]) -> None:
    """Send a batch of watch alerts: one job per batch instead of one per message."""
    from lampio.notifications import tasks as notification_tasks

    for delivery_id in delivery_ids:
        notification_tasks.deliver.call(delivery_id)
