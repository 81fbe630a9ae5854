"""The daily retention sweep (lampio/core/retention.py with lampio/retention_policy.py): expired
personal data is anonymised, fresh data is untouched, counted rows stay, a second run is a no-op."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from lampio.accounts.models import User
from lampio.assistant.models import Conversation, ConversationState
from lampio.bookings.models import Booking, WaitlistEntry
from lampio.core.retention import anonymise_expired, retention_rules
from lampio.core.schedule import sweeps
from lampio.digital.models import ChatMessage, ChatMute
from lampio.feedback.models import Feedback
from lampio.ideas.models import Report
from lampio.notifications.models import Delivery
from lampio.offerings.models import Enrolment, GroupOrder
from lampio.payments.models import Order
from lampio.seasons.models import Application
from lampio.tenancy.models import Membership
from tests.personal_world import PersonWorld, build_person_world, links_and_traces

LATER = timedelta(days=10 * 366)  # past every timed period of the register


@pytest.fixture
def world(
    db: None, make_user: Any, make_organisation: Any, make_space: Any, make_offering: Any
) -> PersonWorld:
    world = build_person_world(
        make_user=make_user,
        make_organisation=make_organisation,
        make_space=make_space,
        make_offering=make_offering,
    )
    # Finished business: feedback and a report handled, the chat with staff ended.
    Feedback.objects.update(closed_at=timezone.now())
    Conversation.objects.update(state=ConversationState.CLOSED, closed_at=timezone.now())
    Report.objects.update(resolved_at=timezone.now())
    return world


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Booking, Enrolment, GroupOrder, Application, Order, ChatMessage, Delivery)
    }


def test_fresh_data_is_left_alone(world: PersonWorld) -> None:
    results = anonymise_expired(now=timezone.now())
    assert sum(result.handled for result in results) == 0
    booking = Booking.objects.get(booker=world.person)
    assert booking.purpose == "Quillfeather choir"
    assert Enrolment.objects.filter(person=world.person).exists()
    assert Order.objects.get(customer=world.person).billing_email == world.person.email


def test_expired_data_is_anonymised_and_still_counted(world: PersonWorld) -> None:
    person = world.person
    before = _counts()

    results = {result.key: result for result in anonymise_expired(now=timezone.now() + LATER)}

    # The rows statistics count are still there, without the person.
    assert _counts() == before
    for key in (
        "bookings",
        "enrolments",
        "group_orders",
        "season_applications",
        "orders",
        "chat",
        "messages",
        "feedback_contact",
        "assistant",
        "idea_reports",
    ):
        assert results[key].expired >= 1 and results[key].handled >= 1, key
    assert not WaitlistEntry.objects.exists() and not ChatMute.objects.exists()
    booking = Booking.objects.get()
    assert (booking.booker, booking.purpose) == (None, "")
    # A staff member's account is the organisation's to remove: the account rule skips it.
    assert User.objects.get(pk=person.pk).deleted_at is None

    timed = [rule for rule in retention_rules() if rule.anonymise and rule.key != "account"]
    timed_models = {name.rsplit(".", 1)[0] for rule in timed for name in rule.fields}
    linked, texts = links_and_traces(
        person, world.erased_markers, allowed_links=set(), models_=timed_models
    )
    assert not linked, f"expired rows still link to the person: {linked}"
    assert not texts, f"expired personal text left behind: {texts}"


def test_a_second_run_changes_nothing(world: PersonWorld) -> None:
    later = timezone.now() + LATER
    assert sum(result.handled for result in anonymise_expired(now=later)) > 0
    again = anonymise_expired(now=later)
    assert [(r.key, r.expired, r.handled) for r in again if r.expired or r.handled] == []


def test_accounts_unused_for_years_are_erased(make_user: Any, make_organisation: Any) -> None:
    now = timezone.now()
    idle = make_user(first_name="Idle")
    User.objects.filter(pk=idle.pk).update(date_joined=now - timedelta(days=4 * 365))
    active = make_user()
    User.objects.filter(pk=active.pk).update(
        date_joined=now - timedelta(days=4 * 365), last_login=now - timedelta(days=10)
    )
    staff = make_user()
    User.objects.filter(pk=staff.pk).update(date_joined=now - timedelta(days=4 * 365))
    Membership.objects.create(user=staff, organisation=make_organisation(), role="staff")

    [result] = [r for r in anonymise_expired(now=now) if r.key == "account"]

    assert (result.expired, result.handled) == (1, 1)
    idle.refresh_from_db()
    assert idle.deleted_at is not None and idle.first_name == "" and not idle.is_active
    assert User.objects.filter(deleted_at__isnull=True, pk__in=[active.pk, staff.pk]).count() == 2


def test_dry_run_counts_per_rule_and_changes_nothing(world: PersonWorld, settings: Any) -> None:
    settings.LAMPIO_RETENTION_BOOKING_DAYS = 0
    starts, ends = timezone.now() - timedelta(days=2), timezone.now() - timedelta(days=1)
    Booking.objects.update(starts_at=starts, ends_at=ends, blocked_from=starts, blocked_until=ends)
    out = StringIO()
    call_command("anonymise_expired", "--dry-run", stdout=out)
    assert "bookings: kept 0 d, expired 1" in out.getvalue()
    assert Booking.objects.get().purpose == "Quillfeather choir"

    call_command("anonymise_expired", stdout=StringIO())
    assert Booking.objects.get().purpose == ""


def test_the_sweep_runs_daily() -> None:
    [sweep] = [sweep for sweep in sweeps() if sweep.name == "core.anonymise_expired"]
    assert sweep.every_seconds == 24 * 60 * 60


def test_public_register_lists_every_rule_in_plain_words(client: Any) -> None:
    page = client.get("/en/privacy/retention/").content.decode()
    assert "What we keep and for how long" in page
    assert "2 years after the booking ended" in page
    assert "7 years after the order was made" in page
    assert page.count("<tr>") == len(retention_rules()) + 1
    assert 'href="/en/privacy/retention/"' in client.get("/en/privacy/").content.decode()
