"""notify(): the person's language, the organisation's texts, dedupe, choices and channels."""

from __future__ import annotations

import pytest
from django.core import mail

from lampio.core.errors import Conflict, NotFound
from lampio.notifications import services
from lampio.notifications.models import Channel, Delivery, DeliveryStatus, MessageTemplate
from lampio.notifications.tokens import person_id_from_token, unsubscribe_token

pytestmark = pytest.mark.django_db
CONTEXT = {"space": "Sali 2", "time": "17:00"}


def send(capture, **kwargs):
    with capture(execute=True):
        return services.notify(**kwargs)


def test_email_and_sms_in_the_persons_language(
    make_user, django_capture_on_commit_callbacks, sms_outbox
):
    person = make_user(preferred_language="en", phone="+358401234567")
    rows = send(
        django_capture_on_commit_callbacks, recipient=person, key="test.offer", context=CONTEXT
    )
    assert {row.channel for row in rows} == {Channel.EMAIL, Channel.SMS}
    assert mail.outbox[0].subject == "A time for you: Sali 2"
    assert "Sali 2 is free at 17:00" in mail.outbox[0].body
    assert sms_outbox[0].to == "+358401234567"
    assert sms_outbox[0].text == "Lämpiö: Sali 2 17:00"
    assert all(row.language == "en" for row in rows)
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_the_organisations_text_overrides_the_default(make_user, make_organisation):
    org = make_organisation()
    MessageTemplate.objects.create(
        organisation=org, key="test.offer", subject_en="Free: {{ space }}", body_en="Come!"
    )
    person = make_user(preferred_language="en")
    (row,) = services.notify(
        recipient=person, key="test.offer", context=CONTEXT, organisation_id=org.pk
    )
    assert (row.subject, row.body) == ("Free: Sali 2", "Come!")


def test_a_language_left_empty_falls_back_to_the_default(make_user, make_organisation):
    org = make_organisation()
    MessageTemplate.objects.create(organisation=org, key="test.offer", subject_fi="Oma otsikko")
    person = make_user(preferred_language="en")
    (row,) = services.notify(
        recipient=person, key="test.offer", context=CONTEXT, organisation_id=org.pk
    )
    assert row.subject == "A time for you: Sali 2"
    finn = make_user(preferred_language="fi")
    (row,) = services.notify(
        recipient=finn, key="test.offer", context=CONTEXT, organisation_id=org.pk
    )
    assert row.subject == "Oma otsikko"
    assert "Sali 2" in row.body  # body left empty: the default


def test_another_organisations_text_is_not_used(make_user, make_organisation):
    MessageTemplate.objects.create(
        organisation=make_organisation(), key="test.offer", subject_en="Theirs"
    )
    person = make_user(preferred_language="en")
    (row,) = services.notify(
        recipient=person, key="test.offer", context=CONTEXT, organisation_id=make_organisation().pk
    )
    assert row.subject == "A time for you: Sali 2"


def test_a_repeated_dedupe_key_queues_nothing(make_user):
    person = make_user(phone="+358401234567")
    first = services.notify(recipient=person, key="test.offer", context=CONTEXT, dedupe_key="x")
    again = services.notify(recipient=person, key="test.offer", context=CONTEXT, dedupe_key="x")
    assert len(first) == 2
    assert again == []
    assert Delivery.objects.count() == 2


def test_non_essential_messages_stop_after_unsubscribing_essential_ones_do_not(make_user):
    person = make_user()
    assert services.notify(recipient=person, key="test.reminder", context=CONTEXT)
    services.unsubscribe(token=unsubscribe_token(person.pk))
    assert services.notify(recipient=person, key="test.reminder", context=CONTEXT) == []
    assert services.notify(recipient=person, key="test.offer", context=CONTEXT)


def test_non_essential_email_ends_with_the_unsubscribe_link(make_user):
    person = make_user(preferred_language="sv")
    (row,) = services.notify(recipient=person, key="test.reminder", context=CONTEXT)
    # The token is signed with a timestamp, so compare what it says rather than its bytes.
    prefix = "https://lampio.example.fi/sv/messages/unsubscribe/"
    last_line = row.body.rstrip().splitlines()[-1]
    token = last_line.rsplit(prefix, 1)[1].rstrip("/")
    assert row.body.rstrip().endswith(f"{prefix}{token}/")
    assert person_id_from_token(token) == person.pk
    (essential,) = services.notify(recipient=person, key="test.offer", context=CONTEXT)
    assert "unsubscribe" not in essential.body


def test_a_phone_only_person_gets_a_text_message_only(django_user_model, sms_outbox):
    person = django_user_model.objects.create_phone_user("+358501234567")
    rows = services.notify(recipient=person, key="test.offer", context=CONTEXT)
    assert [row.channel for row in rows] == [Channel.SMS]
    # A kind without an SMS text sends nothing to a phone-only person.
    assert services.notify(recipient=person, key="test.reminder", context=CONTEXT) == []


def test_nothing_is_queued_when_the_change_rolls_back(make_user):
    from django.db import transaction

    person = make_user()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.notify(recipient=person, key="test.offer", context=CONTEXT)
        raise RuntimeError
    assert not Delivery.objects.exists()
    assert mail.outbox == []


def test_an_invalid_unsubscribe_token_is_refused():
    with pytest.raises(NotFound):
        services.unsubscribe(token="forged")


def test_unsubscribing_twice_is_fine(make_user):
    person = make_user()
    token = unsubscribe_token(person.pk)
    services.unsubscribe(token=token)
    services.unsubscribe(token=token)
    assert not services.wants_non_essential(person)


def test_staff_send_a_failed_message_again(
    make_user, make_member, make_organisation, django_capture_on_commit_callbacks
):
    org = make_organisation()
    staff = make_member(org)
    person = make_user()
    (row,) = services.notify(
        recipient=person, key="test.reminder", context=CONTEXT, organisation_id=org.pk
    )
    Delivery.objects.filter(pk=row.pk).update(status=DeliveryStatus.FAILED, attempts=5)
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_delivery(actor=staff, organisation=org, delivery_id=row.pk)
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    assert len(mail.outbox) == 1
    with pytest.raises(Conflict):
        services.retry_delivery(actor=staff, organisation=org, delivery_id=row.pk)
    other = make_member(make_organisation())
    with pytest.raises(NotFound):
        services.retry_delivery(actor=other, organisation=org, delivery_id=row.pk)
