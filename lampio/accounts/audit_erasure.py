"""The audit log is a second copy of what changed, so erasing a person also reaches into it.

Entries stay (who did what, and when, must remain traceable: lampio/retention_policy.py keeps
them for LAMPIO_RETENTION_AUDIT_LOG_DAYS), but lose the person's words and contact details:
- in entries about the person's own rows (their bookings, orders, applications…), the values of
  the fields the retention register lists as personal, and the row's name, are replaced;
- anywhere, the person's email addresses, mobile number and name are replaced;
- in entries the person made, the email and IP address recorded with them go.
The account section redacts first (sections run in name order, "account" first), while the
person's rows still point at them; the account service scrubs mentions last, after the erasure's
own changes were logged.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from allauth.account.models import EmailAddress
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q

from lampio.accounts.models import User
from lampio.core.retention import retention_rules

ERASED = "[erased]"
# Rules whose user links are not "the person's own rows" but staff's work or the log itself.
NOT_OWN_ROWS = {"staff_trail", "audit_log"}
# Where an audit entry may quote a person.
SCRUBBED_FIELDS = (
    "changes",
    "changes_text",
    "object_repr",
    "serialized_data",
    "additional_data",
    "actor_email",
)


def _own_row_fields() -> dict[type[Model], tuple[list[str], set[str]]]:
    """Per model: the fields linking a row to its person, and the register's personal fields."""
    personal: dict[type[Model], set[str]] = defaultdict(set)
    for rule in retention_rules():
        if rule.key in NOT_OWN_ROWS:
            continue
        for name in rule.fields:
            app_label, model_name, field_name = name.split(".")
            personal[apps.get_model(app_label, model_name)].add(field_name)
    result = {}
    for model, fields in personal.items():
        links = [
            field.name
            for field in model._meta.concrete_fields
            if field.name in fields and field.is_relation and field.related_model is User
        ]
        if links:
            result[model] = (links, fields)
    return result


def identifiers_of(user: User) -> list[str]:
    found = {user.email, user.phone, user.get_full_name(), user.first_name, user.last_name}
    found |= set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    # Very short names would blank unrelated words; the links and fields above still apply.
    return sorted(
        (str(value) for value in found if value and len(str(value)) >= 3), key=len, reverse=True
    )


def _scrub(value: Any, pattern: re.Pattern[str]) -> Any:
    if value in (None, ""):
        return value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    scrubbed = pattern.sub(ERASED, text)
    return scrubbed if isinstance(value, str) else json.loads(scrubbed)


def _redact_fields(data: Any, fields: set[str]) -> Any:
    if not isinstance(data, dict):
        return data
    return {
        key: ([ERASED for _item in value] if isinstance(value, list) else ERASED)
        if key in fields and value not in (None, "", [])
        else value
        for key, value in data.items()
    }


def redact_own_rows(user: User) -> None:
    """In entries about the person's rows, replace the register's personal fields."""
    with transaction.atomic():
        for model, (links, fields) in _own_row_fields().items():
            linked = Q(pk__in=[])
            for link in links:
                linked |= Q(**{link: user})
            pks = [
                str(pk) for pk in model._default_manager.filter(linked).values_list("pk", flat=True)
            ]
            if not pks:
                continue
            entries = LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_pk__in=pks
            )
            for entry in entries.iterator():
                entry.changes = _redact_fields(entry.changes, fields)
                if isinstance(entry.serialized_data, dict):
                    entry.serialized_data["fields"] = _redact_fields(
                        entry.serialized_data.get("fields"), fields
                    )
                # A row's name may be its text (a chat message is named by its words).
                entry.object_repr = f"{model._meta.verbose_name} {entry.object_pk}"
                entry.save(update_fields=["changes", "serialized_data", "object_repr"])


def scrub_mentions(user: User, identifiers: list[str]) -> None:
    """Replace `identifiers` anywhere in the logs; drop what was recorded with the person's own
    actions. Run last, after the erasure's own changes were logged too."""
    with transaction.atomic():
        LogEntry.objects.filter(actor=user).update(actor_email="", remote_addr=None)
        if not identifiers:
            return
        pattern = re.compile("|".join(re.escape(value) for value in identifiers), re.IGNORECASE)
        mentions = Q(pk__in=[])
        admin_mentions = Q(pk__in=[])
        for value in identifiers:
            for name in SCRUBBED_FIELDS:
                mentions |= Q(**{f"{name}__icontains": value})
            admin_mentions |= Q(object_repr__icontains=value) | Q(change_message__icontains=value)
        for entry in LogEntry.objects.filter(mentions).iterator():
            for name in SCRUBBED_FIELDS:
                setattr(entry, name, _scrub(getattr(entry, name), pattern))
            entry.save(update_fields=list(SCRUBBED_FIELDS))
        for admin_entry in AdminLogEntry.objects.filter(admin_mentions).iterator():
            admin_entry.object_repr = _scrub(admin_entry.object_repr, pattern)
            admin_entry.change_message = _scrub(admin_entry.change_message, pattern)
            admin_entry.save(update_fields=["object_repr", "change_message"])


def export_audit_trail(user: User) -> list[dict[str, Any]]:
    """What the person did that the audit log recorded (the changes themselves are in the
    other sections)."""
    return [
        {
            "at": entry.timestamp.isoformat(),
            "action": entry.get_action_display(),
            "object": entry.object_repr,
        }
        for entry in LogEntry.objects.filter(actor=user).order_by("timestamp", "pk")[:1000]
    ]
