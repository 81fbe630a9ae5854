"""Reminders to answer a round: the sweep reminds each organisation once near the closing day,
in each member's language, with the anonymous link; the organiser may remind at once."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from lampio.core.multilingual import Translated
from lampio.core.timeranges import local_datetime
from lampio.notifications.models import Delivery
from lampio.surveys.engine import reminders, rounds
from lampio.surveys.engine.errors import InvalidRound, NotAllowed
from lampio.surveys.engine.rounds import RoundData
from lampio.surveys.tests.engine_factories import published_questionnaire
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def noon(today) -> datetime:
    return local_datetime(today, time(12))


@pytest.fixture
def admin(make_user):
    return make_user(is_network_admin=True)


@pytest.fixture
def org(make_organisation):
    return make_organisation()


def make_round(admin, org, today, *, closes_in=2, remind=3):
    version = published_questionnaire(admin, None, key=f"k{closes_in}{remind}")
    return rounds.create_round(
        actor=admin,
        organiser=None,
        participants=[org],
        data=RoundData(
            version=version,
            title=Translated(
                "Digitaidot työssä", "Digitala färdigheter i arbetet", "Digital skills"
            ),
            opens_on=today - timedelta(days=10),
            closes_on=today + timedelta(days=closes_in),
            reminder_days_before=remind,
        ),
    )


def test_sweep_reminds_every_member_once_in_their_language(admin, org, today, noon, make_member):
    finn = make_member(org, role=Role.VIEWER)
    swede = make_member(org, role=Role.STAFF, preferred_language="sv")
    round = make_round(admin, org, today)
    participant = round.participants.get()
    assert reminders.send_due_reminders(now=noon) == 1
    mails = {
        d.recipient_id: d
        for d in Delivery.objects.filter(key="surveys.round_reminder", channel="email")
    }
    assert set(mails) == {finn.pk, swede.pk}
    assert f"/fi/survey/r/{participant.token}/" in mails[finn.pk].body
    assert f"/sv/survey/r/{participant.token}/" in mails[swede.pk].body
    assert "Digitala färdigheter i arbetet" in mails[swede.pk].subject
    closes = round.closes_on
    assert f"{closes.day}.{closes.month}.{closes.year}" in mails[finn.pk].body
    participant.refresh_from_db()
    assert participant.reminded_at == noon
    # A second sweep finds nothing new.
    assert reminders.send_due_reminders(now=noon + timedelta(hours=1)) == 0
    assert Delivery.objects.filter(key="surveys.round_reminder").count() == 2


def test_reminder_says_those_who_answered_can_ignore_it(admin, org, today, noon, make_member):
    make_member(org, role=Role.STAFF, preferred_language="en")
    make_round(admin, org, today)
    reminders.send_due_reminders(now=noon)
    body = Delivery.objects.get(key="surveys.round_reminder", channel="email").body
    assert "If you have already answered" in body
    assert "ignore this message" in body


def test_not_due_too_early_nor_at_night_nor_when_turned_off(admin, org, today, noon, make_member):
    make_member(org)
    make_round(admin, org, today, closes_in=10, remind=3)
    make_round(admin, org, today, closes_in=1, remind=0)
    assert reminders.send_due_reminders(now=noon) == 0
    make_round(admin, org, today, closes_in=1, remind=3)
    assert reminders.send_due_reminders(now=local_datetime(today, time(3))) == 0
    assert reminders.send_due_reminders(now=noon) == 1


def test_remind_now_is_for_the_organiser_and_open_rounds(admin, org, today, noon, make_member):
    member = make_member(org, role=Role.ADMIN)
    round = make_round(admin, org, today, closes_in=10)
    with pytest.raises(NotAllowed):
        reminders.remind_round(actor=member, round=round, now=noon)
    assert reminders.remind_round(actor=admin, round=round, now=noon) == 1
    assert round.participants.get().reminded_at == noon
    # Once a day: a second press the same day queues nothing new.
    assert reminders.remind_round(actor=admin, round=round, now=noon + timedelta(hours=1)) == 0
    rounds.close_now(actor=admin, round=round, today=today)
    with pytest.raises(InvalidRound):
        reminders.remind_round(actor=admin, round=round, now=noon)
