"""The code service: sending, hashing, tries, expiry, reuse, limits, and the person it signs in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from lampio.accounts.models import User
from lampio.core import sms
from lampio.core.errors import PermissionDenied, RateLimited
from lampio.digital.models import SignInCode
from lampio.digital.services import signin
from lampio.offerings.models import Enrolment, EnrolmentStatus
from lampio.tenancy.models import Role


@pytest.fixture(autouse=True)
def _messages_in_english() -> Iterator[None]:
    """These tests read the services' refusals in English."""
    with translation.override("en"):
        yield


CODE_PAGE = "http://testserver/en/lampio/sessions/1/take-part/code/"


@pytest.fixture
def signin_send(django_capture_on_commit_callbacks: Any, settings: Any) -> Any:
    """Ask for a code and return the code the message carried."""
    settings.LAMPIO_SMS_BACKEND = "locmem"
    sms.outbox.clear()

    def send(address: str, occurrence: Any = None, now: Any = None) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            signin.request_sign_in_code(
                address=address,
                occurrence=occurrence,
                code_page_url=CODE_PAGE,
                language="en",
                now=now,
            )
        text = sms.outbox[-1].text if address.startswith("+") else mail.outbox[-1].body
        match = re.search(r"\b(\d{6})\b", text)
        assert match, text
        return match.group(1)

    return send


def redeem(address: str, code: str, now: Any = None) -> User:
    return signin.redeem_sign_in_code(address=address, code=code, language="en", now=now)


def test_the_code_goes_by_email_and_only_its_hash_is_stored(db, signin_send, session):
    code = signin_send("maija@example.fi", session)
    message = mail.outbox[-1]
    assert message.to == ["maija@example.fi"]
    assert code in message.subject
    assert f"{CODE_PAGE}?ticket=" in message.body
    assert "Afternoon concert" in message.body
    stored = SignInCode.objects.get()
    assert code not in stored.code_hash
    assert stored.code_hash == signin.code_hash("maija@example.fi", code)
    assert stored.occurrence == session
    assert stored.expires_at - stored.created_at == pytest.approx(
        timedelta(minutes=15), abs=timedelta(seconds=5)
    )


def test_the_code_goes_by_text_message_to_a_mobile_number(db, signin_send):
    code = signin_send("+358401234567")
    assert [message.to for message in sms.outbox] == ["+358401234567"]
    assert mail.outbox == []
    stored = SignInCode.objects.get()
    assert (stored.phone, stored.email) == ("+358401234567", "")
    assert stored.code_hash == signin.code_hash("+358401234567", code)


def test_a_right_code_creates_a_person_without_password_and_verifies_the_email(db, signin_send):
    code = signin_send("New.Person@Example.fi".lower())
    person = redeem("new.person@example.fi", code)
    assert person.email == "new.person@example.fi"
    assert not person.has_usable_password()
    assert person.preferred_language == "en"
    address = EmailAddress.objects.get(user=person)
    assert (address.email, address.verified, address.primary) == (person.email, True, True)
    assert SignInCode.objects.get().used_at is not None


def test_an_existing_person_is_found_by_email_whatever_the_case(db, signin_send, make_user):
    existing = make_user("Maija.Meikalainen@example.fi")
    code = signin_send("maija.meikalainen@example.fi")
    assert redeem("maija.meikalainen@example.fi", code) == existing
    assert User.objects.count() == 1
    assert EmailAddress.objects.filter(user=existing).count() == 1


def test_a_wrong_code_is_counted_and_the_fifth_spends_the_code(db, signin_send):
    code = signin_send("maija@example.fi")
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for tries in range(1, 5):
        with pytest.raises(signin.CodeNotAccepted, match="not right"):
            redeem("maija@example.fi", wrong)
        assert SignInCode.objects.get().attempts == tries
    with pytest.raises(signin.CodeNotAccepted, match="too many times"):
        redeem("maija@example.fi", wrong)
    # Spent: even the right code no longer works.
    with pytest.raises(signin.CodeNotAccepted, match="too many times"):
        redeem("maija@example.fi", code)
    assert not User.objects.exists()


def test_an_expired_code_is_refused(db, signin_send):
    code = signin_send("maija@example.fi")
    later = timezone.now() + timedelta(minutes=16)
    with pytest.raises(signin.CodeNotAccepted, match="expired"):
        redeem("maija@example.fi", code, now=later)


def test_a_code_works_once(db, signin_send):
    code = signin_send("maija@example.fi")
    redeem("maija@example.fi", code)
    with pytest.raises(signin.CodeNotAccepted, match="no longer valid"):
        redeem("maija@example.fi", code)


def test_a_new_code_replaces_the_earlier_one(db, signin_send):
    first = signin_send("maija@example.fi")
    second = signin_send("maija@example.fi")
    if first != second:
        with pytest.raises(signin.CodeNotAccepted):
            redeem("maija@example.fi", first)
    assert redeem("maija@example.fi", second).email == "maija@example.fi"


def test_a_code_for_another_address_does_not_work(db, signin_send):
    code = signin_send("maija@example.fi")
    with pytest.raises(signin.CodeNotAccepted):
        redeem("matti@example.fi", code)


def test_at_most_five_codes_an_hour_go_to_one_address(db, signin_send):
    start = timezone.now()
    for _ in range(signin.CODES_PER_HOUR):
        signin_send("maija@example.fi", now=start)
    with pytest.raises(RateLimited) as refusal:
        signin_send("maija@example.fi", now=start + timedelta(minutes=30))
    assert refusal.value.field == "address"
    assert len(mail.outbox) == 5
    signin_send("matti@example.fi", now=start)  # another address is not held up
    signin_send("maija@example.fi", now=start + timedelta(minutes=61))


def test_staff_must_sign_in_with_their_password(db, signin_send, make_organisation, make_member):
    staff = make_member(make_organisation(), role=Role.ADMIN)
    code = signin_send(staff.email)
    with pytest.raises(PermissionDenied, match="password"):
        redeem(staff.email, code)


def test_codes_are_deleted_after_the_hour_they_count_for(db, signin_send):
    signin_send("old@example.fi", now=timezone.now() - timedelta(minutes=90))
    signin_send("new@example.fi")
    call_command("purge_signin_codes")
    assert list(SignInCode.objects.values_list("email", flat=True)) == ["new@example.fi"]


def test_asking_for_a_code_purges_old_ones_by_the_way(db, signin_send):
    signin_send("old@example.fi", now=timezone.now() - timedelta(hours=2))
    signin_send("new@example.fi")
    assert not SignInCode.objects.filter(email="old@example.fi").exists()


def test_taking_part_enrols_one_seat(db, session, resident):
    result = signin.take_part(actor=resident, occurrence=session)
    assert result.outcome == signin.TakePartOutcome.CONFIRMED
    assert (result.enrolment.seats, result.enrolment.status) == (1, EnrolmentStatus.CONFIRMED)
    again = signin.take_part(actor=resident, occurrence=session)
    assert again.outcome == signin.TakePartOutcome.ALREADY
    assert again.enrolment == result.enrolment


def test_a_full_session_puts_the_person_on_the_waiting_list(db, make_session, make_user):
    full = make_session(capacity=1)
    signin.take_part(actor=make_user(), occurrence=full)
    result = signin.take_part(actor=make_user(), occurrence=full)
    assert result.outcome == signin.TakePartOutcome.WAITLISTED
    assert result.enrolment.status == EnrolmentStatus.WAITLISTED


def test_a_drop_in_session_needs_no_enrolment(db, session, resident):
    session.offering.allows_enrolment = False
    session.offering.allows_group_orders = False
    session.offering.save()
    result = signin.take_part(actor=resident, occurrence=session)
    assert result.outcome == signin.TakePartOutcome.DROP_IN
    assert not Enrolment.objects.exists()
