"""Anonymous feedback after a session: smileys and one question, once per browser."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from lampio.core.errors import Conflict, PermissionDenied
from lampio.digital.models import SessionFeedback
from lampio.digital.services.feedback import give_feedback
from lampio.offerings.models import Enrolment, EnrolmentStatus, Occurrence, Offering


def en(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"digital:{name}", kwargs=kwargs)


@pytest.fixture
def ended(make_session: Any) -> Occurrence:
    return make_session(starts_in=-timedelta(hours=2))


@pytest.fixture
def attendee(ended: Occurrence, make_user: Any) -> Any:
    person = make_user()
    Enrolment.objects.create(
        occurrence=ended, person=person, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    return person


def test_a_person_who_took_part_gives_anonymous_feedback_once(
    client: Any, ended: Occurrence, attendee: Any
) -> None:
    client.force_login(attendee)
    url = en("feedback", occurrence_id=ended.pk)

    response = client.post(url, {"rating": "5", "answer": "  Ihana konsertti!  "})

    assert response.status_code == 302
    assert response["Location"].endswith(f"{ended.pk}/#feedback")
    feedback = SessionFeedback.objects.get()
    assert (feedback.rating, feedback.answer) == (5, "Ihana konsertti!")
    assert not any(
        field.is_relation and field.name != "occurrence"
        for field in SessionFeedback._meta.get_fields()
    )  # nothing that points to a person
    again = client.post(url, {"rating": "1"})
    assert again.status_code == 200 and SessionFeedback.objects.count() == 1
    assert "Thank you for your feedback" in again.content.decode()


def test_a_missing_smiley_comes_back_with_a_linked_error_and_the_text_kept(
    client: Any, ended: Occurrence, attendee: Any
) -> None:
    client.force_login(attendee)

    response = client.post(en("feedback", occurrence_id=ended.pk), {"answer": "Kiitos"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose one of the smileys." in body
    assert f'aria-describedby="feedback-rating-error-{ended.pk}"' in body
    assert ">Kiitos</textarea>" in body
    assert not SessionFeedback.objects.exists()


def test_feedback_before_the_end_or_from_someone_not_taking_part_is_refused(
    make_session: Any, ended: Occurrence, resident: Any, attendee: Any
) -> None:
    upcoming = make_session()
    Enrolment.objects.create(
        occurrence=upcoming, person=attendee, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    with pytest.raises(Conflict):
        give_feedback(actor=attendee, occurrence=upcoming, rating=4)
    with pytest.raises(PermissionDenied):
        give_feedback(actor=resident, occurrence=ended, rating=4)
    assert not SessionFeedback.objects.exists()


def test_the_page_refuses_people_who_could_not_watch(
    client: Any, ended: Occurrence, resident: Any
) -> None:
    client.force_login(resident)

    response = client.post(en("feedback", occurrence_id=ended.pk), {"rating": "3"})

    assert response.status_code == 403
    assert not SessionFeedback.objects.exists()


def test_anyone_may_give_feedback_on_a_drop_in_session(
    client: Any, concert: Offering, ended: Occurrence
) -> None:
    Offering.objects.filter(pk=concert.pk).update(allows_enrolment=False, allows_group_orders=False)

    response = client.post(en("feedback", occurrence_id=ended.pk), {"rating": "4"})

    assert response.status_code == 302 and SessionFeedback.objects.get().rating == 4


def test_feedback_is_rate_limited(client: Any, concert: Offering, make_session: Any) -> None:
    Offering.objects.filter(pk=concert.pk).update(allows_enrolment=False, allows_group_orders=False)
    sessions = [make_session(starts_in=-timedelta(hours=2 + n)) for n in range(11)]

    statuses = [
        client.post(en("feedback", occurrence_id=s.pk), {"rating": "4"}).status_code
        for s in sessions
    ]

    assert statuses[:10] == [302] * 10 and statuses[10] == 429


def render_panel(occurrence: Occurrence, user: Any, session: dict[str, Any] | None = None) -> str:
    request = RequestFactory().get("/")
    request.user = user
    request.session = session or {}  # type: ignore[assignment]
    with translation.override("en"):
        return Template("{% load digital_feedback %}{% feedback_panel occurrence %}").render(
            Context({"occurrence": occurrence, "request": request, "user": user})
        )


def test_the_panel_shows_five_labelled_smileys_and_one_question_after_the_session(
    ended: Occurrence, attendee: Any
) -> None:
    html = render_panel(ended, attendee)

    assert "<legend>How was the session?</legend>" in html
    assert html.count('type="radio" name="rating"') == 5
    for label in ("Very good", "Good", "Okay", "Not so good", "Poor"):
        assert f'<span class="smiley__label">{label}</span>' in html
    assert "What would you like to tell the performer?" in html
    assert f'action="{en("feedback", occurrence_id=ended.pk)}"' in html


def test_the_panel_is_empty_before_the_end_and_for_people_who_could_not_watch(
    make_session: Any, ended: Occurrence, resident: Any, attendee: Any
) -> None:
    upcoming = make_session()
    Enrolment.objects.create(
        occurrence=upcoming, person=attendee, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    assert "<form" not in render_panel(upcoming, attendee)
    assert "<form" not in render_panel(ended, resident)


def test_the_panel_thanks_a_browser_that_already_answered(ended: Occurrence, attendee: Any) -> None:
    html = render_panel(ended, attendee, {"digital_feedback_given": [ended.pk]})

    assert "<form" not in html and "Thank you for your feedback" in html


def test_the_session_page_shows_the_form_and_after_answering_thanks(
    client: Any, ended: Occurrence, attendee: Any
) -> None:
    client.force_login(attendee)
    page = en("session", occurrence_id=ended.pk)

    assert 'name="rating"' in client.get(page).content.decode()
    followed = client.post(en("feedback", occurrence_id=ended.pk), {"rating": "4"}, follow=True)

    body = followed.content.decode()
    assert 'name="rating"' not in body and "Thank you for your feedback" in body
