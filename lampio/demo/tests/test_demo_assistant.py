"""The demo's assistant: seeded knowledge, a city's own answer, staff on duty, work waiting."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from lampio.assistant.models import (
    AnswerOverride,
    Conversation,
    ConversationState,
    DutyShift,
    Exchange,
    KnowledgeEntry,
    Paraphrase,
    ReviewState,
)
from lampio.assistant.services.handoff import someone_on_duty
from lampio.demo.assistant import load_assistant
from lampio.tenancy.models import Municipality, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
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
        KnowledgeEntry.objects.count(),
        Paraphrase.objects.count(),
        AnswerOverride.objects.count(),
        DutyShift.objects.count(),
        Exchange.objects.count(),
        Conversation.objects.count(),
    )


def test_the_demo_assistant_has_knowledge_and_work_waiting(demo):
    assert KnowledgeEntry.objects.filter(is_published=True).count() >= 26
    kuopio = AnswerOverride.objects.get(entry__key="code-not-working", municipality__slug="kuopio")
    assert "555" in kuopio.answer_fi
    assert someone_on_duty(Municipality.objects.get(slug="oulu"))
    assert not someone_on_duty(Municipality.objects.get(slug="turku"))
    assert Exchange.objects.filter(review=ReviewState.PENDING).count() >= 3
    waiting = Conversation.objects.get(state=ConversationState.WAITING)
    assert waiting.messages.count() == 3


def test_loading_the_assistant_again_changes_nothing(demo):
    before = counts()
    load_assistant(
        organisations={(o.municipality.slug, o.slug): o for o in Organisation.objects.all()}
    )
    assert counts() == before
