"""Walks every model: each personal field is in the retention register (lampio/retention_policy.py)
or in the commented allow-list below; deleting an account leaves nothing personal behind; the
export holds the person's data from every app."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from modeltranslation.translator import NotRegistered, translator

from lampio.accounts.models import User
from lampio.accounts.selectors import personal_data_export
from lampio.accounts.services import delete_account
from lampio.core.privacy import personal_data_sections
from lampio.core.retention import covered_fields, retention_rules
from lampio.retention_policy import STAFF_TRAIL
from tests.personal_world import PersonWorld, build_person_world, links_and_traces

# Names that look personal wherever they appear (booleans such as `show_name` are not).
PERSONAL_NAME = re.compile(
    r"(^|_)(e?mail|phone|name|address|contact|ip|remote_addr|pseudonym|uid)(_|$)"
)

# Fields the walk flags that hold no personal data, each with the reason.
NOT_PERSONAL = {
    # Django's and the libraries' own bookkeeping: names of permissions, groups, queues, apps.
    "auth.Permission.name": "a permission's name",
    "auth.Group.name": "a group's name",
    "socialaccount.SocialApp.name": "an identity provider's name",
    "socialaccount.SocialAccount.provider": "which identity provider, not who",
    "django_tasks_database.DBTaskResult.queue_name": "a job queue's name",
    "django_tasks_database.DBTaskResult.backend_name": "a job backend's name",
    "admin.LogEntry.object_id": "a row's id",
    "auditlog.LogEntry.object_pk": "a row's id",
    "auditlog.LogEntry.cid": "a correlation id of one request",
    # An organisation's and a venue's public contact details, not a person's.
    "tenancy.Organisation.email": "an organisation's public address",
    "spaces.Venue.street_address": "a building's address",
    "feedback.Open311Client.name": "an integrating system's name",
    # Identifiers and structured values about a record, not about who it concerns.
    "notifications.Delivery.key": "which message template",
    "notifications.Delivery.dedupe_key": "message kind and row ids",
    "bookings.DoorSync.payload": "door id, code and times sent to the lock; no name",
    "bookings.DoorSync.last_error": "the lock system's error text",
    "bookings.BookingSeries.weekdays": "weekday numbers",
    "bookings.BookingSeries.skipped_dates": "dates",
    "seasons.Application.activity": "the kind of activity (e.g. basketball)",
    "seasons.AllocationRun.satisfied_by_rank": "counts per preference rank",
    # Staff-written work content about a record, not about a resident.
    "payments.Refund.reason": "staff's reason for a refund",
    "digital.AudienceMessage.subject": "staff's message to a session's audience",
    "digital.AudienceMessage.body": "staff's message to a session's audience",
    "ideas.Idea.terms": "the terms text the idea was sent under",
    "ideas.Idea.official_answer": "the city's public answer",
    "ideas.Idea.hidden_note": "a moderator's note on why an idea is hidden",
    "ideas.Comment.hidden_note": "a moderator's note on why a comment is hidden",
    "ideas.IdeaEvent.text": "the idea's public handling history",
    "assistant.Concept.terms_fi": "vocabulary of the assistant",
    "assistant.Concept.terms_sv": "vocabulary of the assistant",
    "assistant.Concept.terms_en": "vocabulary of the assistant",
    "assistant.Concept.note": "a note on the vocabulary",
    "capability.SelfAssessment.summary": "an organisation's self-assessment",
    "capability.Measurement.note": "a note on an indicator's value",
    "capability.Lesson.what_worked": "an organisation's lesson learnt",
    "capability.Lesson.what_did_not": "an organisation's lesson learnt",
    "capability.Lesson.do_differently": "an organisation's lesson learnt",
}


def _translated(model: type[models.Model]) -> set[str]:
    """Multilingual content fields (title_fi, …): published content, not personal data."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    names = set(options.all_fields)
    for variants in options.all_fields.values():
        names |= {variant.name for variant in variants}
    return names


def _is_user_link(field: models.Field[Any, Any]) -> bool:
    return bool(field.is_relation and field.related_model is User)


def personal_looking_fields() -> set[str]:
    """Every field that a person's data may be in: links to an account, personal-sounding names,
    and free text or JSON in models that link to an account."""
    found = set()
    for model in apps.get_models():
        fields = model._meta.concrete_fields
        linked = model is User or any(_is_user_link(field) for field in fields)
        for field in fields:
            if field.name in _translated(model) or isinstance(field, models.BooleanField):
                continue
            free_text = isinstance(field, models.TextField | models.JSONField) or (
                isinstance(field, models.CharField) and (field.max_length or 0) >= 100
            )
            if _is_user_link(field) or PERSONAL_NAME.search(field.name) or (linked and free_text):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_personal_field_has_a_retention_rule() -> None:
    missing = personal_looking_fields() - covered_fields() - set(NOT_PERSONAL)
    assert not missing, f"Add these to lampio/retention_policy.py (or NOT_PERSONAL): {missing}"


def test_register_and_allow_list_name_real_fields() -> None:
    """A renamed field must not leave a stale rule behind that covers nothing."""
    real = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
    }
    assert covered_fields() - real == set()
    assert set(NOT_PERSONAL) - real == set()
    assert covered_fields() & set(NOT_PERSONAL) == set()


def test_the_walk_catches_a_new_personal_field() -> None:
    """The walk is not vacuous: the register really covers what it flags."""
    flagged = personal_looking_fields()
    assert {"bookings.Booking.booker", "feedback.Feedback.contact_email"} <= flagged
    assert "accounts.User.email" in flagged and "spaces.Space.name" not in flagged


def test_timed_rules_say_how_long_and_why() -> None:
    for rule in retention_rules():
        assert str(rule.what) and str(rule.why) and str(rule.counts_from)
        if rule.anonymise is not None:
            assert rule.period_days() is not None and rule.expired is not None, rule.key


@pytest.fixture
def world(
    db: None, make_user: Any, make_organisation: Any, make_space: Any, make_offering: Any
) -> PersonWorld:
    return build_person_world(
        make_user=make_user,
        make_organisation=make_organisation,
        make_space=make_space,
        make_offering=make_offering,
    )


def test_export_holds_the_person_s_data_from_every_app(world: PersonWorld) -> None:
    sections = personal_data_export(user=world.person)["sections"]
    assert set(sections) == {section.name for section in personal_data_sections()}
    empty = [name for name, data in sections.items() if not _holds_something(data)]
    assert not empty, f"these sections exported nothing for a person with data there: {empty}"
    exported = json.dumps(sections, default=str)
    for marker in world.markers:
        assert marker in exported, marker


def _holds_something(data: Any) -> bool:
    if isinstance(data, dict):
        return any(_holds_something(value) for value in data.values())
    if isinstance(data, list):
        return bool(data)
    return data not in (None, "", False)


def test_deletion_leaves_nothing_personal_behind(world: PersonWorld) -> None:
    person = world.person
    identity = [person.email, person.phone, person.first_name, person.last_name]
    traces = [str(value) for value in identity if value] + world.erased_markers
    assert len(traces) == 4 + len(world.erased_markers)
    delete_account(actor=person, user=person)

    # Staff-trail links and audit actors may point at the anonymised row (it holds no name).
    allowed = set(STAFF_TRAIL) | {"auditlog.LogEntry.actor"}
    linked, texts = links_and_traces(person, traces, allowed_links=allowed)
    assert not linked, f"rows still link to the deleted person: {linked}"
    assert not texts, f"personal text left behind: {texts}"
