"""Enrolling on the resident pages: the form and its errors, my enrolments, cancelling, .ics."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from lampio.core.multilingual import Translated
from lampio.offerings.models import Enrolment, EnrolmentStatus, Occurrence, OccurrenceStatus
from lampio.offerings.services import change_occurrence_status, enrol

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def occurrence(make_offering):
    return make_offering(capacity=4).occurrences.get()


def test_enrolling_needs_a_login_and_comes_back(client, occurrence):
    target = url("offerings:enrol", occurrence_id=occurrence.pk)

    response = client.get(target)

    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login"))
    assert "next=" in response["Location"]


def test_a_resident_enrols_with_a_companion(
    client, resident, occurrence, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "2"})

    enrolment = Enrolment.objects.get(person=resident)
    assert response.status_code == 302
    assert response["Location"] == url("offerings:enrolment", enrolment_id=enrolment.pk)
    assert enrolment.status == EnrolmentStatus.CONFIRMED and enrolment.seats == 2
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 2
    page = client.get(response["Location"]).content.decode()
    assert "Confirmed" in page and "Your enrolment is confirmed." in page
    (message,) = mailoutbox
    assert message.to == [resident.email]
    assert "Savipajan työpaja" in message.subject  # in the person's own language
    assert "2" in message.body and "Kulttuuritalo, Kirkkokatu 1, Oulu" in message.body
    assert message.attachments[0][0] == "lampio.ics"


def test_too_few_seats_is_an_error_next_to_the_field_and_input_is_kept(
    client, resident, occurrence, make_user
):
    enrol(actor=make_user(), occurrence=occurrence, seats=3)
    client.force_login(resident)

    response = client.post(url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "3"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_seats_error"' in html and "Only 1 seat is left" in html
    assert '<option value="3" selected>' in html
    assert not Enrolment.objects.filter(person=resident).exists()


def test_a_full_time_puts_people_on_the_waiting_list_when_asked(
    client, occurrence, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    resident = make_user(preferred_language="en")
    enrol(actor=make_user(), occurrence=occurrence, seats=4)
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "2", "waitlist": "on"}
        )

    enrolment = Enrolment.objects.get(person=resident)
    assert enrolment.status == EnrolmentStatus.WAITLISTED
    page = client.get(response["Location"]).content.decode()
    assert "On the waiting list" in page
    assert mailoutbox[-1].to == [resident.email]
    assert mailoutbox[-1].subject == "You are on the waiting list: Clay workshop"
    assert "Number of people: 2" in mailoutbox[-1].body


def test_enrolling_twice_and_without_a_verified_email_are_refused(
    client, resident, occurrence, make_user
):
    enrol(actor=resident, occurrence=occurrence, seats=1)
    client.force_login(resident)
    twice = client.post(url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "1"})
    assert "already enrolled" in twice.content.decode()

    unverified = make_user()
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    client.force_login(unverified)
    response = client.post(url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "1"})
    assert "Verify your email address" in response.content.decode()
    assert Enrolment.objects.count() == 1


def test_an_invalid_seat_count_is_a_form_error(client, resident, occurrence):
    client.force_login(resident)

    response = client.post(url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "11"})

    assert 'id="id_seats_error"' in response.content.decode()
    assert not Enrolment.objects.exists()


def test_private_and_cancelled_times_cannot_be_enrolled(client, resident, occurrence):
    client.force_login(resident)
    Occurrence.objects.filter(pk=occurrence.pk).update(status=OccurrenceStatus.CANCELLED)
    cancelled = client.post(url("offerings:enrol", occurrence_id=occurrence.pk), {"seats": "1"})
    assert "cancelled or postponed" in cancelled.content.decode()

    Occurrence.objects.filter(pk=occurrence.pk).update(is_public=False)
    private = client.get(url("offerings:enrol", occurrence_id=occurrence.pk))
    assert private.status_code == 404


def test_my_enrolments_lists_upcoming_and_past_with_notices(client, resident, make_offering):
    upcoming = make_offering(title_en="Choir").occurrences.get()
    past = make_offering(title_en="Old show").occurrences.get()
    enrol(actor=resident, occurrence=upcoming, seats=2)
    enrol(actor=resident, occurrence=past, seats=1)
    earlier = timezone.now() - timedelta(days=3)
    Occurrence.objects.filter(pk=past.pk).update(
        starts_at=earlier, ends_at=earlier + timedelta(hours=1)
    )
    Occurrence.objects.filter(pk=upcoming.pk).update(
        status=OccurrenceStatus.MOVED_ONLINE, notice_en="We meet on video."
    )
    client.force_login(resident)

    response = client.get(url("offerings:mine"))

    assert [e.occurrence_id for e in response.context["upcoming"]] == [upcoming.pk]
    assert [e.occurrence_id for e in response.context["past"]] == [past.pk]
    html = response.content.decode()
    assert "Moved online" in html and "We meet on video." in html


def test_others_cannot_see_an_enrolment(client, resident, occurrence, make_user):
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=1)
    client.force_login(make_user())

    for name in ("offerings:enrolment", "offerings:enrolment_ics", "offerings:enrolment_cancel"):
        assert client.get(url(name, enrolment_id=enrolment.pk)).status_code == 404
    assert (
        client.post(url("offerings:enrolment_cancel", enrolment_id=enrolment.pk)).status_code == 404
    )


def test_the_ics_download_has_the_time(client, resident, occurrence):
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=1)
    client.force_login(resident)

    response = client.get(url("offerings:enrolment_ics", enrolment_id=enrolment.pk))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="enrolment-{enrolment.pk}.ics"' in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("dtstart") == occurrence.starts_at
    assert str(enrolment.feed_token) in str(event["uid"])


def test_cancelling_asks_first_then_frees_the_seats(
    client, resident, occurrence, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=4)
    queued = make_user()
    waiting = enrol(actor=queued, occurrence=occurrence, seats=2, waitlist=True)
    client.force_login(resident)
    cancel_url = url("offerings:enrolment_cancel", enrolment_id=enrolment.pk)

    confirm = client.get(cancel_url)
    assert confirm.status_code == 200 and "Yes, cancel the enrolment" in confirm.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CONFIRMED

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url)

    assert response["Location"] == url("offerings:mine")
    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CANCELLED
    assert waiting.status == EnrolmentStatus.CONFIRMED
    assert [message.to for message in mailoutbox] == [[queued.email]]


def test_cancelling_after_the_deadline_shows_why(client, resident, occurrence):
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=1)
    soon = timezone.now() + timedelta(hours=2)
    Occurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=soon, ends_at=soon + timedelta(hours=1)
    )
    client.force_login(resident)

    response = client.post(url("offerings:enrolment_cancel", enrolment_id=enrolment.pk))

    assert response.status_code == 200
    assert "until 24 hours before the start" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CONFIRMED


def test_changed_times_are_told_to_everyone_enrolled(
    make_member, resident, occurrence, mailoutbox, django_capture_on_commit_callbacks
):
    enrol(actor=resident, occurrence=occurrence, seats=1)
    provider = make_member(occurrence.offering.organisation, role="provider_editor")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        change_occurrence_status(
            actor=provider,
            occurrence=occurrence,
            status=OccurrenceStatus.CANCELLED,
            notice=Translated(fi="Esiintyjä on sairas.", en="The artist is ill."),
        )

    (message,) = mailoutbox
    assert message.to == [resident.email]
    assert "Savipajan työpaja" in message.subject
    assert "Esiintyjä on sairas." in message.body
