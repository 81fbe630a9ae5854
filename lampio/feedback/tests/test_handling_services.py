"""Staff handling use cases: each one's effect, event and audit entry, and who may run it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.utils import translation

from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.feedback import staff_selectors
from lampio.feedback.models import EventKind, Feedback, FeedbackState, ReplyTemplate, StateKind
from lampio.feedback.services import handling
from lampio.feedback.services.reply_templates import (
    create_reply_template,
    delete_reply_template,
    update_reply_template,
)
from lampio.feedback.staff_selectors import InboxFilters
from lampio.tenancy.models import Organisation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(desk: Organisation, make_member: Callable[..., Any]) -> Any:
    return make_member(desk, role=Role.STAFF, first_name="Sanna", last_name="Staff")


@pytest.fixture
def colleague(desk: Organisation, make_member: Callable[..., Any]) -> Any:
    return make_member(desk, role=Role.STAFF, first_name="Kalle", last_name="Kollega")


@pytest.fixture
def library(desk: Organisation, make_organisation: Callable[..., Organisation]) -> Organisation:
    """Another organisation in the same city."""
    return make_organisation(municipality=desk.municipality, slug="kirjasto")


@pytest.fixture
def message(make_feedback: Callable[..., Feedback]) -> Feedback:
    return make_feedback(
        identity="named",
        contact_name="Aino Asukas",
        contact_email="aino@example.fi",
        language="sv",
        wants_public=True,
    )


def state(feedback: Feedback, slug: str) -> FeedbackState:
    return FeedbackState.objects.get(municipality_id=feedback.municipality_id, slug=slug)


def kinds(feedback: Feedback) -> list[str]:
    return list(feedback.events.values_list("kind", flat=True))


def audited_by(obj: Any, actor: Any) -> bool:
    return LogEntry.objects.get_for_object(obj).filter(actor=actor).exists()


def test_assign_to_a_colleague_and_back_to_nobody(message, staff, colleague):
    handling.assign_feedback(actor=staff, feedback=message, assignee=colleague)
    assert message.assignee == colleague
    assert audited_by(message, staff)
    handling.assign_feedback(actor=staff, feedback=message, assignee=None)
    assert message.assignee is None
    assert kinds(message) == ["submitted", "assigned", "assigned"]
    event = message.events.filter(kind=EventKind.ASSIGNED).first()
    assert event.actor == staff and event.text == colleague.display_name
    assert audited_by(event, staff)


def test_assignee_must_be_a_member_who_handles_feedback(
    message, staff, library, make_member, make_user
):
    for outsider in (
        make_member(library),
        make_user(),
        make_member(message.organisation, "viewer"),
    ):
        with pytest.raises(InvalidInput) as refusal:
            handling.assign_feedback(actor=staff, feedback=message, assignee=outsider)
        assert refusal.value.field == "assignee"
    assert kinds(message) == ["submitted"]


def test_note_is_internal_and_audited(message, staff):
    note = handling.add_note(actor=staff, feedback=message, text="<b>Soitin</b> talonmiehelle.")
    assert note.kind == EventKind.NOTE and note.text == "Soitin talonmiehelle."
    assert audited_by(note, staff)
    with pytest.raises(InvalidInput):
        handling.add_note(actor=staff, feedback=message, text="   ")


def test_reply_moves_to_answered_and_emails_the_writer_in_their_language(
    message, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = handling.reply_to_feedback(actor=staff, feedback=message, text="Tack, vi fixar.")
    assert reply.kind == EventKind.REPLY and reply.actor == staff
    assert message.state.kind == StateKind.ANSWERED and message.answered_at is not None
    assert reply.state == message.state
    assert audited_by(message, staff) and audited_by(reply, staff)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["aino@example.fi"]
    assert "Tack, vi fixar." in mail.outbox[0].body


def test_reply_to_anonymous_feedback_sends_nothing_and_may_keep_it_open(
    make_feedback, staff, django_capture_on_commit_callbacks
):
    anonymous = make_feedback()
    first_answer_time = None
    with django_capture_on_commit_callbacks(execute=True):
        handling.reply_to_feedback(
            actor=staff,
            feedback=anonymous,
            text="Korjataan.",
            state=state(anonymous, "in-progress"),
        )
        first_answer_time = anonymous.answered_at
    assert anonymous.state.slug == "in-progress" and first_answer_time is not None
    assert mail.outbox == []
    # A later answer keeps the time of the first one (the response time counts from it).
    handling.reply_to_feedback(actor=staff, feedback=anonymous, text="Korjattu.")
    assert anonymous.answered_at == first_answer_time


def test_change_state_sets_and_clears_closed_at(message, staff):
    handling.change_state(actor=staff, feedback=message, state=state(message, "closed"))
    assert message.closed_at is not None
    handling.change_state(actor=staff, feedback=message, state=state(message, "closed"))
    handling.change_state(actor=staff, feedback=message, state=state(message, "in-progress"))
    assert message.closed_at is None
    assert kinds(message) == ["submitted", "state", "state"]


def test_state_of_another_municipality_is_refused(message, staff, make_municipality):
    from lampio.feedback.services.setup import set_up_feedback

    elsewhere = make_municipality()
    other_desk = Organisation.objects.create(
        municipality=elsewhere, slug="desk", name_fi="Palaute", kind="city_institution"
    )
    set_up_feedback(municipality=elsewhere, fallback_organisation=other_desk, open311_id="x.fi")
    foreign = FeedbackState.objects.get(municipality=elsewhere, slug="closed")
    with pytest.raises(InvalidInput):
        handling.change_state(actor=staff, feedback=message, state=foreign)


def test_close_twice_gives_one_state_change(message, staff):
    handling.close_feedback(actor=staff, feedback=message)
    handling.close_feedback(actor=staff, feedback=message)
    assert message.state.kind == StateKind.CLOSED
    assert kinds(message).count("state") == 1


def test_forward_moves_the_message_and_the_forwarding_organisation_loses_access(
    message, staff, colleague, library, make_member
):
    librarian = make_member(library)
    handling.assign_feedback(actor=staff, feedback=message, assignee=colleague)
    handling.forward_feedback(
        actor=staff, feedback=message, to_organisation=library, reason="Kirjaston tila."
    )
    assert message.organisation == library and message.assignee is None
    event = message.events.get(kind=EventKind.FORWARDED)
    assert event.from_organisation == staff.memberships.get().organisation
    assert event.to_organisation == library and event.text == "Kirjaston tila."
    assert audited_by(message, staff)
    desk = staff.memberships.get().organisation
    with pytest.raises(NotFound):
        staff_selectors.detail(actor=staff, organisation=desk, feedback_id=message.pk)
    with pytest.raises(NotFound):
        handling.add_note(actor=staff, feedback=message, text="Vielä yksi asia.")
    page = staff_selectors.inbox(actor=librarian, organisation=library, filters=InboxFilters())
    assert [item.pk for item in page] == [message.pk]


def test_forward_stays_in_the_municipality_and_needs_a_reason(
    message, staff, library, make_organisation
):
    with pytest.raises(InvalidInput) as refusal:
        handling.forward_feedback(
            actor=staff, feedback=message, to_organisation=make_organisation(), reason="Muualle."
        )
    assert refusal.value.field == "to_organisation"
    with pytest.raises(InvalidInput) as refusal:
        handling.forward_feedback(actor=staff, feedback=message, to_organisation=library, reason="")
    assert refusal.value.field == "reason"
    library.is_active = False
    library.save()
    with pytest.raises(InvalidInput):
        handling.forward_feedback(
            actor=staff, feedback=message, to_organisation=library, reason="x"
        )


def test_merge_closes_the_duplicate_into_the_root(make_feedback, staff):
    root, duplicate, third = make_feedback(), make_feedback(), make_feedback()
    handling.merge_feedback(actor=staff, feedback=duplicate, into=root)
    assert duplicate.merged_into == root and duplicate.state.kind == StateKind.CLOSED
    assert duplicate.closed_at is not None
    event = duplicate.events.get(kind=EventKind.MERGED)
    assert event.actor == staff and event.state == duplicate.state
    assert audited_by(duplicate, staff)
    # Merging into a duplicate merges into its root: no chains.
    handling.merge_feedback(actor=staff, feedback=third, into=duplicate)
    assert third.merged_into == root


def test_merging_a_message_with_duplicates_moves_them_along(make_feedback, staff):
    first, second, target = make_feedback(), make_feedback(), make_feedback()
    handling.merge_feedback(actor=staff, feedback=second, into=first)
    handling.merge_feedback(actor=staff, feedback=first, into=target)
    second.refresh_from_db()
    assert second.merged_into == target and first.merged_into == target


def test_merge_rules(make_feedback, message, staff, library, make_member):
    other = make_feedback()
    with pytest.raises(InvalidInput):
        handling.merge_feedback(actor=staff, feedback=message, into=message)
    handling.merge_feedback(actor=staff, feedback=other, into=message)
    with pytest.raises(InvalidInput):  # merging the root into its own duplicate
        handling.merge_feedback(actor=staff, feedback=message, into=other)
    with pytest.raises(Conflict):
        handling.merge_feedback(actor=staff, feedback=other, into=make_feedback())
    elsewhere = make_feedback()
    handling.forward_feedback(actor=staff, feedback=elsewhere, to_organisation=library, reason="x")
    with pytest.raises(InvalidInput):
        handling.merge_feedback(actor=staff, feedback=message, into=elsewhere)


def test_publish_and_hide(message, staff):
    handling.publish_feedback(
        actor=staff,
        feedback=message,
        public_text="Projektori <i>ei</i> käynnisty.",
        photos_public=True,
    )
    assert message.is_published and message.photos_public
    assert message.public_text == "Projektori ei käynnisty."
    handling.hide_feedback(actor=staff, feedback=message)
    assert not message.is_published and not message.photos_public
    assert kinds(message) == ["submitted", "published", "hidden"]
    assert audited_by(message, staff)
    with pytest.raises(Conflict):
        handling.hide_feedback(actor=staff, feedback=message)


def test_publish_refused_when_the_writer_did_not_allow_it(make_feedback, staff):
    private = make_feedback(wants_public=False)
    with translation.override("en"), pytest.raises(handling.NotPublishable) as refusal:
        handling.publish_feedback(
            actor=staff, feedback=private, public_text="x", photos_public=False
        )
    assert "did not allow" in str(refusal.value.message)
    private.refresh_from_db()
    assert not private.is_published and kinds(private) == ["submitted"]
    with pytest.raises(InvalidInput):
        handling.publish_feedback(
            actor=staff,
            feedback=make_feedback(wants_public=True),
            public_text=" ",
            photos_public=False,
        )


def test_other_organisations_staff_and_viewers_are_refused(message, library, make_member, resident):
    outsider = make_member(library, role=Role.ADMIN)
    viewer = make_member(message.organisation, role=Role.VIEWER)
    actions = [
        lambda actor: handling.assign_feedback(actor=actor, feedback=message, assignee=None),
        lambda actor: handling.add_note(actor=actor, feedback=message, text="Hei"),
        lambda actor: handling.reply_to_feedback(actor=actor, feedback=message, text="Hei"),
        lambda actor: handling.change_state(
            actor=actor, feedback=message, state=state(message, "closed")
        ),
        lambda actor: handling.close_feedback(actor=actor, feedback=message),
        lambda actor: handling.forward_feedback(
            actor=actor, feedback=message, to_organisation=library, reason="x"
        ),
        lambda actor: handling.publish_feedback(
            actor=actor, feedback=message, public_text="x", photos_public=False
        ),
        lambda actor: handling.hide_feedback(actor=actor, feedback=message),
    ]
    for action in actions:
        for actor in (outsider, resident):
            with pytest.raises(NotFound):
                action(actor)
        with pytest.raises(PermissionDenied):
            action(viewer)
    assert kinds(message) == ["submitted"]


def test_bulk_handles_own_messages_and_ignores_foreign_ids(
    make_feedback, staff, colleague, library, make_member
):
    own = [make_feedback(), make_feedback()]
    foreign = make_feedback()
    handling.forward_feedback(actor=staff, feedback=foreign, to_organisation=library, reason="x")
    desk = own[0].organisation
    ids = [own[0].pk, own[1].pk, foreign.pk, 999999]
    assert (
        handling.bulk_apply(
            actor=staff, organisation=desk, feedback_ids=ids, action="assign", assignee=colleague
        )
        == 2
    )
    assert (
        handling.bulk_apply(
            actor=staff,
            organisation=desk,
            feedback_ids=ids,
            action="state",
            state=state(foreign, "in-progress"),
        )
        == 2
    )
    assert (
        handling.bulk_apply(actor=staff, organisation=desk, feedback_ids=ids, action="close") == 2
    )
    for item in own:
        item.refresh_from_db()
        assert item.assignee == colleague and item.state.kind == StateKind.CLOSED
        assert kinds(item) == ["submitted", "assigned", "state", "state"]
        assert audited_by(item, staff)
    foreign.refresh_from_db()
    assert foreign.assignee is None and foreign.state.slug == "received"
    assert kinds(foreign) == ["submitted", "forwarded"]


def test_bulk_is_all_or_nothing_and_checks_the_organisation(
    make_feedback, staff, library, make_member
):
    item = make_feedback()
    desk = item.organisation
    with pytest.raises(InvalidInput):
        handling.bulk_apply(
            actor=staff,
            organisation=desk,
            feedback_ids=[item.pk],
            action="assign",
            assignee=make_member(library),
        )
    with pytest.raises(InvalidInput):
        handling.bulk_apply(
            actor=staff, organisation=desk, feedback_ids=[item.pk], action="publish"
        )
    with pytest.raises(NotFound):
        handling.bulk_apply(
            actor=make_member(library), organisation=desk, feedback_ids=[item.pk], action="close"
        )
    assert kinds(item) == ["submitted"]


def test_reply_templates_per_organisation(desk, staff, library, make_member):
    template = create_reply_template(
        actor=staff,
        organisation=desk,
        name=Translated("Kiitos", "", ""),
        body=Translated("Kiitos palautteesta.", "Tack för responsen.", ""),
    )
    assert audited_by(template, staff)
    assert staff_selectors.template_text(template, "sv") == "Tack för responsen."
    assert staff_selectors.template_text(template, "en") == "Kiitos palautteesta."
    with pytest.raises(InvalidInput) as refusal:
        update_reply_template(
            actor=staff, template=template, name=Translated("Kiitos"), body=Translated("")
        )
    assert refusal.value.field == "body_fi"
    with pytest.raises(NotFound):
        delete_reply_template(actor=make_member(library), template=template)
    with pytest.raises(PermissionDenied):
        delete_reply_template(actor=make_member(desk, role=Role.VIEWER), template=template)
    delete_reply_template(actor=staff, template=template)
    assert not ReplyTemplate.objects.exists()
