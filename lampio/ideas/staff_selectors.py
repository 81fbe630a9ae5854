"""Reads of the staff pages of ideas: lists, the moderation queue, campaigns, routing choices."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from lampio.core.errors import PermissionDenied
from lampio.ideas.models import (
    Board,
    Campaign,
    Comment,
    HiddenReason,
    Idea,
    Report,
    StrategyTheme,
)
from lampio.ideas.services.access import (
    check_handling,
)
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can


def _check_view(actor: Actor, organisation: Organisation) -> None:
    if not can(actor, Action.VIEW, organisation):
        raise PermissionDenied()


def _check_manage(actor: Actor, organisation: Organisation) -> None:
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied(_("Only the organisation's staff may moderate its boards."))


def staff_ideas(
    *,
    actor: Actor,
    organisation: Organisation,
    state: str = "",
    campaign_id: int | None = None,
    routing: str = "",
) -> QuerySet[Idea]:
    """The organisation's ideas (in its boards, or routed to it), hidden and merged ones too.

    `routing`: "pending" for ideas whose routing no one has confirmed, "confirmed" for the rest.
    """
    _check_view(actor, organisation)
    ideas = Idea.objects.filter(Q(board__organisation=organisation) | Q(organisation=organisation))
    if state:
        ideas = ideas.filter(state__slug=state)
    if campaign_id is not None:
        ideas = ideas.filter(campaign_id=campaign_id)
    if routing == "pending":
        ideas = ideas.filter(routed_at__isnull=True)
    elif routing == "confirmed":
        ideas = ideas.filter(routed_at__isnull=False)
    open_reports = Report.objects.filter(idea=OuterRef("pk"), resolved_at__isnull=True)
    return (
        ideas.select_related(
            "board",
            "campaign",
            "state",
            "category",
            "author",
            "organisation",
            "suggested_organisation",
        )
        .annotate(has_open_reports=Exists(open_reports))
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class ModerationQueue:
    """What waits for the organisation's moderators in its boards."""

    reports: list[Report] = field(default_factory=list)  # open, oldest first
    held_ideas: list[Idea] = field(default_factory=list)  # caught by the word filter
    held_comments: list[Comment] = field(default_factory=list)
    hidden_ideas: list[Idea] = field(default_factory=list)  # hidden by a moderator
    hidden_comments: list[Comment] = field(default_factory=list)

    @property
    def waiting(self) -> int:
        """How many items need a decision: open reports and held texts."""
        return len(self.reports) + len(self.held_ideas) + len(self.held_comments)


def moderation_queue(*, actor: Actor, organisation: Organisation) -> ModerationQueue:
    _check_manage(actor, organisation)
    ideas = Idea.objects.filter(board__organisation=organisation).exclude(hidden_reason="")
    ideas = ideas.select_related("board", "author", "state").order_by("hidden_at", "pk")
    comments = (
        Comment.objects.filter(idea__board__organisation=organisation)
        .exclude(hidden_reason="")
        .select_related("idea", "author")
        .order_by("hidden_at", "pk")
    )
    reports = (
        Report.objects.filter(idea__board__organisation=organisation, resolved_at__isnull=True)
        .select_related("idea", "comment", "reporter")
        .order_by("created_at", "pk")
    )
    return ModerationQueue(
        reports=list(reports),
        held_ideas=[idea for idea in ideas if idea.hidden_reason == HiddenReason.FILTER],
        held_comments=[c for c in comments if c.hidden_reason == HiddenReason.FILTER],
        hidden_ideas=[idea for idea in ideas if idea.hidden_reason != HiddenReason.FILTER],
        hidden_comments=[c for c in comments if c.hidden_reason != HiddenReason.FILTER],
    )


def staff_campaigns(*, actor: Actor, organisation: Organisation) -> QuerySet[Campaign]:
    _check_view(actor, organisation)
    return (
        Campaign.objects.filter(board__organisation=organisation)
        .select_related("board", "owner")
        .order_by("-opens_on", "pk")
    )


def organisation_boards(*, actor: Actor, organisation: Organisation) -> QuerySet[Board]:
    _check_view(actor, organisation)
    return Board.objects.filter(organisation=organisation).order_by("title", "pk")


def routing_choices(
    *, actor: Actor, idea: Idea
) -> tuple[QuerySet[Organisation], QuerySet[StrategyTheme]]:
    """Where staff may route the idea: its municipality's active organisations and themes."""
    check_handling(actor, idea)
    organisations = Organisation.objects.filter(
        municipality_id=idea.municipality_id, is_active=True
    ).order_by("name", "pk")
    themes = StrategyTheme.objects.filter(
        Q(municipality__isnull=True) | Q(municipality_id=idea.municipality_id), is_active=True
    ).order_by("name", "pk")
    return organisations, themes
