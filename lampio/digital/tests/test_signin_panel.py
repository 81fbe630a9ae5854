"""The session page's "Take part" panel: one main action, or what the person already has."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import translation

from lampio.offerings.models import Enrolment
from lampio.offerings.services import enrol


def page(client: Any, occurrence: Any) -> str:
    with translation.override("en"):
        address = reverse("digital:session", kwargs={"occurrence_id": occurrence.pk})
        take_part = reverse("digital:take_part", kwargs={"occurrence_id": occurrence.pk})
    text = client.get(address).text
    return text.replace(take_part, "TAKE-PART-URL")


def test_a_visitor_gets_one_big_link_to_take_part(client, session):
    text = page(client, session)
    assert '<a class="button button--big" href="TAKE-PART-URL">Take part</a>' in text
    assert "No password needed" in text


def test_a_signed_in_person_gets_one_button_that_enrols(client, session, resident):
    client.force_login(resident)
    text = page(client, session)
    assert '<form method="post" action="TAKE-PART-URL">' in text
    assert "You are taking part." not in text


def test_an_enrolled_person_sees_the_time_and_how_to_cancel(client, session, resident):
    enrolment = enrol(actor=resident, occurrence=session, seats=1)
    client.force_login(resident)
    text = page(client, session)
    assert "You are taking part." in text
    assert "TAKE-PART-URL" not in text
    with translation.override("en"):
        cancel = reverse("offerings:enrolment_cancel", kwargs={"enrolment_id": enrolment.pk})
    assert f'href="{cancel}"' in text


def test_when_live_an_enrolled_person_gets_nothing_more(client, make_session, resident):
    live = make_session(starts_in=-timedelta(minutes=5))
    # Enrolment closes at the start, so this one was made before it.
    Enrolment.objects.create(occurrence=live, person=resident, seats=1, status="confirmed")
    client.force_login(resident)
    text = page(client, live)
    assert "You are taking part." in text
    assert "Cancel taking part" not in text
    assert "Starts:" not in text


def test_a_waiting_person_is_told_so(client, make_session, resident, make_user):
    full = make_session(capacity=1)
    enrol(actor=make_user(), occurrence=full, seats=1)
    enrol(actor=resident, occurrence=full, seats=1, waitlist=True)
    client.force_login(resident)
    text = page(client, full)
    assert "You are on the waiting list." in text
    assert "Leave the waiting list" in text


def test_a_drop_in_needs_no_enrolment(client, session, resident):
    session.offering.allows_enrolment = False
    session.offering.allows_group_orders = False
    session.offering.save()
    client.force_login(resident)
    text = page(client, session)
    assert "No enrolment needed – just come back at the start time." in text
    assert "TAKE-PART-URL" not in text


def test_after_enrolment_closed_the_panel_says_why(client, make_session, resident):
    started = make_session(starts_in=-timedelta(minutes=5))
    client.force_login(resident)
    text = page(client, started)
    assert "Enrolment has closed." in text
    assert "TAKE-PART-URL" not in text
