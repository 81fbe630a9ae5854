"""Reads of the staff side of feedback: the inbox, one message, the counts and the week's summary.

Every read is scoped to one organisation the actor may VIEW; a message of another organisation
is not found. Overdue is derived at read time: an open-kind state and `due_at` in the past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.feedback.models import (
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackState,
    ReplyTemplate,
    StateKind,
)
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can, role_ids_allowing

PER_PAGE = 25
STATE_KINDS = (StateKind.OPEN, StateKind.ANSWERED, StateKind.CLOSED)
AGES = ("overdue", "week", "month", "older")
INBOX_RELATED = (
    "category",
    "state",
    "assignee",
    "venue",
    "space",
    "booking__space",
    "offering",
    "occurrence__offering",
)


@dataclass(frozen=True)
class InboxFilters:
    """The inbox's GET filters (see the filter form); empty values filter nothing."""

    state: str = ""  # a state's slug, or a kind: open | answered | closed
    category: str = ""  # a category's code
    assignee: str = ""  # me | none | a user id
    age: str = ""  # overdue | week | month | older
    q: str = ""  # words in the text or address, or the message's number


def _check_view(actor: Actor, organisation: Organisation) -> None:
    if not can(actor, Action.VIEW, organisation):
        raise NotFound()


def _with_overdue(queryset: QuerySet[Feedback], now: datetime) -> QuerySet[Feedback]:
    return queryset.annotate(
        is_overdue=Case(
            When(state__kind=StateKind.OPEN, due_at__lt=now, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _state_ids(organisation: Organisation, **lookup: str) -> list[int]:
    """The ids of the organisation's municipality's states matching `lookup` (a handful).

    Filtering messages by these ids, rather than by a join on the state's kind, lets the database
    walk the inbox index in order and stop after one page.
    """
    return list(
        FeedbackState.objects.filter(
            municipality_id=organisation.municipality_id, **lookup
        ).values_list("pk", flat=True)
    )


def _filtered(
    queryset: QuerySet[Feedback],
    filters: InboxFilters,
    actor: Actor,
    now: datetime,
    open_ids: list[int],
) -> QuerySet[Feedback]:
    if filters.state in STATE_KINDS:
        queryset = queryset.filter(state__kind=filters.state)
    elif filters.state:
        queryset = queryset.filter(state__slug=filters.state)
    if filters.category:
        queryset = queryset.filter(category__code=filters.category)
    if filters.assignee == "me":
        queryset = queryset.filter(assignee_id=actor.pk)
    elif filters.assignee == "none":
        queryset = queryset.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        queryset = queryset.filter(assignee_id=int(filters.assignee))
    if filters.age == "overdue":
        queryset = queryset.filter(state_id__in=open_ids, due_at__lt=now)
    elif filters.age == "week":
        queryset = queryset.filter(submitted_at__gte=now - timedelta(days=7))
    elif filters.age == "month":
        queryset = queryset.filter(submitted_at__gte=now - timedelta(days=30))
    elif filters.age == "older":
        queryset = queryset.filter(submitted_at__lt=now - timedelta(days=30))
    words = filters.q.strip()
    if words:
        number = words.lstrip("#")
        match = Q(text__icontains=words) | Q(address__icontains=words)
        if number.isdigit():
            match |= Q(pk=int(number))
        queryset = queryset.filter(match)
    return queryset


class OverdueFirst:
    """The inbox as one list for the paginator: overdue messages first, then the rest, each
    newest first.

    Ordering by a computed "is overdue" makes the database build and sort every matching row of
    a large organisation before it can return 25. Two queries, each ordered by the inbox index,
    read only the ids of the page; the page's rows are then loaded with their relations.
    """

    ordered = True

    def __init__(self, matching: QuerySet[Feedback], overdue: Q) -> None:
        self._overdue = matching.filter(overdue).order_by("-submitted_at", "-pk")
        self._rest = matching.exclude(overdue).order_by("-submitted_at", "-pk")
        self._matching = matching
        self._sizes: tuple[int, int] | None = None

    def _counts(self) -> tuple[int, int]:
        if self._sizes is None:
            # Two counts rather than one with a FILTER: each is read from an index alone.
            self._sizes = (self._overdue.count(), self._matching.count())
        return self._sizes

    def count(self) -> int:
        return self._counts()[1]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Feedback]:
        overdue_count, _total = self._counts()
        start, stop = window.start or 0, window.stop if window.stop is not None else _total
        ids: list[int] = []
        if start < overdue_count:
            ids += self._overdue.values_list("pk", flat=True)[start : min(stop, overdue_count)]
        if stop > overdue_count:
            rest_start = max(start - overdue_count, 0)
            ids += self._rest.values_list("pk", flat=True)[rest_start : stop - overdue_count]
        rows = Feedback.objects.select_related(*INBOX_RELATED).in_bulk(ids)
        overdue_ids = set(ids[: max(overdue_count - start, 0)])
        page = [rows[pk] for pk in ids if pk in rows]
        for row in page:
            row.is_overdue = row.pk in overdue_ids  # type: ignore[attr-defined]  # shown per row
        return page


def inbox_rows(
    *, actor: Actor, organisation: Organisation, filters: InboxFilters, now: datetime | None = None
) -> OverdueFirst:
    """The organisation's messages matching `filters`: overdue first, then newest first."""
    _check_view(actor, organisation)
    now = now or timezone.now()
    open_ids = _state_ids(organisation, kind=StateKind.OPEN)
    matching = _filtered(
        Feedback.objects.filter(organisation=organisation), filters, actor, now, open_ids
    )
    return OverdueFirst(matching, Q(state_id__in=open_ids, due_at__lt=now))


def inbox(
    *,
    actor: Actor,
    organisation: Organisation,
    filters: InboxFilters,
    page: int | str | None = 1,
    now: datetime | None = None,
) -> Page:
    """One page (25 rows) of the inbox; a page number out of range gives the last page."""
    rows = inbox_rows(actor=actor, organisation=organisation, filters=filters, now=now)
    return Paginator(cast(Any, rows), PER_PAGE).get_page(page)


def detail(*, actor: Actor, organisation: Organisation, feedback_id: int) -> Feedback:
    """One message of `organisation` with its photos and timeline; the read is audited when it
    shows the writer's personal details."""
    _check_view(actor, organisation)
    queryset = Feedback.objects.filter(organisation=organisation, pk=feedback_id)
    feedback = (
        _with_overdue(
            queryset.select_related(*INBOX_RELATED, "author", "merged_into"), timezone.now()
        )
        .prefetch_related("photos")
        .first()
    )
    if feedback is None:
        raise NotFound()
    if feedback.author_id or feedback.contact_email or feedback.contact_phone:
        log_personal_data_read(
            actor=actor,
            kind=PersonalDataRead.FEEDBACK,
            subject=feedback,
            organisation_id=organisation.pk,
        )
    return feedback


def timeline(feedback: Feedback) -> list[FeedbackEvent]:
    return list(
        feedback.events.select_related("actor", "state", "from_organisation", "to_organisation")
    )


def find_in(*, actor: Actor, organisation: Organisation, reference: int) -> Feedback:
    """A message of `organisation` by its number (for merging); NotFound otherwise."""
    _check_view(actor, organisation)
    feedback = Feedback.objects.filter(organisation=organisation, pk=reference).first()
    if feedback is None:
        raise NotFound()
    return feedback


@dataclass(frozen=True)
class InboxCounts:
    open: int
    overdue: int
    new_this_week: int
    unassigned: int


def counts(*, actor: Actor, organisation: Organisation, now: datetime | None = None) -> InboxCounts:
    """The inbox header's numbers: two small reads, since only open messages can be overdue or
    waiting for someone, and only the last week's are new."""
    _check_view(actor, organisation)
    now = now or timezone.now()
    mine = Feedback.objects.filter(organisation=organisation)
    totals = mine.filter(state_id__in=_state_ids(organisation, kind=StateKind.OPEN)).aggregate(
        open=Count("pk"),
        overdue=Count("pk", filter=Q(due_at__lt=now)),
        unassigned=Count("pk", filter=Q(assignee__isnull=True)),
    )
    totals["new_this_week"] = mine.filter(submitted_at__gte=now - timedelta(days=7)).count()
    return InboxCounts(**totals)


def members(*, actor: Actor, organisation: Organisation) -> QuerySet[User]:
    """Who a message can be assigned to: members who may handle feedback."""
    _check_view(actor, organisation)
    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role__in=role_ids_allowing(Action.MANAGE),
        )
        .order_by("first_name", "last_name", "email")
        .distinct()
    )


def states_of(municipality_id: int) -> QuerySet[FeedbackState]:
    return FeedbackState.objects.filter(municipality_id=municipality_id)


def staff_categories_of(municipality_id: int) -> QuerySet[FeedbackCategory]:
    """All the municipality's categories: old messages may be in one no longer in use."""
    return FeedbackCategory.objects.filter(municipality_id=municipality_id)


def forward_targets(organisation: Organisation) -> QuerySet[Organisation]:
    """Where a message can be forwarded: the other active organisations of the municipality."""
    return (
        Organisation.objects.filter(municipality_id=organisation.municipality_id, is_active=True)
        .exclude(pk=organisation.pk)
        .order_by("name")
    )


def reply_templates_of(*, actor: Actor, organisation: Organisation) -> QuerySet[ReplyTemplate]:
    _check_view(actor, organisation)
    return ReplyTemplate.objects.filter(organisation=organisation)


def reply_template(*, actor: Actor, organisation: Organisation, template_id: int) -> ReplyTemplate:
    template = reply_templates_of(actor=actor, organisation=organisation).filter(pk=template_id)
    found = template.first()
    if found is None:
        raise NotFound()
    return found


def template_text(template: ReplyTemplate, language: str) -> str:
    """The template's text in the writer's language, or in Finnish when not translated."""
    return str(getattr(template, f"body_{language}", "") or getattr(template, "body_fi", ""))
