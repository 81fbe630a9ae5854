"""The writer's personal data: exported, erased on request, and erased after closing + retention."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from lampio.feedback.models import Feedback, Identity
from lampio.feedback.personal_data import erase_feedback, export_feedback

pytestmark = pytest.mark.django_db


def test_export_lists_messages_sent_signed_in_or_under_the_same_email(make_feedback, resident):
    signed_in = make_feedback(actor=resident, identity=Identity.NAMED)
    by_email = make_feedback(identity=Identity.NAMED, contact_email=resident.email.upper())
    make_feedback()  # anonymous: nothing ties it to anyone
    exported = export_feedback(resident)
    assert [item["reference"] for item in exported] == [signed_in.pk, by_email.pk]
    assert exported[0]["text"] == signed_in.text


def test_erasure_keeps_the_message_but_nothing_of_the_person(make_feedback, resident):
    feedback = make_feedback(
        actor=resident,
        identity=Identity.PSEUDONYM,
        pseudonym="Kulttuurikissa",
        contact_phone="+358401234567",
        wants_contact=True,
    )
    erase_feedback(resident)
    feedback.refresh_from_db()
    assert feedback.text
    assert feedback.identity == Identity.ANONYMOUS
    assert (
        feedback.author,
        feedback.pseudonym,
        feedback.contact_email,
        feedback.contact_phone,
    ) == (
        None,
        "",
        "",
        "",
    )


def test_contact_details_go_after_the_retention_period(make_feedback, resident, settings):
    settings.LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS = 30
    old = make_feedback(actor=resident, identity=Identity.NAMED)
    recent = make_feedback(actor=resident, identity=Identity.NAMED)
    still_open = make_feedback(actor=resident, identity=Identity.NAMED)
    Feedback.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=31))
    Feedback.objects.filter(pk=recent.pk).update(closed_at=timezone.now() - timedelta(days=29))
    call_command("purge_feedback_contacts")
    old.refresh_from_db()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert old.author is None and old.contact_email == ""
    assert recent.author == resident and recent.contact_email == resident.email
    assert still_open.author == resident
