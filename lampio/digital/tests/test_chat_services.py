"""The chat's services: who may write, when, how fast, and the moderator's tools."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.digital.models import Broadcast, ChatMessage, ChatMute, MessageKind, ReactionCount
from lampio.digital.phase import Phase, session_phase
from lampio.digital.services import audience_messages, broadcast, chat
from lampio.offerings.models import Enrolment, EnrolmentStatus

pytestmark = pytest.mark.django_db


def test_an_enrolled_person_writes_and_the_name_shows_only_when_chosen(
    chat_live_session: Any, chat_viewer: Any
) -> None:
    anonymous = chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="  Hei! ")
    assert anonymous.text == "Hei!"
    assert anonymous.display_name == ""
    assert chat.message_event(anonymous)["name"] == ""
    chat.cache.clear()  # past the pace limit
    named = chat.post_message(
        actor=chat_viewer, occurrence=chat_live_session, text="Kiitos", show_name=True
    )
    # The first name only: never the email address that display_name may fall back to.
    assert named.display_name == "Aino"


def test_people_who_may_not_watch_cannot_write(
    chat_live_session: Any, make_user: Any, django_user_model: Any
) -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        chat.post_message(actor=make_user(), occurrence=chat_live_session, text="Hei")
    with pytest.raises(PermissionDenied):
        chat.post_message(actor=AnonymousUser(), occurrence=chat_live_session, text="Hei")
    assert not ChatMessage.objects.exists()


@pytest.mark.parametrize(
    ("starts_in", "open_"),
    [
        (timedelta(hours=2), False),  # upcoming
        (timedelta(minutes=20), True),  # doors open
        (timedelta(minutes=-30), True),  # live
        (timedelta(hours=-2), False),  # ended
    ],
)
def test_the_chat_is_open_from_the_doors_to_the_end(
    make_session: Any, make_user: Any, starts_in: timedelta, open_: bool
) -> None:
    occurrence = make_session(starts_in=starts_in)
    person = make_user()
    Enrolment.objects.create(
        occurrence=occurrence, person=person, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    if open_:
        assert chat.post_message(actor=person, occurrence=occurrence, text="Hei").pk
    else:
        with pytest.raises(chat.ChatClosed):
            chat.post_message(actor=person, occurrence=occurrence, text="Hei")


def test_the_provider_can_close_the_chat(
    chat_live_session: Any, chat_viewer: Any, concert_editor: Any
) -> None:
    broadcast.set_chat_open(actor=concert_editor, occurrence=chat_live_session, is_open=False)
    with pytest.raises(chat.ChatClosed):
        chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Hei")


def test_text_is_checked_and_too_fast_is_refused(chat_live_session: Any, chat_viewer: Any) -> None:
    with pytest.raises(InvalidInput) as empty:
        chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="   ")
    assert empty.value.field == "text"
    with pytest.raises(InvalidInput):
        chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="x" * 501)
    chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="x" * 500)
    with pytest.raises(chat.TooFast):
        chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Again")
    assert ChatMessage.objects.count() == 1


def test_a_muted_person_cannot_write_and_the_message_is_hidden_with_an_audit_entry(
    chat_live_session: Any, chat_viewer: Any, concert_editor: Any
) -> None:
    message = chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Roskaa")
    chat.mute_person(actor=concert_editor, occurrence=chat_live_session, message_id=message.pk)
    assert ChatMute.objects.filter(person=chat_viewer, muted_by=concert_editor).exists()
    message.refresh_from_db()
    assert message.is_hidden and message.hidden_by == concert_editor
    entry = LogEntry.objects.get_for_object(message).latest("timestamp")
    assert entry.actor == concert_editor
    assert "is_hidden" in entry.changes_dict
    chat.cache.clear()
    with pytest.raises(chat.Muted):
        chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Taas")


def test_only_the_providers_staff_moderate(
    chat_live_session: Any, chat_viewer: Any, make_organisation: Any, make_member: Any
) -> None:
    message = chat.post_message(
        actor=chat_viewer, occurrence=chat_live_session, text="Kysymys?", kind=MessageKind.QUESTION
    )
    outsider = make_member(make_organisation(), role="provider_editor")
    for action in (chat.hide_message, chat.mark_answered, chat.mute_person):
        with pytest.raises(PermissionDenied):
            action(actor=outsider, occurrence=chat_live_session, message_id=message.pk)
        with pytest.raises(PermissionDenied):
            action(actor=chat_viewer, occurrence=chat_live_session, message_id=message.pk)
    message.refresh_from_db()
    assert not message.is_hidden and message.answered_at is None


def test_marking_a_question_answered(
    chat_live_session: Any, chat_viewer: Any, concert_editor: Any
) -> None:
    question = chat.post_message(
        actor=chat_viewer, occurrence=chat_live_session, text="Mikä kappale?", kind="question"
    )
    chat.mark_answered(actor=concert_editor, occurrence=chat_live_session, message_id=question.pk)
    question.refresh_from_db()
    assert question.answered_at is not None
    assert LogEntry.objects.get_for_object(question).latest("timestamp").actor == concert_editor


def test_applause_raises_one_counter(chat_live_session: Any, chat_viewer: Any) -> None:
    for _ in range(3):
        counts = chat.react(actor=chat_viewer, occurrence=chat_live_session, kind="applause")
    assert counts == {"applause": 3, "heart": 0, "smile": 0}
    assert ReactionCount.objects.get().count == 3
    with pytest.raises(InvalidInput):
        chat.react(actor=chat_viewer, occurrence=chat_live_session, kind="boo")


def test_anyone_may_clap_at_a_drop_in_but_not_at_an_enrolled_session(
    make_session: Any, chat_live_session: Any, concert: Any
) -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        chat.react(actor=AnonymousUser(), occurrence=chat_live_session, kind="applause")
    concert.allows_enrolment = concert.allows_group_orders = False
    concert.save()
    chat_live_session.refresh_from_db()
    assert chat.react(actor=AnonymousUser(), occurrence=chat_live_session, kind="heart")["heart"]


def test_go_live_and_end_override_the_clock_and_are_audited(
    session: Any, concert_editor: Any, chat_viewer: Any
) -> None:
    now = timezone.now()
    with pytest.raises(PermissionDenied):
        broadcast.go_live(actor=chat_viewer, occurrence=session)
    broadcast.go_live(actor=concert_editor, occurrence=session, now=now)
    assert session_phase(session, now + timedelta(seconds=1)) == Phase.LIVE
    broadcast.end_broadcast(actor=concert_editor, occurrence=session, now=now + timedelta(1 / 24))
    record = Broadcast.objects.get(occurrence=session)
    assert session_phase(session, now + timedelta(hours=2)) == Phase.ENDED
    assert record.ended_at is not None
    assert {entry.actor for entry in LogEntry.objects.get_for_object(record)} == {concert_editor}


def test_stream_address_must_be_https(session: Any, concert_editor: Any) -> None:
    with pytest.raises(InvalidInput):
        broadcast.set_stream_url(actor=concert_editor, occurrence=session, url="http://x.fi/a")
    broadcast.set_stream_url(
        actor=concert_editor, occurrence=session, url="https://cdn.example.fi/live.m3u8"
    )
    assert Broadcast.objects.get(occurrence=session).stream_url.endswith("live.m3u8")


def test_audience_count_holds_only_recent_viewers_and_no_names_unless_chosen(
    chat_live_session: Any,
) -> None:
    now = timezone.now()
    key = broadcast.viewer_key("session-a")
    assert key != "session-a" and len(key) == 64
    broadcast.touch_viewer(occurrence=chat_live_session, key=key, now=now - timedelta(minutes=5))
    broadcast.touch_viewer(
        occurrence=chat_live_session,
        key=broadcast.viewer_key("session-b"),
        now=now,
        show_name=True,
        display_name="Aino",
    )
    broadcast.touch_viewer(
        occurrence=chat_live_session,
        key=broadcast.viewer_key("session-c"),
        now=now,
        show_name=False,
        display_name="Eino",
    )
    assert broadcast.audience_count(occurrence=chat_live_session, now=now) == 2
    assert broadcast.named_viewers(occurrence=chat_live_session, now=now) == ["Aino"]
    broadcast.touch_viewers(occurrence_id=chat_live_session.pk, keys=[key], now=now)
    assert broadcast.audience_count(occurrence=chat_live_session, now=now) == 3


def test_audience_message_goes_to_confirmed_people_only(
    chat_live_session: Any,
    chat_viewer: Any,
    concert_editor: Any,
    make_user: Any,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    waiting = make_user()
    Enrolment.objects.create(
        occurrence=chat_live_session, person=waiting, seats=1, status=EnrolmentStatus.WAITLISTED
    )
    with pytest.raises(PermissionDenied):
        audience_messages.send_audience_message(
            actor=chat_viewer, occurrence=chat_live_session, subject="x", body="y"
        )
    with django_capture_on_commit_callbacks(execute=True):
        sent = audience_messages.send_audience_message(
            actor=concert_editor,
            occurrence=chat_live_session,
            subject="Linkki vaihtui",
            body="Konsertti alkaa 10 minuuttia myöhemmin.",
        )
    assert sent.recipients == 1
    assert [mail.to for mail in mailoutbox] == [[chat_viewer.email]]
    assert mailoutbox[0].subject == "Linkki vaihtui"
    assert "10 minuuttia myöhemmin" in mailoutbox[0].body
    assert LogEntry.objects.get_for_object(sent).get().actor == concert_editor


def test_audience_message_reaches_a_phone_only_person_by_text_message(
    chat_live_session: Any,
    concert_editor: Any,
    settings: Any,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from lampio.accounts.models import User
    from lampio.core import sms

    settings.LAMPIO_SMS_BACKEND = "locmem"
    sms.outbox.clear()
    person = User.objects.create_phone_user("+358401234567")
    Enrolment.objects.create(
        occurrence=chat_live_session, person=person, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    with django_capture_on_commit_callbacks(execute=True):
        audience_messages.send_audience_message(
            actor=concert_editor,
            occurrence=chat_live_session,
            subject="Linkki vaihtui",
            body="Konsertti alkaa 10 minuuttia myöhemmin.",
        )
    texts = [message.text for message in sms.outbox if message.to == "+358401234567"]
    assert len(texts) == 1 and "10 minuuttia myöhemmin" in texts[0]
    assert f"/sessions/{chat_live_session.pk}/" in texts[0]
    assert all("+358401234567" not in mail.to for mail in mailoutbox)
