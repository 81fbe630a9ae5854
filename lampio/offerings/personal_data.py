"""Enrolments and group orders are personal data: exported with the account, erased with it."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.offerings.models import ACTIVE_ENROLMENT, Enrolment, GroupOrder


def export_enrolments(user: User) -> list[dict[str, Any]]:
    return [
        {
            "offering": enrolment.occurrence.offering.title,
            "starts_at": enrolment.occurrence.starts_at.isoformat(),
            "seats": enrolment.seats,
            "status": enrolment.status,
            "enrolled_at": enrolment.created_at.isoformat(),
        }
        for enrolment in Enrolment.objects.filter(person=user).select_related(
            "occurrence__offering"
        )
    ]


def export_group_orders(user: User) -> list[dict[str, Any]]:
    return [
        {
            "offering": order.offering.title,
            "unit": order.unit.name,
            "group_size": order.group_size,
            "accompanying_staff": order.accompanying_staff,
            "special_needs": order.special_needs,
            "message": order.message,
            "status": order.status,
            "ordered_at": order.created_at.isoformat(),
        }
        for order in GroupOrder.objects.filter(ordered_by=user).select_related("offering", "unit")
    ]


def erase_enrolments(user: User) -> None:
    """Give back the seats of active enrolments (promoting the queue), then drop the rows."""
    from lampio.offerings.services.enrolment import cancel_enrolment_for_erasure

    with transaction.atomic():
        for enrolment in Enrolment.objects.filter(person=user, status__in=ACTIVE_ENROLMENT):
            cancel_enrolment_for_erasure(enrolment)
        Enrolment.objects.filter(person=user).update(person=None)


def erase_group_orders(user: User) -> None:
    """The order belongs to the unit, which still needs it: the person and their message go;
    the group's special needs (about the group, not the person) stay for the visit."""
    GroupOrder.objects.filter(ordered_by=user).update(ordered_by=None, message="")


register_personal_data("enrolments", export=export_enrolments, erase=erase_enrolments)
register_personal_data("group_orders", export=export_group_orders, erase=erase_group_orders)
