"""Audit entries (django-auditlog) shown to staff in plain, translated words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    LogEntry.Action.CREATE: _("Created"),
    LogEntry.Action.UPDATE: _("Changed"),
    LogEntry.Action.DELETE: _("Deleted"),
    LogEntry.Action.ACCESS: _("Viewed"),
}


def reverse_one_to_ones(model: type[Model]) -> list[str]:
    """The other side of one-to-one relations pointing at `model` (a booking's review, order)."""
    return [
        field.name
        for field in model._meta.get_fields()
        if field.one_to_one and field.auto_created and not field.concrete
    ]


def register_audited(
    model: type[Model], *, exclude_fields: Iterable[str] = (), **options: Any
) -> None:
    """Log every change of `model` with auditlog; call from an app's `ready()`.

    auditlog would track the reverse side of one-to-one relations too, reading each on every
    save (a booking's review, waitlist entry and order: three queries per booking, for values
    the log cannot show), so those are left out.
    """
    auditlog.register(
        model, exclude_fields=[*exclude_fields, *reverse_one_to_ones(model)], **options
    )


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
