"""Taking part without a password, through the pages: address → code → signed in and enrolled."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse
from django.utils import translation

from lampio.accounts.models import User
from lampio.digital.models import SignInCode
from lampio.digital.services.signin import REMEMBER_FOR
from lampio.offerings.models import Enrolment, EnrolmentStatus


def url(name: str, occurrence: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs={"occurrence_id": occurrence.pk})


def code_in(message: Any) -> str:
    match = re.search(r"\b(\d{6})\b", message.body)
    assert match
    return match.group(1)


@pytest.fixture
def ask_code(client, django_capture_on_commit_callbacks):
    def ask(occurrence: Any, address: str = "maija@example.fi") -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url("digital:take_part", occurrence), {"address": address})

    return ask


def test_the_page_asks_one_thing_in_plain_words(client, session):
    response = client.get(url("digital:take_part", session))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields) == ["address"]
    assert "Your email address or mobile number" in response.text


def test_a_new_person_takes_part_with_just_an_email_code(client, session, ask_code):
    response = ask_code(session)
    assert response.status_code == 302
    assert response.url == url("digital:take_part_code", session)
    assert [message.to for message in mail.outbox] == [["maija@example.fi"]]

    page = client.get(response.url)
    assert "maija@example.fi" in page.text
    assert 'autocomplete="one-time-code"' in page.text
    response = client.post(
        response.url, {"address": "maija@example.fi", "code": code_in(mail.outbox[0])}
    )

    assert response.status_code == 302
    assert response.url == url("digital:session", session)
    person = User.objects.get(email="maija@example.fi")
    assert not person.has_usable_password()
    assert client.session[SESSION_KEY] == str(person.pk)
    assert client.session.get_expiry_age() == pytest.approx(REMEMBER_FOR.total_seconds(), abs=5)
    enrolment = Enrolment.objects.get(person=person)
    assert (enrolment.occurrence, enrolment.seats, enrolment.status) == (session, 1, "confirmed")
    shown = client.get(response.url)
    assert "You are taking part." in shown.text
    assert "You are signed in on this device." in shown.text


def test_the_link_in_the_email_opens_the_code_page_filled_in(client, session, ask_code, db):
    ask_code(session)
    link = re.search(r"(http://testserver\S+)", mail.outbox[0].body).group(1)
    client.cookies.clear()  # opened on another device, from the email
    page = client.get(link)
    assert page.status_code == 200
    assert page.context["address"] == "maija@example.fi"
    response = client.post(link, {"address": "maija@example.fi", "code": code_in(mail.outbox[0])})
    assert response.status_code == 302
    assert Enrolment.objects.filter(person__email="maija@example.fi").exists()


def test_a_forged_ticket_is_ignored(client, session, db):
    page = client.get(url("digital:take_part_code", session) + "?ticket=maija@example.fi:forged")
    assert page.context["address"] == ""
    assert page.context["form"]["address"].field.widget.input_type == "text"


def test_a_wrong_code_says_so_and_keeps_what_was_typed(client, session, ask_code):
    ask_code(session)
    right = code_in(mail.outbox[0])
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(
        url("digital:take_part_code", session), {"address": "maija@example.fi", "code": wrong}
    )
    assert response.status_code == 200
    assert "The code is not right." in response.text
    assert response.context["form"]["address"].value() == "maija@example.fi"
    assert SESSION_KEY not in client.session
    assert SignInCode.objects.get().attempts == 1


def test_an_existing_person_is_signed_in_and_enrolled(client, session, ask_code, resident):
    ask_code(session, resident.email)
    client.post(
        url("digital:take_part_code", session),
        {"address": resident.email, "code": code_in(mail.outbox[0])},
    )
    assert client.session[SESSION_KEY] == str(resident.pk)
    assert Enrolment.objects.get(person=resident).status == EnrolmentStatus.CONFIRMED
    assert User.objects.count() == 1


def test_asking_looks_the_same_whether_or_not_there_is_an_account(
    client, session, ask_code, resident
):
    known = ask_code(session, resident.email)
    unknown = ask_code(session, "nobody@example.fi")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)

    def shape(message: Any) -> str:
        return re.sub(r"ticket=\S+|\b\d{6}\b", "…", message.body)

    assert shape(mail.outbox[0]) == shape(mail.outbox[1])


def test_a_full_session_puts_the_new_person_on_the_waiting_list(
    client, make_session, make_user, ask_code
):
    full = make_session(capacity=1)
    Enrolment.objects.create(occurrence=full, person=make_user(), seats=1, status="confirmed")
    full.seats_taken = 1
    full.save()
    ask_code(full)
    response = client.post(
        url("digital:take_part_code", full),
        {"address": "maija@example.fi", "code": code_in(mail.outbox[0])},
        follow=True,
    )
    assert "you are on the waiting list" in response.text
    assert Enrolment.objects.get(person__email="maija@example.fi").status == "waitlisted"


def test_too_many_codes_for_one_address_is_a_form_error(client, session, ask_code):
    for _ in range(5):
        assert ask_code(session).status_code == 302
    response = ask_code(session)
    assert response.status_code == 429
    assert "We have already sent several codes to this address." in response.text
    assert response.context["form"]["address"].value() == "maija@example.fi"
    assert len(mail.outbox) == 5


def test_too_many_posts_from_one_client_get_429(client, session, ask_code):
    statuses = [ask_code(session, f"person{n}@example.fi").status_code for n in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429


def test_code_guessing_from_one_client_gets_429(client, session):
    target = url("digital:take_part_code", session)
    statuses = [
        client.post(target, {"address": "maija@example.fi", "code": f"{n:06d}"}).status_code
        for n in range(11)
    ]
    assert statuses[10] == 429


def test_a_signed_in_person_takes_part_with_one_button(client, session, resident):
    client.force_login(resident)
    page = client.get(url("digital:take_part", session))
    assert "form" not in page.context
    response = client.post(url("digital:take_part", session), follow=True)
    assert response.redirect_chain[-1][0] == url("digital:session", session)
    assert "You are taking part." in response.text
    assert Enrolment.objects.get(person=resident).seats == 1


def test_a_closed_enrolment_is_said_in_words(client, make_session, resident):
    started = make_session(starts_in=-timedelta(minutes=5))
    client.force_login(resident)
    response = client.post(url("digital:take_part", started))
    assert response.status_code == 200
    assert "Enrolment has closed." in response.text
    assert not Enrolment.objects.exists()


def test_only_online_sessions_have_these_pages(client, session):
    session.offering.format = "on_site"
    session.offering.save()
    assert client.get(url("digital:take_part", session)).status_code == 404
    assert client.get(url("digital:take_part_code", session)).status_code == 404
