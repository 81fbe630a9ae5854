"""The staff inbox, a message's page, the header counts and the weekly summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any

import pytest
from django.utils import timezone, translation

from lampio.core.errors import NotFound
from lampio.core.timeranges import local_datetime
from lampio.core.workdays import working_days_between, working_days_deadline
from lampio.feedback import staff_selectors as selectors
from lampio.feedback.models import Feedback, FeedbackCategory, FeedbackState
from lampio.feedback.services import handling
from lampio.feedback.staff_selectors import InboxFilters
from lampio.feedback.summary_selectors import weekly_summary
from lampio.tenancy.models import Organisation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(desk: Organisation, make_member: Callable[..., Any]) -> Any:
    return make_member(desk, role=Role.STAFF)


def sent_at(feedback: Feedback, moment: Any, days: int = 5) -> Feedback:
    """Pretend the message was sent at `moment` (its due time follows in working days)."""
    feedback.submitted_at = moment
    feedback.due_at = working_days_deadline(moment, days)
    feedback.save(update_fields=["submitted_at", "due_at"])
    return feedback


def numbers(page: Any) -> list[int]:
    return [item.pk for item in page.object_list]


def test_overdue_first_then_newest(make_feedback, staff, desk):
    now = timezone.now()
    old_overdue = sent_at(make_feedback(), now - timedelta(days=40))
    newest = sent_at(make_feedback(), now - timedelta(hours=1))
    older = sent_at(make_feedback(), now - timedelta(days=2))
    answered_late = sent_at(make_feedback(), now - timedelta(days=30))
    handling.reply_to_feedback(actor=staff, feedback=answered_late, text="Vastaus.")
    page = selectors.inbox(actor=staff, organisation=desk, filters=InboxFilters())
    assert numbers(page) == [old_overdue.pk, newest.pk, older.pk, answered_late.pk]
    assert [item.is_overdue for item in page.object_list] == [True, False, False, False]


def test_a_page_can_hold_the_last_overdue_and_the_first_others(
    make_feedback, staff, desk, monkeypatch
):
    monkeypatch.setattr(selectors, "PER_PAGE", 2)
    now = timezone.now()
    overdue = [sent_at(make_feedback(), now - timedelta(days=40 + n)) for n in range(3)]
    others = [sent_at(make_feedback(), now - timedelta(hours=1 + n)) for n in range(2)]
    pages = [
        selectors.inbox(actor=staff, organisation=desk, filters=InboxFilters(), page=n)
        for n in (1, 2, 3)
    ]
    assert [numbers(page) for page in pages] == [
        [overdue[0].pk, overdue[1].pk],
        [overdue[2].pk, others[0].pk],
        [others[1].pk],
    ]
    assert [item.is_overdue for item in pages[1].object_list] == [True, False]
    assert pages[0].paginator.count == 5


def test_overdue_counts_working_days_across_a_public_holiday(make_feedback, staff, desk):
    # Wednesday 4 December 2024, two working days: Thursday 5th, then (Independence Day on
    # Friday and the weekend skipped) Monday 9th. Due at the end of Monday.
    item = sent_at(make_feedback(), local_datetime(date(2024, 12, 4), time(10)), days=2)
    monday_noon = local_datetime(date(2024, 12, 9), time(12))
    tuesday_morning = local_datetime(date(2024, 12, 10), time(0, 1))
    overdue = InboxFilters(age="overdue")
    page = selectors.inbox(actor=staff, organisation=desk, filters=overdue, now=monday_noon)
    assert numbers(page) == []
    assert selectors.counts(actor=staff, organisation=desk, now=monday_noon).overdue == 0
    page = selectors.inbox(actor=staff, organisation=desk, filters=overdue, now=tuesday_morning)
    assert numbers(page) == [item.pk]
    assert selectors.counts(actor=staff, organisation=desk, now=tuesday_morning).overdue == 1


def test_filters(make_feedback, staff, desk, make_member, jurisdiction):
    colleague = make_member(desk)
    praise = FeedbackCategory.objects.get(municipality=jurisdiction.municipality, code="praise")
    now = timezone.now()
    mine = sent_at(make_feedback(text="Ovi narisee pahasti."), now - timedelta(days=1))
    theirs = sent_at(
        make_feedback(category=praise, address="Kirkkokatu 1"), now - timedelta(days=10)
    )
    old = sent_at(make_feedback(), now - timedelta(days=60))
    handling.assign_feedback(actor=staff, feedback=mine, assignee=staff)
    handling.assign_feedback(actor=staff, feedback=theirs, assignee=colleague)
    handling.change_state(
        actor=staff,
        feedback=theirs,
        state=FeedbackState.objects.get(municipality=desk.municipality, slug="in-progress"),
    )
    handling.close_feedback(actor=staff, feedback=old)

    def found(**filters: str) -> set[int]:
        page = selectors.inbox(actor=staff, organisation=desk, filters=InboxFilters(**filters))
        return set(numbers(page))

    assert found(state="open") == {mine.pk, theirs.pk}
    assert found(state="closed") == {old.pk}
    assert found(state="in-progress") == {theirs.pk}
    assert found(category="praise") == {theirs.pk}
    assert found(assignee="me") == {mine.pk}
    assert found(assignee="none") == {old.pk}
    assert found(assignee=str(colleague.pk)) == {theirs.pk}
    assert found(age="week") == {mine.pk}
    assert found(age="month") == {mine.pk, theirs.pk}
    assert found(age="older") == {old.pk}
    assert found(q="narisee") == {mine.pk}
    assert found(q="kirkkokatu") == {theirs.pk}
    assert found(q=f"#{old.pk}") == {old.pk}
    assert found(state="open", assignee="me", q="ovi") == {mine.pk}


def test_inbox_pages_and_no_queries_per_row(
    make_feedback, staff, desk, django_assert_max_num_queries, make_space
):
    from lampio.feedback.routing import Subject

    space = make_space(organisation=desk)
    for _ in range(selectors.PER_PAGE + 2):
        make_feedback(subject=Subject(space=space))
    # A fixed number, however long the page: the open states, two counts, the page's ids and
    # its rows with their relations.
    with django_assert_max_num_queries(6):
        page = selectors.inbox(actor=staff, organisation=desk, filters=InboxFilters())
        rows = [
            (item.category.name, item.state.name, item.assignee, item.space.name)
            for item in page.object_list
        ]
    assert len(rows) == selectors.PER_PAGE and page.paginator.num_pages == 2
    second = selectors.inbox(actor=staff, organisation=desk, filters=InboxFilters(), page=2)
    assert len(second.object_list) == 2


def test_other_organisation_sees_nothing(make_feedback, desk, make_organisation, make_member):
    item = make_feedback()
    other = make_organisation(municipality=desk.municipality)
    outsider = make_member(other, role=Role.ADMIN)
    with pytest.raises(NotFound):
        selectors.inbox(actor=outsider, organisation=desk, filters=InboxFilters())
    with pytest.raises(NotFound):
        selectors.detail(actor=outsider, organisation=other, feedback_id=item.pk)
    with pytest.raises(NotFound):
        selectors.detail(actor=outsider, organisation=desk, feedback_id=item.pk)
    assert (
        numbers(selectors.inbox(actor=outsider, organisation=other, filters=InboxFilters())) == []
    )


def test_detail_read_of_personal_details_is_audited(make_feedback, staff, desk):
    from auditlog.models import LogEntry

    named = make_feedback(identity="named", contact_email="aino@example.fi")
    assert selectors.detail(actor=staff, organisation=desk, feedback_id=named.pk) == named
    entry = LogEntry.objects.get_for_object(named).get(action=LogEntry.Action.ACCESS)
    assert entry.actor == staff


def test_counts(make_feedback, staff, desk):
    now = timezone.now()
    sent_at(make_feedback(), now - timedelta(days=20))  # open, overdue, unassigned
    fresh = make_feedback()
    handling.assign_feedback(actor=staff, feedback=fresh, assignee=staff)
    closed = make_feedback()
    handling.close_feedback(actor=staff, feedback=closed)
    counts = selectors.counts(actor=staff, organisation=desk)
    assert counts == selectors.InboxCounts(open=2, overdue=1, new_this_week=2, unassigned=1)


def test_members_are_those_who_handle_feedback(desk, staff, make_member, make_organisation):
    make_member(desk, role=Role.VIEWER)
    make_member(make_organisation())
    admin = make_member(desk, role=Role.ADMIN)
    assert set(selectors.members(actor=staff, organisation=desk)) == {staff, admin}


def test_working_days_between_skips_weekends_and_holidays():
    wednesday = local_datetime(date(2024, 12, 4), time(15))
    assert working_days_between(wednesday, wednesday + timedelta(hours=1)) == 0
    assert working_days_between(wednesday, local_datetime(date(2024, 12, 5), time(9))) == 1
    # Friday the 6th is Independence Day, then the weekend.
    assert working_days_between(wednesday, local_datetime(date(2024, 12, 9), time(9))) == 2


def test_weekly_summary(make_feedback, staff, desk, jurisdiction):
    monday = date(2024, 12, 2)
    praise = FeedbackCategory.objects.get(municipality=jurisdiction.municipality, code="praise")
    answered = sent_at(make_feedback(), local_datetime(monday, time(9)), days=2)
    quick = sent_at(make_feedback(category=praise), local_datetime(monday, time(10)), days=10)
    waiting = sent_at(make_feedback(), local_datetime(monday, time(11)), days=2)
    sent_at(make_feedback(), local_datetime(monday - timedelta(days=30), time(9)), days=2)
    closed_late = sent_at(make_feedback(), local_datetime(monday, time(12)), days=10)
    Feedback.objects.filter(pk=answered.pk).update(
        answered_at=local_datetime(date(2024, 12, 5), time(9))  # Thursday: 3 working days
    )
    Feedback.objects.filter(pk=quick.pk).update(
        answered_at=local_datetime(monday, time(15)),  # the same day: 0
        closed_at=local_datetime(date(2024, 12, 3), time(9)),
    )
    Feedback.objects.filter(pk=closed_late.pk).update(
        closed_at=local_datetime(date(2024, 12, 12), time(9))  # the week after
    )
    with translation.override("en"):
        summary = weekly_summary(desk, monday + timedelta(days=3))
    assert summary.week_start == monday and summary.week_end == date(2024, 12, 8)
    assert (summary.received, summary.answered, summary.closed) == (4, 2, 1)
    # Open at the week's end: waiting, closed_late and the old one; the old and waiting are due.
    assert summary.still_open == 3 and summary.overdue == 2
    assert summary.median_answer_days == 1.5
    assert [(row.name, row.received, row.answered, row.closed) for row in summary.categories] == [
        ("Praise", 1, 1, 1),
        ("Spaces and equipment", 3, 1, 0),
    ]
    assert waiting.pk and not summary.is_empty
    assert weekly_summary(desk, date(2020, 1, 6)).is_empty
