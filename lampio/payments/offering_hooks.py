"""Keep orders in step with offerings' seats (see offerings.signals)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from lampio.offerings.models import Enrolment, GroupOrder, Occurrence
from lampio.offerings.signals import (
    occurrence_called_off,
    participation_confirmed,
    participation_released,
)
from lampio.payments.services import offering_orders


@receiver(participation_confirmed)
def order_confirmed_seats(
    sender: Any,
    enrolment: Enrolment | None,
    group_order: GroupOrder | None,
    new: bool = False,
    **_kw: Any,
) -> None:
    if enrolment is not None:
        offering_orders.order_for_enrolment(enrolment, new=new)
    elif group_order is not None:
        offering_orders.order_for_group(group_order)


@receiver(participation_released)
def release_given_up_seats(
    sender: Any, enrolment: Enrolment | None, group_order: GroupOrder | None, **_kw: Any
) -> None:
    offering_orders.release_for(enrolment=enrolment, group_order=group_order)


@receiver(occurrence_called_off, sender=Occurrence)
def release_called_off(sender: Any, occurrence: Occurrence, **_kw: Any) -> None:
    offering_orders.release_occurrence(occurrence)
