"""Hand-off to a person: who is on duty, live conversations, feedback when nobody is there."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.db import connection, connections
from django.utils import timezone, translation

from lampio.assistant import handoff_selectors as selectors
from lampio.assistant.models import (
    Conversation,
    ConversationState,
    DutyShift,
    Sender,
)
from lampio.assistant.services import handoff
from lampio.assistant.services.handoff import HandoffRequest
from lampio.core.errors import Conflict, DomainError, InvalidInput, NotFound, PermissionDenied
from lampio.feedback.models import MAX_TEXT_LENGTH, Identity
from lampio.feedback.services.setup import set_up_feedback
from lampio.tenancy.models import Municipality, Organisation, Role

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"
)
TRANSCRIPT = (
    ("resident", "Voiko salivuoron siirtää toiselle seuralle?"),
    ("assistant", "En ole varma. Haluatko puhua ihmisen kanssa?"),
)


@pytest.fixture
def city(make_municipality: Callable[..., Municipality]) -> Municipality:
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def desk(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    desk = make_organisation(municipality=city, slug="palaute")
    set_up_feedback(municipality=city, fallback_organisation=desk, open311_id="oulu.fi")
    return desk


@pytest.fixture
def staff(desk: Organisation, make_member: Callable[..., Any]) -> Any:
    return make_member(desk, role=Role.STAFF)


@pytest.fixture
def on_duty(staff: Any, desk: Organisation) -> DutyShift:
    return handoff.start_duty(actor=staff, organisation=desk, hours=2)


def ask(city: Municipality, **fields: Any) -> Conversation:
    actor = fields.pop("actor", None)
    values: dict[str, Any] = {"municipality": city, "language": "fi", "transcript": TRANSCRIPT}
    values.update(fields)
    return handoff.hand_off(request=HandoffRequest(**values), actor=actor)


# --- Duty ---------------------------------------------------------------------------------------


def test_nobody_is_on_duty_without_a_running_shift(city: Municipality, desk: Organisation) -> None:
    assert not handoff.someone_on_duty(city)


def test_a_running_shift_puts_the_desk_on_duty_until_it_ends(
    city: Municipality, desk: Organisation, staff: Any
) -> None:
    shift = handoff.start_duty(actor=staff, organisation=desk, hours=1)
    assert handoff.someone_on_duty(city)
    assert selectors.current_shift(staff, desk) == shift
    # Read from the timestamps: an hour later nobody is on duty, though nobody ended the shift.
    assert not handoff.someone_on_duty(city, now=timezone.now() + timedelta(hours=1, seconds=1))


def test_starting_again_extends_the_running_shift(desk: Organisation, staff: Any) -> None:
    handoff.start_duty(actor=staff, organisation=desk, hours=1)
    shift = handoff.start_duty(actor=staff, organisation=desk, hours=3)
    assert DutyShift.objects.count() == 1
    assert shift.ends_at > timezone.now() + timedelta(hours=2)


def test_ending_duty_stops_the_shift_now(
    city: Municipality, desk: Organisation, staff: Any
) -> None:
    handoff.start_duty(actor=staff, organisation=desk)
    handoff.end_duty(actor=staff, organisation=desk)
    assert not handoff.someone_on_duty(city)
    assert selectors.current_shift(staff, desk) is None


def test_a_shift_of_someone_who_left_the_desk_does_not_count(
    city: Municipality, desk: Organisation, staff: Any, on_duty: DutyShift
) -> None:
    staff.memberships.all().delete()
    assert not handoff.someone_on_duty(city)


def test_only_desk_staff_go_on_duty(
    city: Municipality,
    desk: Organisation,
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., Any],
) -> None:
    library = make_organisation(municipality=city)
    librarian = make_member(library, role=Role.STAFF)
    with pytest.raises(PermissionDenied):
        handoff.start_duty(actor=librarian, organisation=library)  # not a desk
    with pytest.raises(PermissionDenied):
        handoff.start_duty(actor=make_member(desk, role=Role.VIEWER), organisation=desk)
    with pytest.raises(InvalidInput):
        handoff.start_duty(actor=make_member(desk, role=Role.STAFF), organisation=desk, hours=24)


# --- Handing off --------------------------------------------------------------------------------


def test_with_someone_on_duty_a_conversation_waits_with_the_transcript(
    city: Municipality, desk: Organisation, on_duty: DutyShift, resident: Any
) -> None:
    conversation = ask(city, message="Ehtiikö joku vastata?", contact_phone="040 123 4567")
    conversation.refresh_from_db()
    assert conversation.state == ConversationState.WAITING
    assert conversation.organisation == desk
    assert len(conversation.token) >= 43
    assert conversation.contact_phone == "+358401234567"
    assert conversation.feedback is None
    assert [(m.sender, m.text) for m in conversation.messages.all()] == [
        *TRANSCRIPT,
        (Sender.RESIDENT, "Ehtiikö joku vastata?"),
    ]
    assert list(selectors.waiting_conversations(desk)) == [conversation]


def test_a_signed_in_resident_is_linked_to_the_conversation(
    city: Municipality, on_duty: DutyShift, resident: Any
) -> None:
    assert ask(city, message="Hei", actor=resident).user == resident


def test_with_nobody_on_duty_the_conversation_becomes_feedback(
    city: Municipality, desk: Organisation
) -> None:
    conversation = ask(city, message="Voiko vuoron antaa toiselle?")
    assert conversation.state == ConversationState.TO_FEEDBACK
    feedback = conversation.feedback
    assert feedback is not None
    assert feedback.category.code == "other"
    assert feedback.organisation == desk
    assert feedback.identity == Identity.ANONYMOUS
    assert not feedback.wants_contact
    assert feedback.text.startswith("Voiko vuoron antaa toiselle?")
    assert TRANSCRIPT[0][1] in feedback.text and TRANSCRIPT[1][1] in feedback.text
    assert conversation.messages.count() == 3


def test_feedback_carries_the_contact_details_given(city: Municipality, desk: Organisation) -> None:
    conversation = ask(
        city, message="Soittakaa", contact_name="Pekka", contact_email="pekka@example.fi"
    )
    feedback = conversation.feedback
    assert feedback is not None
    assert feedback.identity == Identity.NAMED
    assert feedback.wants_contact
    assert (feedback.contact_name, feedback.contact_email) == ("Pekka", "pekka@example.fi")


def test_feedback_text_keeps_the_message_and_the_latest_lines_when_long(
    city: Municipality, desk: Organisation
) -> None:
    transcript = tuple(("resident", f"{number} " + "x" * 900) for number in range(20))
    with translation.override("en"):
        feedback = ask(city, message="Tärkeä asia", transcript=transcript).feedback
    assert feedback is not None
    assert len(feedback.text) <= MAX_TEXT_LENGTH
    assert feedback.text.startswith("Tärkeä asia")
    assert "19 xxx" in feedback.text and "\n0 xxx" not in feedback.text


def test_the_transcript_is_labelled_in_the_conversations_language(
    city: Municipality, desk: Organisation
) -> None:
    feedback = ask(city, language="en", message="Please call").feedback
    assert feedback is not None
    assert "Resident: " in feedback.text and "Assistant: " in feedback.text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"message": "", "transcript": ()}, "message"),
        ({"message": "", "transcript": (("assistant", "Hei!"),)}, "message"),
        ({"message": "x" * 1001}, "message"),
        ({"message": "Hei", "contact_email": "not-an-address"}, "contact_email"),
        ({"message": "Hei", "contact_phone": "12"}, "contact_phone"),
    ],
)
def test_hand_off_refuses_what_it_cannot_use(
    city: Municipality, desk: Organisation, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        ask(city, **fields)
    assert refused.value.field == field
    assert not Conversation.objects.exists()


def test_the_residents_question_in_the_transcript_is_enough(
    city: Municipality, desk: Organisation, on_duty: DutyShift
) -> None:
    assert ask(city, message="").messages.count() == 2


def test_a_municipality_without_a_desk_is_refused(
    make_municipality: Callable[..., Municipality],
) -> None:
    with pytest.raises(InvalidInput):
        ask(make_municipality(), message="Hei")


# --- Answering ----------------------------------------------------------------------------------


@pytest.fixture
def waiting(city: Municipality, on_duty: DutyShift) -> Conversation:
    return ask(city, message="Hei")


def test_staff_take_a_conversation_and_the_change_is_audited(
    waiting: Conversation, staff: Any, desk: Organisation
) -> None:
    handoff.take_conversation(actor=staff, conversation=waiting)
    waiting.refresh_from_db()
    assert (waiting.state, waiting.taken_by) == (ConversationState.ACTIVE, staff)
    assert list(selectors.active_conversations(desk, staff)) == [waiting]
    assert not selectors.waiting_conversations(desk).exists()
    log = LogEntry.objects.get_for_object(waiting).filter(action=LogEntry.Action.UPDATE).get()
    assert log.actor == staff
    assert log.changes_dict["state"] == ["waiting", "active"]


def test_a_conversation_taken_by_a_colleague_cannot_be_taken(
    waiting: Conversation, staff: Any, desk: Organisation, make_member: Callable[..., Any]
) -> None:
    colleague = make_member(desk, role=Role.STAFF)
    handoff.take_conversation(actor=staff, conversation=waiting)
    handoff.take_conversation(actor=staff, conversation=waiting)  # a second click is fine
    with pytest.raises(Conflict) as refused, translation.override("en"):
        handoff.take_conversation(actor=colleague, conversation=waiting)
    with translation.override("en"):
        assert "already took" in str(refused.value.message)
    assert Conversation.objects.get(pk=waiting.pk).taken_by == staff


def test_only_staff_who_may_manage_the_desk_answer(
    waiting: Conversation,
    desk: Organisation,
    make_member: Callable[..., Any],
    make_organisation: Callable[..., Organisation],
    resident: Any,
) -> None:
    outsiders = [
        resident,
        make_member(desk, role=Role.VIEWER),
        make_member(make_organisation(), role=Role.ADMIN),
    ]
    for outsider in outsiders:
        with pytest.raises(PermissionDenied):
            handoff.take_conversation(actor=outsider, conversation=waiting)
        with pytest.raises(PermissionDenied):
            handoff.close_conversation(actor=outsider, conversation=waiting)
    assert Conversation.objects.get(pk=waiting.pk).state == ConversationState.WAITING


def test_only_the_taker_replies(
    waiting: Conversation, staff: Any, desk: Organisation, make_member: Callable[..., Any]
) -> None:
    with pytest.raises(Conflict):
        handoff.post_staff_reply(actor=staff, conversation=waiting, text="Hei!")
    handoff.take_conversation(actor=staff, conversation=waiting)
    handoff.post_staff_reply(actor=staff, conversation=waiting, text="Hei, miten voin auttaa?")
    with pytest.raises(PermissionDenied):
        colleague = make_member(desk, role=Role.STAFF)
        handoff.post_staff_reply(actor=colleague, conversation=waiting, text="Minä myös")
    last = waiting.messages.last()
    assert last is not None
    assert (last.sender, last.author, last.text) == (Sender.STAFF, staff, "Hei, miten voin auttaa?")


def test_residents_write_until_the_conversation_is_closed(
    waiting: Conversation, staff: Any
) -> None:
    first = waiting.messages.last()
    assert first is not None
    handoff.post_resident_message(conversation=waiting, text="Oletteko siellä?")
    assert [m.text for m in selectors.messages_after(waiting, first.pk)] == ["Oletteko siellä?"]
    handoff.close_conversation(actor=staff, conversation=waiting)
    waiting.refresh_from_db()
    assert waiting.state == ConversationState.CLOSED
    assert waiting.closed_at is not None
    with pytest.raises(Conflict):
        handoff.post_resident_message(conversation=waiting, text="Vielä yksi asia")
    handoff.close_conversation(actor=None, conversation=waiting)  # closing again changes nothing


def test_a_resident_may_close_their_own_conversation(waiting: Conversation) -> None:
    handoff.close_conversation(actor=None, conversation=waiting)
    assert Conversation.objects.get(pk=waiting.pk).state == ConversationState.CLOSED


def test_a_conversation_sent_as_feedback_takes_no_more_messages(
    city: Municipality, desk: Organisation
) -> None:
    conversation = ask(city, message="Hei")
    with pytest.raises(Conflict):
        handoff.post_resident_message(conversation=conversation, text="Hei taas")


def test_residents_find_their_conversation_by_its_token_only(waiting: Conversation) -> None:
    assert selectors.conversation_for_resident(waiting.token) == waiting
    for token in ("", "x" * 43, waiting.token[:-1]):
        with pytest.raises(NotFound):
            selectors.conversation_for_resident(token)


def test_staff_of_another_organisation_do_not_find_the_conversation(
    waiting: Conversation,
    staff: Any,
    desk: Organisation,
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., Any],
) -> None:
    found = selectors.conversation_for_staff(
        actor=staff, organisation=desk, conversation_id=waiting.pk
    )
    assert found == waiting
    other = make_organisation()
    with pytest.raises(NotFound):
        selectors.conversation_for_staff(
            actor=make_member(other), organisation=desk, conversation_id=waiting.pk
        )
    with pytest.raises(NotFound):
        selectors.conversation_for_staff(
            actor=make_member(other), organisation=other, conversation_id=waiting.pk
        )


# --- Two staff at once ----------------------------------------------------------------------------


def at_once(work: Callable[[int], str], count: int) -> list[str]:
    barrier = threading.Barrier(count)

    def attempt(index: int) -> str:
        try:
            barrier.wait(timeout=30)
            return work(index)
        except DomainError as error:
            return type(error).__name__
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(attempt, range(count)))


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_staff_taking_one_conversation_at_once_leave_exactly_one_taker(
    city: Municipality, desk: Organisation, make_member: Callable[..., Any]
) -> None:
    people = [make_member(desk, role=Role.STAFF) for _ in range(8)]
    handoff.start_duty(actor=people[0], organisation=desk)
    conversation = ask(city, message="Hei")

    def take(index: int) -> str:
        mine = Conversation.objects.get(pk=conversation.pk)
        handoff.take_conversation(actor=people[index], conversation=mine)
        return "taken"

    outcomes = at_once(take, len(people))
    assert outcomes.count("taken") == 1, outcomes
    assert set(outcomes) - {"taken"} == {"Conflict"}, outcomes
    conversation.refresh_from_db()
    assert conversation.taken_by == people[outcomes.index("taken")]
    assert (
        LogEntry.objects.get_for_object(conversation).filter(action=LogEntry.Action.UPDATE).count()
        == 1
    )
