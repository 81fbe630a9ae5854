"""How the register's timed rules find and anonymise expired personal data.

The register itself (what is kept, how long and why) is lampio/retention_policy.py; these are
its queries and actions. Each `expired_*` query excludes rows already anonymised, so runs are
idempotent. Models are imported inside the functions: the register is read at start-up, before
every app's models may be imported in order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from lampio.core.retention import anonymise_in_batches
from lampio.payments.models import BILLING_FIELDS


def _any(*conditions: Q) -> Q:
    combined = Q(pk__in=[])
    for condition in conditions:
        combined |= condition
    return combined


def _set(*names: str) -> Q:
    """Rows where any of the text fields `names` is not empty yet."""
    return _any(*(~Q(**{name: ""}) for name in names))


# --- accounts ------------------------------------------------------------------------------------
def inactive_accounts(cutoff: datetime) -> QuerySet[Any]:
    """Residents' accounts nobody has signed in to since `cutoff`. Staff accounts are left to
    their organisations, which remove the membership first."""
    from lampio.accounts.models import User

    return (
        User.objects.filter(
            Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
            deleted_at__isnull=True,
            is_staff=False,
            is_superuser=False,
            is_network_admin=False,
            memberships__isnull=True,
        )
        .exclude(api_tokens__last_used_at__gte=cutoff)
        .distinct()
    )


def erase_inactive_accounts(cutoff: datetime) -> int:
    from lampio.accounts.services import erase_person

    erased = 0
    for user in inactive_accounts(cutoff).iterator(chunk_size=100):
        erase_person(user)
        erased += 1
    return erased


def expired_sessions(cutoff: datetime) -> QuerySet[Any]:
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=cutoff)


# --- bookings ------------------------------------------------------------------------------------
def expired_bookings(cutoff: datetime) -> QuerySet[Any]:
    from lampio.bookings.models import Booking, BookingKind

    return Booking.objects.filter(
        _any(Q(booker__isnull=False), Q(created_by__isnull=False))
        | _set("purpose", "access_code", "decision_reason"),
        kind=BookingKind.BOOKING,
        ends_at__lt=cutoff,
    )


def anonymise_bookings(cutoff: datetime) -> int:
    from lampio.bookings.models import BookingReview, BookingSeries

    reviews = BookingReview.objects.filter(booking__ends_at__lt=cutoff).exclude(comment="")
    anonymise_in_batches(reviews, changes={"comment": ""})
    series = BookingSeries.objects.filter(
        _any(Q(booker__isnull=False), Q(created_by__isnull=False)) | _set("purpose", "access_code"),
        last_date__lt=cutoff.date(),
    )
    anonymise_in_batches(
        series, changes={"booker": None, "created_by": None, "purpose": "", "access_code": ""}
    )
    return anonymise_in_batches(
        expired_bookings(cutoff),
        changes={
            "booker": None,
            "created_by": None,
            "purpose": "",
            "access_code": "",
            "decision_reason": "",
            "show_to_colleagues": False,
        },
    )


def expired_waitlist(cutoff: datetime) -> QuerySet[Any]:
    from lampio.bookings.models import WaitlistEntry

    return WaitlistEntry.objects.filter(ends_at__lt=cutoff)


# --- offerings, seasons, payments ----------------------------------------------------------------
def expired_enrolments(cutoff: datetime) -> QuerySet[Any]:
    from lampio.offerings.models import Enrolment

    return Enrolment.objects.filter(person__isnull=False, occurrence__ends_at__lt=cutoff)


def expired_group_orders(cutoff: datetime) -> QuerySet[Any]:
    from lampio.offerings.models import GroupOrder

    return GroupOrder.objects.filter(
        Q(ordered_by__isnull=False) | _set("message", "special_needs", "provider_message"),
        updated_at__lt=cutoff,
    )


def expired_applications(cutoff: datetime) -> QuerySet[Any]:
    from lampio.seasons.models import Application

    return Application.objects.filter(
        Q(applicant__isnull=False) | _set("notes"),
        application_round__season_ends__lt=cutoff.date(),
    )


def expired_orders(cutoff: datetime) -> QuerySet[Any]:
    from lampio.payments.models import Order

    return Order.objects.filter(
        Q(customer__isnull=False) | _set(*BILLING_FIELDS, "attention"), created_at__lt=cutoff
    )


# --- digital sessions, messages, ideas -----------------------------------------------------------
def expired_chat(cutoff: datetime) -> QuerySet[Any]:
    from lampio.digital.models import ChatMessage

    return ChatMessage.objects.filter(
        Q(author__isnull=False) | _set("text", "display_name"),
        occurrence__ends_at__lt=cutoff,
    )


def anonymise_chat(cutoff: datetime) -> int:
    from lampio.digital.models import ChatMute, Viewer

    anonymise_in_batches(ChatMute.objects.filter(occurrence__ends_at__lt=cutoff), delete=True)
    anonymise_in_batches(
        Viewer.objects.filter(occurrence__ends_at__lt=cutoff).exclude(display_name=""),
        changes={"display_name": "", "show_name": False},
    )
    return anonymise_in_batches(
        expired_chat(cutoff), changes={"author": None, "text": "", "display_name": ""}
    )


def expired_sign_in_codes(cutoff: datetime) -> QuerySet[Any]:
    from lampio.digital.models import SignInCode
    from lampio.digital.services.signin import CODE_VALID, KEEP_CODES

    # The same window the sign-in service purges on: codes made before the hourly limit's window.
    return SignInCode.objects.exclude(expires_at__gt=cutoff - KEEP_CODES + CODE_VALID)


def purge_sign_in_codes(cutoff: datetime) -> int:
    from lampio.digital.services.signin import purge_sign_in_codes as purge

    return purge(now=cutoff)


def expired_deliveries(cutoff: datetime) -> QuerySet[Any]:
    from lampio.notifications.models import Delivery

    return Delivery.objects.filter(
        Q(recipient__isnull=False) | _set("to", "subject", "body", "last_error"),
        created_at__lt=cutoff,
    )


def expired_reports(cutoff: datetime) -> QuerySet[Any]:
    from lampio.ideas.models import Report

    return Report.objects.filter(Q(reporter__isnull=False) | _set("note"), resolved_at__lt=cutoff)


def expired_duty_shifts(cutoff: datetime) -> QuerySet[Any]:
    from lampio.assistant.models import DutyShift

    return DutyShift.objects.filter(ends_at__lt=cutoff)


def expired_audit_entries(cutoff: datetime) -> QuerySet[Any]:
    from auditlog.models import LogEntry

    return LogEntry.objects.filter(timestamp__lt=cutoff)


def expired_feedback_contacts(cutoff: datetime) -> QuerySet[Any]:
    from lampio.feedback.services.retention import contacts_closed_before

    return contacts_closed_before(cutoff)


def erase_feedback_contacts(cutoff: datetime) -> int:
    from lampio.feedback.services.retention import erase_contacts_closed_before

    return erase_contacts_closed_before(cutoff)


def expired_conversations(cutoff: datetime) -> QuerySet[Any]:
    from lampio.assistant.services.retention import expired_before

    return expired_before(cutoff)


def purge_assistant(cutoff: datetime) -> int:
    from lampio.assistant.services.retention import purge_questions_before

    purged = purge_questions_before(cutoff)
    return purged.exchanges + purged.conversations + purged.messages


def update_expired(
    expired: Callable[[datetime], QuerySet[Any]], changes: dict[str, Any]
) -> Callable[[datetime], int]:
    """An action that applies `changes` to what `expired` finds."""
    return lambda cutoff: anonymise_in_batches(expired(cutoff), changes=changes)


def delete_expired(expired: Callable[[datetime], QuerySet[Any]]) -> Callable[[datetime], int]:
    return lambda cutoff: anonymise_in_batches(expired(cutoff), delete=True)
