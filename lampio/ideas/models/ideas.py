"""Ideas and what people do with them: support, follow, comment, report; and what staff do:
answer, change state, merge, hide, route."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.ideas.models.boards import Board, Campaign, IdeaCategory, IdeaState, StrategyTheme
from lampio.tenancy.models import Municipality, Organisation

MAX_TITLE_LENGTH = 150
MAX_BODY_LENGTH = 5000
MAX_COMMENT_LENGTH = 2000


class HiddenReason(models.TextChoices):
    FILTER = "filter", _("Held by the word filter")
    OFF_TOPIC = "off_topic", _("Off topic")
    OFFENSIVE = "offensive", _("Offensive or discriminating")
    PERSONAL_DATA = "personal_data", _("Contains personal data")
    SPAM = "spam", _("Spam or advertising")
    OTHER = "other", _("Other reason")


class Idea(models.Model):
    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.PROTECT, related_name="ideas"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ideas",
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(
        IdeaCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.ForeignKey(
        IdeaState, verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE_LENGTH)
    body = models.TextField(_("idea"), max_length=MAX_BODY_LENGTH)
    language = models.CharField(_("language"), max_length=2, default="fi")
    # Stems of title and body, kept at write time: similar ideas and routing read only these.
    terms = models.TextField(editable=False, blank=True)

    image = models.ImageField(_("image"), upload_to="ideas/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    # The author is kept for moderation; others see the name only if the author chose so.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
    )
    show_name = models.BooleanField(_("show my name"), default=False)

    official_answer = models.TextField(_("official answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
    )

    # Routing: what the router suggested from the text, and what staff confirmed.
    suggested_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    suggested_themes: models.ManyToManyField[StrategyTheme, Any] = models.ManyToManyField(
        StrategyTheme, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routed_ideas",
    )
    themes: models.ManyToManyField[StrategyTheme, Any] = models.ManyToManyField(
        StrategyTheme, verbose_name=_("strategy themes"), blank=True, related_name="ideas"
    )
    routed_at = models.DateTimeField(_("routing confirmed"), null=True, blank=True)

    hidden_reason = models.CharField(
        _("hidden because"), max_length=16, choices=HiddenReason.choices, blank=True
    )
    hidden_note = models.CharField(_("moderator's note"), max_length=300, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)

    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["board", "-created_at"], name="idea_board_recent"),
            models.Index(fields=["campaign", "-created_at"], name="idea_campaign_recent"),
            models.Index(fields=["municipality", "state"], name="idea_municipality_state"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_reason="") | Q(hidden_at__isnull=False),
                name="idea_hidden_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("pk")), name="idea_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden_reason)

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.board.organisation_id}


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["idea", "person"], name="idea_support_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.idea_id}"


class Follow(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["idea", "person"], name="idea_follow_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} follows {self.idea_id}"


class Comment(models.Model):
    """A comment, or a reply to one (one level: a reply's parent is never itself a reply)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea_comments",
    )
    show_name = models.BooleanField(_("show my name"), default=False)
    # Written for the responsible organisation: shown with its name, not the person's.
    as_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_LENGTH)
    hidden_reason = models.CharField(
        _("hidden because"), max_length=16, choices=HiddenReason.choices, blank=True
    )
    hidden_note = models.CharField(_("moderator's note"), max_length=300, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_reason="") | Q(hidden_at__isnull=False),
                name="idea_comment_hidden_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden_reason)

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.idea.board.organisation_id}


class Report(models.Model):
    """Someone asks a moderator to look at an idea or a comment."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reports")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=HiddenReason.choices)
    note = models.CharField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            # One open report per person and item: pressing twice does not pile up.
            models.UniqueConstraint(
                fields=["idea", "reporter"],
                condition=Q(resolved_at__isnull=True, comment__isnull=True),
                name="idea_report_once_open",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="idea_comment_report_once_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.idea_id})"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.idea.board.organisation_id}


class EventKind(models.TextChoices):
    STATE = "state", _("State changed")
    ANSWER = "answer", _("Official answer")
    MERGED = "merged", _("Merged")
    ROUTED = "routed", _("Routed")
    HIDDEN = "hidden", _("Hidden")
    SHOWN = "shown", _("Shown again")


class IdeaEvent(models.Model):
    """The idea's public history: what staff changed and when (the audit log has who)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=8, choices=EventKind.choices)
    state = models.ForeignKey(
        IdeaState, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.idea_id})"
