"""Audit entries (django-auditlog) shown to staff in plain, translated words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from auditlog.models import LogEntry
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    LogEntry.Action.CREATE: _("Created"),
    LogEntry.Action.UPDATE: _("Changed"),
    LogEntry.Action.DELETE: _("Deleted"),
    LogEntry.Action.ACCESS: _("Viewed"),
}


@dataclass(frozen=True)
class AuditRow:
    timestamp: datetime
    actor: str
    action: str
    target: str
    changes: list[tuple[str, str, str]]  # field, old value, new value


def audit_rows(entries: Iterable[LogEntry]) -> list[AuditRow]:
    return [
        AuditRow(
            timestamp=entry.timestamp,
            actor=str(entry.actor) if entry.actor else str(_("System")),
            action=str(ACTION_LABELS.get(entry.action, entry.get_action_display())),
            target=entry.object_repr,
            changes=[
                (str(field), str(old), str(new))
                for field, (old, new) in entry.changes_display_dict.items()
            ]
            if entry.action == LogEntry.Action.UPDATE
            else [],
        )
        for entry in entries
    ]
