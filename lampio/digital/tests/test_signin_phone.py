"""Taking part with only a mobile phone: the code and the messages come by text message."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from lampio.accounts import selectors, services
from lampio.accounts.models import User
from lampio.core import sms
from lampio.core.errors import PermissionDenied
from lampio.digital.models import SignInCode
from lampio.digital.services.reminders import send_session_reminders
from lampio.digital.services.signin import CODES_PER_HOUR, REMEMBER_FOR
from lampio.offerings.models import Enrolment, EnrolmentStatus
from lampio.offerings.services import enrol

PHONE = "+358401234567"
SITE = "https://lampio.example.fi"


@pytest.fixture(autouse=True)
def phone_sms(settings: Any) -> None:
    settings.LAMPIO_SMS_BACKEND = "locmem"
    settings.LAMPIO_SITE_URL = SITE
    sms.outbox.clear()


def url(name: str, occurrence: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs={"occurrence_id": occurrence.pk})


def sent_code() -> str:
    match = re.search(r"\b(\d{6})\b", sms.outbox[-1].text)
    assert match, sms.outbox[-1].text
    return match.group(1)


@pytest.fixture
def phone_take_part(client: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """Ask for a code with the number typed as people do, then type the code from the SMS."""

    def take_part(occurrence: Any, typed: str = "040 123 4567") -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            asked = client.post(url("digital:take_part", occurrence), {"address": typed})
        assert asked.status_code == 302, asked.content
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                url("digital:take_part_code", occurrence),
                {"address": typed, "code": sent_code()},
            )

    return take_part


@pytest.fixture
def phone_person(db: None) -> User:
    return User.objects.create_phone_user(
        PHONE, preferred_language="en", phone_verified_at=timezone.now()
    )


def test_the_code_sms_is_short_and_plain(client, session, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        client.post(url("digital:take_part", session), {"address": "040 123 4567"})
    [message] = sms.outbox
    assert message.to == PHONE
    assert re.fullmatch(r"Your Lämpiö code is \d{6}\. It works for 15 minutes\.", message.text)
    assert len(message.text) < 160
    assert mail.outbox == []
    assert SignInCode.objects.get().phone == PHONE


def test_a_new_phone_person_is_created_signed_in_and_enrolled(client, session, phone_take_part):
    response = phone_take_part(session)
    assert response.status_code == 302
    assert response.url == url("digital:session", session)

    person = User.objects.get()
    assert (person.phone, person.email) == (PHONE, None)
    assert not person.has_usable_password()
    assert person.preferred_language == "en"
    assert person.display_name == PHONE
    assert client.session[SESSION_KEY] == str(person.pk)
    assert client.session.get_expiry_age() == pytest.approx(REMEMBER_FOR.total_seconds(), abs=5)
    assert Enrolment.objects.get(person=person).status == EnrolmentStatus.CONFIRMED
    # The enrolment confirmation came by text message, and no email was attempted.
    assert mail.outbox == []
    assert "Enrolment confirmed: Afternoon concert" in sms.outbox[-1].text
    assert sms.outbox[-1].to == PHONE


def test_the_second_time_the_same_person_is_found(
    client, make_session, session, phone_take_part, phone_person
):
    phone_take_part(session, "+358 40 123 4567")
    client.logout()
    other = make_session(starts_in=timedelta(days=3))
    phone_take_part(other, "0401234567")
    assert User.objects.count() == 1
    assert set(Enrolment.objects.values_list("person", flat=True)) == {phone_person.pk}
    assert Enrolment.objects.count() == 2


def test_a_number_typed_in_by_someone_else_is_verified_by_the_code(session, phone_take_part, db):
    unverified = User.objects.create_phone_user(PHONE)
    with pytest.raises(PermissionDenied):
        enrol(actor=unverified, occurrence=session, seats=1)
    phone_take_part(session)
    unverified.refresh_from_db()
    assert unverified.phone_verified_at is not None
    assert Enrolment.objects.get().person == unverified


def test_codes_per_number_are_limited_like_emails(client, session, phone_take_part, db):
    for _ in range(CODES_PER_HOUR):
        client.post(url("digital:take_part", session), {"address": "040 123 4567"})
    response = client.post(url("digital:take_part", session), {"address": "040 123 4567"})
    assert response.status_code == 429
    assert SignInCode.objects.filter(phone=PHONE).count() == CODES_PER_HOUR


def test_a_staff_number_cannot_sign_in_with_a_code(client, session, phone_take_part, make_user):
    make_user(phone=PHONE, is_staff=True)
    response = phone_take_part(session)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert not Enrolment.objects.exists()


def enrolled(person: Any, occurrence: Any, capture: Any) -> Enrolment:
    with capture(execute=True):
        enrolment = enrol(actor=person, occurrence=occurrence, seats=1)
    mail.outbox.clear()
    sms.outbox.clear()
    return enrolment


def test_an_enrolment_confirmation_for_a_phone_person_is_an_sms(
    session, phone_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrol(actor=phone_person, occurrence=session, seats=1)
    assert mail.outbox == []
    [message] = sms.outbox
    assert message.to == PHONE
    when = timezone.localtime(session.starts_at)
    assert message.text == (
        f"Lämpiö: Enrolment confirmed: Afternoon concert, {when.day}.{when.month}. {when:%H:%M}"
    )


@pytest.mark.parametrize("starts_in", [timedelta(minutes=10), timedelta(hours=23)])
def test_reminders_go_by_sms_to_phone_people_and_by_email_to_others(
    starts_in, make_session, phone_person, resident, django_capture_on_commit_callbacks
):
    occurrence = make_session(starts_in=starts_in)
    resident.preferred_language = "en"
    resident.save()
    enrolled(phone_person, occurrence, django_capture_on_commit_callbacks)
    enrolled(resident, occurrence, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        send_session_reminders()

    link = f"{SITE}/en/lampio/sessions/{occurrence.pk}/"
    [text] = sms.outbox
    assert text.to == PHONE
    assert text.text.startswith("Lämpiö: ")
    assert link in text.text
    assert "Afternoon concert" in text.text
    [email] = mail.outbox
    assert email.to == [resident.email]
    assert link in email.body


def test_a_person_with_email_and_phone_is_reminded_by_email_only(
    make_session, resident, django_capture_on_commit_callbacks
):
    resident.phone = PHONE
    resident.save()
    occurrence = make_session(starts_in=timedelta(minutes=10))
    enrolled(resident, occurrence, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        send_session_reminders()
    assert [message.to for message in mail.outbox] == [[resident.email]]
    assert sms.outbox == []


def test_the_take_part_page_asks_for_email_or_mobile_number(client, session):
    response = client.get(url("digital:take_part", session))
    assert "email address or mobile number" in response.text


def test_codes_sent_to_the_number_are_in_the_export_and_erased(session, phone_take_part, client):
    phone_take_part(session)
    person = User.objects.get()
    export = selectors.personal_data_export(user=person)["sections"]["sign_in_codes"]
    assert [code["sent_to"] for code in export] == [PHONE]
    services.delete_account(actor=person, user=person)
    assert not SignInCode.objects.exists()
