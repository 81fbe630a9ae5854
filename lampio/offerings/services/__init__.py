"""Every write on offerings, one function per use case (split by who acts)."""

from lampio.offerings.services.attendance import record_attendance
from lampio.offerings.services.catalogue import (
    OccurrencePlan,
    OfferingDetails,
    WeeklySchedule,
    add_occurrence,
    add_weekly_occurrences,
    change_capacity,
    change_occurrence_status,
    create_offering,
    publish_offering,
    reschedule_occurrence,
    unpublish_offering,
    update_offering,
)
from lampio.offerings.services.enrolment import cancel_enrolment, enrol, promote_waiting_list
from lampio.offerings.services.orders import (
    OrderDetails,
    accept_order,
    accept_proposed_time,
    cancel_order,
    decline_order,
    place_order,
    propose_other_time,
)
from lampio.offerings.services.withdrawal import cancel_offering

__all__ = [
    "OccurrencePlan",
    "OfferingDetails",
    "OrderDetails",
    "WeeklySchedule",
    "accept_order",
    "accept_proposed_time",
    "add_occurrence",
    "add_weekly_occurrences",
    "cancel_enrolment",
    "cancel_offering",
    "cancel_order",
    "change_capacity",
    "change_occurrence_status",
    "create_offering",
    "decline_order",
    "enrol",
    "place_order",
    "promote_waiting_list",
    "propose_other_time",
    "publish_offering",
    "record_attendance",
    "reschedule_occurrence",
    "unpublish_offering",
    "update_offering",
]
