"""The weekly summary email and the command cron runs on Mondays."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core.management import call_command

from lampio.core.timeranges import local_datetime
from lampio.feedback.models import Feedback, SummarySent
from lampio.feedback.summaries import send_weekly_summaries
from lampio.feedback.summary_selectors import previous_week_start
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

MONDAY = date(2024, 12, 2)


def test_previous_week_start():
    assert previous_week_start(date(2024, 12, 9)) == MONDAY  # a Monday
    assert previous_week_start(date(2024, 12, 15)) == MONDAY  # a Sunday


def test_summary_goes_to_admins_and_staff_in_their_language(
    make_feedback,
    desk,
    make_member,
    make_organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    sent = make_feedback()
    Feedback.objects.filter(pk=sent.pk).update(submitted_at=local_datetime(MONDAY, time(10)))
    admin = make_member(desk, role=Role.ADMIN, preferred_language="en")
    staff = make_member(desk, role=Role.STAFF, preferred_language="fi")
    make_member(desk, role=Role.VIEWER)
    make_member(make_organisation(municipality=desk.municipality), role=Role.ADMIN)  # quiet

    with django_capture_on_commit_callbacks(execute=True):
        assert send_weekly_summaries(MONDAY) == 1

    by_person = {message.to[0]: message for message in mailoutbox}
    assert set(by_person) == {admin.email, staff.email}
    english = by_person[admin.email]
    assert "Feedback of the week from 2.12.2024" in english.subject
    assert "Received: 1" in english.body
    assert "Spaces and equipment: 1 / 0 / 0" in english.body
    assert "week=2024-12-02" in english.body and "/en/staff/" in english.body
    assert "Tilat ja laitteet: 1 / 0 / 0" in by_person[staff.email].body
    assert "<" not in english.body  # plain text, nothing escaped or marked up


def test_command_summarises_the_week_asked_for_and_skips_quiet_ones(
    make_feedback, desk, make_member, mailoutbox, django_capture_on_commit_callbacks
):
    make_member(desk, role=Role.ADMIN)
    sent = make_feedback()
    Feedback.objects.filter(pk=sent.pk).update(
        submitted_at=local_datetime(MONDAY, time(10)),
        closed_at=local_datetime(MONDAY, time(12)),
        answered_at=local_datetime(MONDAY, time(11)),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_summaries", "--week", "2024-12-05")
    assert len(mailoutbox) == 1
    # A week before anything was sent has nothing to report: no email.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_summaries", "--week", (MONDAY - timedelta(days=7)).isoformat())
    assert len(mailoutbox) == 1


def test_a_week_is_summarised_once_however_often_the_command_runs(
    make_feedback, desk, make_member, mailoutbox, django_capture_on_commit_callbacks
):
    make_member(desk, role=Role.ADMIN)
    sent = make_feedback()
    Feedback.objects.filter(pk=sent.pk).update(submitted_at=local_datetime(MONDAY, time(10)))
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_feedback_summaries", "--week", MONDAY.isoformat())
    assert len(mailoutbox) == 1
    assert SummarySent.objects.filter(organisation=desk, week_start=MONDAY).count() == 1
