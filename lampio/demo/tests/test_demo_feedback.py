"""The demo's feedback: every city takes feedback, messages in every state, the Open311 key."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from lampio.demo.feedback import load_feedback
from lampio.demo.feedback_data import CITIES, DEMO_OPEN311_KEY, MESSAGES
from lampio.feedback.models import (
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    Identity,
    Jurisdiction,
    Open311Client,
    ReplyTemplate,
    StateKind,
)
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for the module and roll it back at the end."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        ),
        transaction.atomic(),
    ):
        call_command("load_demo", "--without-history", verbosity=0)
        yield
        transaction.set_rollback(True)


def counts() -> tuple[int, ...]:
    return (
        Jurisdiction.objects.count(),
        Feedback.objects.count(),
        FeedbackEvent.objects.count(),
        ReplyTemplate.objects.count(),
        Open311Client.objects.count(),
    )


def test_every_demo_city_takes_feedback_with_an_open311_id(demo):
    ids = dict(Jurisdiction.objects.values_list("municipality__slug", "open311_id"))
    assert ids == {city: open311_id for city, (_desk, open311_id, _routes) in CITIES.items()}
    oulu = FeedbackCategory.objects.select_related("organisation")
    assert oulu.get(municipality__slug="oulu", code="digital").organisation.slug == (
        "kaupunginkirjasto"
    )


def test_forty_messages_in_three_languages_and_every_state(demo):
    assert Feedback.objects.count() == len(MESSAGES) >= 40
    assert set(Feedback.objects.values_list("language", flat=True)) == {"fi", "sv", "en"}
    kinds = set(Feedback.objects.values_list("state__kind", flat=True))
    assert kinds == {StateKind.OPEN, StateKind.ANSWERED, StateKind.CLOSED}
    assert set(Feedback.objects.values_list("identity", flat=True)) == set(Identity.values)
    assert Feedback.objects.filter(state__slug="in-progress", assignee__isnull=False).exists()
    assert not Feedback.objects.exclude(contact_email="").exists()  # no receipts sent


def test_messages_about_spaces_offerings_and_sessions_go_to_their_owners(demo):
    about_space = Feedback.objects.filter(space__isnull=False).select_related("space__venue")
    assert about_space.exists()
    for feedback in about_space:
        assert feedback.organisation_id == feedback.space.venue.organisation_id
    assert Feedback.objects.filter(offering__isnull=False).exists()
    assert Feedback.objects.filter(occurrence__isnull=False).exists()


def test_published_messages_carry_a_public_answer_and_some_are_overdue(demo):
    published = Feedback.objects.filter(is_published=True)
    assert published.count() >= 8
    for feedback in published:
        assert feedback.events.filter(kind=EventKind.REPLY).exists()
    now = timezone.now()
    overdue = Feedback.objects.filter(state__kind=StateKind.OPEN, due_at__lt=now)
    assert overdue.count() >= 3
    answered = Feedback.objects.filter(answered_at__isnull=False)
    assert all(f.submitted_at <= f.answered_at <= now for f in answered)


def test_reply_templates_in_three_languages(demo):
    templates = ReplyTemplate.objects.all()
    assert templates.count() == 3 * len(CITIES)
    assert not templates.filter(body_sv="").exists() and not templates.filter(body_en="").exists()


def test_the_documented_demo_key_posts_through_open311(demo, client):
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": DEMO_OPEN311_KEY,
            "jurisdiction_id": "oulu.fi",
            "service_code": "spaces",
            "address_string": "Pikisaarentie 8",
            "description": "Salin valot vilkkuvat.",
        },
    )
    assert response.status_code == 201
    listed = client.get("/open311/v2/requests.json?jurisdiction_id=lahti.fi").json()
    assert listed and all("description" in item for item in listed)


def test_loading_again_adds_nothing(demo):
    first = counts()
    load_feedback(
        organisations={
            (o.municipality.slug, o.slug): o
            for o in Organisation.objects.select_related("municipality")
        }
    )
    assert counts() == first
