"""Reminders of online sessions: the day before and 15 minutes before, once each, with the link."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from lampio.digital.services.reminders import send_session_reminders, send_soon_reminders
from lampio.offerings.models import Enrolment, Format
from lampio.offerings.services import cancel_enrolment, enrol

SITE = "https://lampio.example.fi"


@pytest.fixture(autouse=True)
def reminders_site(settings: Any) -> None:
    settings.LAMPIO_SITE_URL = SITE


@pytest.fixture
def reminders_run(django_capture_on_commit_callbacks: Any) -> Any:
    def run(now: Any = None) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return send_session_reminders(now=now)

    return run


def enrolled(resident: Any, occurrence: Any, django_capture_on_commit_callbacks: Any) -> Enrolment:
    resident.preferred_language = "en"
    resident.save()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = enrol(actor=resident, occurrence=occurrence, seats=1)
    mail.outbox.clear()  # the confirmation
    return enrolment


def test_fifteen_minutes_before_the_person_gets_the_link_once(
    make_session, resident, reminders_run, django_capture_on_commit_callbacks
):
    soon = make_session(starts_in=timedelta(minutes=10))
    enrolment = enrolled(resident, soon, django_capture_on_commit_callbacks)

    sent = reminders_run()
    assert (sent.soon, sent.day_before) == (1, 0)
    [message] = mail.outbox
    assert message.to == [resident.email]
    assert message.subject.startswith("Starting soon: Afternoon concert")
    assert f"{SITE}/en/lampio/sessions/{soon.pk}/" in message.body
    enrolment.refresh_from_db()
    assert enrolment.reminded_soon_at is not None
    # The day-before reminder would come too late now: it counts as done.
    assert enrolment.reminded_at is not None

    assert reminders_run().soon == 0
    assert len(mail.outbox) == 1


def test_the_day_before_the_reminder_opens_the_session_page(
    make_session, resident, reminders_run, django_capture_on_commit_callbacks
):
    tomorrow = make_session(starts_in=timedelta(hours=23))
    enrolled(resident, tomorrow, django_capture_on_commit_callbacks)

    sent = reminders_run()
    assert (sent.day_before, sent.soon) == (1, 0)
    [message] = mail.outbox
    assert message.subject.startswith("Reminder: Afternoon concert")
    assert f"{SITE}/en/lampio/sessions/{tomorrow.pk}/" in message.body
    assert reminders_run().day_before == 0

    # 15 minutes before the start, the second reminder; then nothing more.
    later = tomorrow.starts_at - timedelta(minutes=14)
    assert reminders_run(now=later).soon == 1
    assert reminders_run(now=later + timedelta(minutes=5)).soon == 0
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("Starting soon")


def test_nothing_is_sent_too_early(
    make_session, resident, reminders_run, django_capture_on_commit_callbacks
):
    enrolled(
        resident, make_session(starts_in=timedelta(days=2)), django_capture_on_commit_callbacks
    )
    enrolled(
        resident, make_session(starts_in=timedelta(minutes=40)), django_capture_on_commit_callbacks
    )
    sent = reminders_run()
    assert sent.soon == 0
    assert sent.day_before == 1  # only the one 40 minutes away is within the day
    assert len(mail.outbox) == 1


def test_cancelled_enrolments_are_not_reminded(
    make_session, resident, reminders_run, django_capture_on_commit_callbacks
):
    soon = make_session(starts_in=timedelta(hours=30))
    enrolment = enrolled(resident, soon, django_capture_on_commit_callbacks)
    cancel_enrolment(actor=resident, enrolment=enrolment)
    mail.outbox.clear()
    for hours_before in (23, 0.2):
        reminders_run(now=soon.starts_at - timedelta(hours=hours_before))
    assert mail.outbox == []


def test_the_fifteen_minute_reminder_is_for_online_sessions_only(
    make_session, resident, django_capture_on_commit_callbacks
):
    soon = make_session(starts_in=timedelta(minutes=10))
    soon.offering.format = Format.ON_SITE
    soon.offering.location = "Kulttuuritalo"
    soon.offering.save()
    enrolled(resident, soon, django_capture_on_commit_callbacks)
    assert send_soon_reminders() == 0


def test_the_command_runs_both(make_session, resident, django_capture_on_commit_callbacks):
    enrolled(
        resident, make_session(starts_in=timedelta(minutes=5)), django_capture_on_commit_callbacks
    )
    enrolled(
        resident, make_session(starts_in=timedelta(hours=5)), django_capture_on_commit_callbacks
    )
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders", stdout=out)
    assert "1 day-before and 1 starting-soon" in out.getvalue()
    assert len(mail.outbox) == 2
