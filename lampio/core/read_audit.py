"""Staff reads of residents' personal data, audit-logged with who, when and for which organisation.

Every page, export and API operation where staff (or a provider's people) see residents' personal
data calls `log_personal_data_read` once per request, after the access check passed. The entry is
django-auditlog's ACCESS entry (shown as "Viewed"), so reads sit in the same table as changes.

One entry per read, on the object that holds the list (the organisation for a day's calendar,
the occurrence for its enrolment list, the round for its applications), with the kind of list and
how many people's data it showed in `additional_data`. Not one entry per listed person: a calendar
week or a CSV export can name thousands of people, and a row per person per page view would make
the audit table the biggest write load of the platform and bury the question it answers ("who
looked at what, when"). Who was on a list can be reconstructed from the data and the timestamp.

The inventory (`INVENTORY`, route name → kind) is the one place listing such reads; a test walks it
and requests each route as staff. Reads left out, and why:
- `access_staff:page`, `booking_review_staff:list`: no booker names or codes are shown.
- `feedback_staff:inbox`, `ideas_staff:list`, `ideas_staff:queue`, the campaign CSVs: texts and
  states only; names and contact details are on the detail pages, which are logged.
- `offerings_staff:orders`, `assistant_staff:chats`: care units' names and queue positions only.
- `seasons_reports:*`, `payments_staff:daily`, insights: aggregated figures.
- `surveys_engine:round`: participants are organisations (their contact addresses), not residents.
- Waitlists, watches, last-minute and the hybrid-work desk have no staff pages listing people;
  `bookings_feed` and the residents' own pages show people their own data, which is not logged.
- The staff API (`/api/v1/`) has no operation returning other people's data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auditlog.models import LogEntry
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataRead(models.TextChoices):
    BOOKING_REQUESTS = "booking_requests", _("Booking requests and today's bookings")
    BOOKING_CALENDAR = "booking_calendar", _("Booking calendar")
    BOOKING_SERIES_LIST = "booking_series_list", _("Recurring bookings")
    BOOKING_SERIES = "booking_series", _("Recurring booking")
    ENROLMENTS = "enrolments", _("Enrolment list")
    GROUP_ORDER = "group_order", _("Group order")
    SESSION_CHAT = "session_chat", _("Session audience and chat")
    FEEDBACK = "feedback", _("Feedback with contact details")
    IDEA_AUTHOR = "idea_author", _("Idea with its author")
    HANDOFF = "handoff", _("Chat with a resident")
    DELIVERIES = "deliveries", _("Message delivery log")
    PAYMENT_ORDERS = "payment_orders", _("Orders and payments")
    PAYMENT_ORDERS_CSV = "payment_orders_csv", _("Orders and payments (CSV)")
    PAYMENT_ORDER = "payment_order", _("Order and payment")
    INVOICE_EXPORT = "invoice_export", _("Invoice export (CSV)")
    APPLICATIONS = "applications", _("Applications of a round")


INVENTORY: dict[str, PersonalDataRead] = {
    "bookings_staff:desk": PersonalDataRead.BOOKING_REQUESTS,
    "bookings_staff:calendar": PersonalDataRead.BOOKING_CALENDAR,
    "series_staff:list": PersonalDataRead.BOOKING_SERIES_LIST,
    "series_staff:detail": PersonalDataRead.BOOKING_SERIES,
    "offerings_staff:occurrence": PersonalDataRead.ENROLMENTS,
    "offerings_staff:order": PersonalDataRead.GROUP_ORDER,
    "digital_staff:console": PersonalDataRead.SESSION_CHAT,
    "feedback_staff:detail": PersonalDataRead.FEEDBACK,
    "ideas_staff:idea": PersonalDataRead.IDEA_AUTHOR,
    "assistant_staff:chat": PersonalDataRead.HANDOFF,
    "notifications_staff:deliveries": PersonalDataRead.DELIVERIES,
    "payments_staff:orders": PersonalDataRead.PAYMENT_ORDERS,
    "payments_staff:orders_csv": PersonalDataRead.PAYMENT_ORDERS_CSV,
    "payments_staff:order": PersonalDataRead.PAYMENT_ORDER,
    "payments_staff:export_csv": PersonalDataRead.INVOICE_EXPORT,
    "seasons_staff:round": PersonalDataRead.APPLICATIONS,
    "seasons_staff:allocation": PersonalDataRead.APPLICATIONS,
}


def log_personal_data_read(
    *,
    actor: Any,
    kind: PersonalDataRead,
    subject: models.Model,
    organisation_id: int,
    count: int | None = None,
) -> LogEntry | None:
    """Record that `actor` saw `kind` of personal data held by `subject` (an object or the
    organisation), about `count` people if it was a list. Anonymous actors are not logged: they
    never reach staff data, and an entry without a person answers nothing."""
    if not getattr(actor, "is_authenticated", False):
        return None
    data: dict[str, Any] = {"organisation_id": organisation_id, "read": kind.value}
    if count is not None:
        data["count"] = count
    # The actor is given explicitly: reads also happen outside requests (tests, shell), where
    # auditlog's middleware has set no actor. Within a request it still adds the address.
    return LogEntry.objects.log_create(
        subject,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=actor,
        additional_data=data,
        serialized_data=None,  # a read changes nothing; a snapshot would copy the personal data
    )


def read_kind_label(entry: LogEntry) -> str:
    """The kind of data an ACCESS entry records, in words; older entries without one say
    what the object is."""
    data = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    value = data.get("read")
    if value in PersonalDataRead.values:
        return str(PersonalDataRead(value).label)
    return str(entry.content_type.model_class()._meta.verbose_name) if entry.content_type else ""


@dataclass(frozen=True)
class ReadRow:
    timestamp: datetime
    actor: str
    kind: str
    target: str
    count: int | None


def read_rows(entries: Iterable[LogEntry]) -> list[ReadRow]:
    rows = []
    for entry in entries:
        data = entry.additional_data if isinstance(entry.additional_data, dict) else {}
        rows.append(
            ReadRow(
                timestamp=entry.timestamp,
                actor=str(entry.actor) if entry.actor else entry.actor_email or "",
                kind=read_kind_label(entry),
                target=entry.object_repr,
                count=data.get("count"),
            )
        )
    return rows
