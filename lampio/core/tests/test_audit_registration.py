"""What auditlog tracks of each model: its own fields, never the far side of a relation."""

from __future__ import annotations

from auditlog.diff import get_fields_in_model
from auditlog.registry import auditlog
from django.apps import apps

from lampio.core.audit import reverse_one_to_ones


def test_no_audited_model_reads_the_reverse_side_of_a_one_to_one_on_save():
    # Each such field cost a query on every save (register with core.audit.register_audited).
    tracked_reverse = {}
    for model in apps.get_models():
        if not auditlog.contains(model):
            continue
        excluded = set(auditlog.get_model_fields(model)["exclude_fields"])
        reverse = set(reverse_one_to_ones(model)) - excluded
        if reverse:
            tracked_reverse[model.__name__] = sorted(reverse)
    assert tracked_reverse == {}


def test_a_booking_still_logs_its_own_fields():
    from lampio.bookings.models import Booking

    logged = {field.name for field in get_fields_in_model(Booking())}
    excluded = set(auditlog.get_model_fields(Booking)["exclude_fields"])
    assert {"status", "starts_at", "space", "booker"} <= logged - excluded
    assert {"review", "order", "waitlist_entry"} <= excluded
