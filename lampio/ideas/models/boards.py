"""Where ideas are collected: boards (public, an organisation's staff, the city network's staff),
campaigns on a theme inside a board, and the data that states, categories and themes are."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Municipality, Organisation


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone (residents and staff)")
    ORGANISATION = "organisation", _("Staff of the organisation")
    NETWORK = "network", _("Staff of the city network")


class Board(models.Model):
    """A place for ideas, moderated by its organisation. Who may read and post is its audience:
    anyone (posting needs an account), the organisation's members, or any member of any
    organisation of the network."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("moderating organisation"),
        on_delete=models.PROTECT,
        related_name="idea_boards",
    )
    slug = models.SlugField(_("identifier"), unique=True)
    audience = models.CharField(_("who may take part"), max_length=12, choices=Audience.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    # Supports that move a new idea to "under review"; empty: never automatically.
    support_threshold = models.PositiveIntegerField(
        _("supports needed for review"), null=True, blank=True
    )
    is_active = models.BooleanField(_("open for ideas"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("idea board")
        verbose_name_plural = _("idea boards")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(audience__in=["public", "organisation", "network"]),
                name="idea_board_audience_valid",
            ),
            models.CheckConstraint(
                condition=Q(support_threshold__isnull=True) | Q(support_threshold__gte=1),
                name="idea_board_threshold_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def municipality(self) -> Municipality:
        return self.organisation.municipality

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class Campaign(models.Model):
    """Ideas on one theme, collected in a board between two dates for an owner."""

    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.CASCADE, related_name="campaigns"
    )
    slug = models.SlugField(_("identifier"))
    title = models.CharField(_("title"), max_length=150)
    theme = models.CharField(_("theme"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    support_threshold = models.PositiveIntegerField(
        _("supports needed for review"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-opens_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["board", "slug"], name="idea_campaign_slug_unique"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="idea_campaign_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(support_threshold__isnull=True) | Q(support_threshold__gte=1),
                name="idea_campaign_threshold_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.board.organisation_id}


class IdeaCategory(models.Model):
    """A subject area of ideas, shared by the network (e.g. "Libraries", "Events")."""

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("idea category")
        verbose_name_plural = _("idea categories")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class StateKind(models.TextChoices):
    """What a state means to the software; the states themselves (names, order, which follows
    which) are data."""

    NEW = "new", _("New")
    UNDER_REVIEW = "under_review", _("Under review")
    DECIDED = "decided", _("Decided")
    MERGED = "merged", _("Merged")


class IdeaState(models.Model):
    """A state of ideas: new → under review → accepted / implemented / not taken forward / merged.
    `next_states` lists where staff may move an idea from here."""

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=StateKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    next_states = models.ManyToManyField(
        "self", verbose_name=_("may move to"), symmetrical=False, blank=True
    )

    class Meta:
        verbose_name = _("idea state")
        verbose_name_plural = _("idea states")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["new", "under_review", "decided", "merged"]),
                name="idea_state_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class StrategyTheme(models.Model):
    """A strategic goal an idea may touch (e.g. "Culture for every age"). `keywords` are words
    staff give to help the router recognise the theme before any idea has been confirmed."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: a theme of the whole network."),
    )
    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    keywords = models.TextField(_("keywords"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("strategy theme")
        verbose_name_plural = _("strategy themes")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class RoutingProfile(models.Model):
    """What an organisation answers for, in words the router learns from (with the ideas staff
    have confirmed for it). Organisations without a profile are never suggested."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="idea_routing",
    )
    responsibilities = models.TextField(_("responsibilities"))

    class Meta:
        verbose_name = _("routing profile")
        verbose_name_plural = _("routing profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class FilteredWord(models.Model):
    """A word that holds an idea or comment for a moderator before anyone sees it."""

    word = models.CharField(_("word"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("filtered word")
        verbose_name_plural = _("filtered words")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word
