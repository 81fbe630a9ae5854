"""Reminders go once, a day ahead, to confirmed enrolments only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from lampio.accounts.models import User
from lampio.offerings.models import Offering
from lampio.offerings.services import enrol
from lampio.offerings.services.reminders import send_due_reminders

pytestmark = pytest.mark.django_db


def test_reminder_once_for_confirmed_within_a_day(
    make_offering: Callable[..., Offering],
    make_user: Callable[..., User],
    django_capture_on_commit_callbacks: Callable,
    mailoutbox: list,
) -> None:
    occurrence = make_offering(capacity=1).occurrences.get()
    confirmed = enrol(actor=make_user(), occurrence=occurrence, seats=1)
    enrol(actor=make_user(), occurrence=occurrence, seats=1, waitlist=True)
    mailoutbox.clear()
    day_before = occurrence.starts_at - timedelta(hours=20)

    assert send_due_reminders(now=occurrence.starts_at - timedelta(days=2)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(now=day_before) == 1
    assert send_due_reminders(now=day_before + timedelta(hours=1)) == 0

    assert [message.to for message in mailoutbox] == [[confirmed.person.email]]
