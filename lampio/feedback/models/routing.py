"""How feedback is set up per municipality: its Open311 jurisdiction, states and categories."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Municipality, Organisation


class Jurisdiction(models.Model):
    """A municipality's feedback desk: its Open311 id and the organisation of last resort."""

    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="feedback_jurisdiction",
    )
    # Open311 clients name the jurisdiction by a domain-like id, e.g. "oulu.fi".
    open311_id = models.CharField(_("Open311 jurisdiction id"), max_length=100, unique=True)
    fallback_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation that receives unrouted feedback"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("feedback jurisdiction")
        verbose_name_plural = _("feedback jurisdictions")

    def __str__(self) -> str:
        return self.open311_id


class StateKind(models.TextChoices):
    """What a state means to residents and to Open311: only these three are fixed."""

    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class FeedbackState(models.Model):
    """A state of feedback in one municipality, e.g. "Received", "In progress", "Answered"."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="feedback_states",
    )
    slug = models.SlugField(_("identifier"))
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=StateKind.choices)
    is_initial = models.BooleanField(_("new feedback starts here"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("feedback state")
        verbose_name_plural = _("feedback states")
        ordering = ["municipality", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="feedback_state_slug_unique"
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=models.Q(is_initial=True),
                name="feedback_state_one_initial",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["open", "answered", "closed"]),
                name="feedback_state_kind_valid",
            ),
            # A new message cannot start out answered or closed.
            models.CheckConstraint(
                condition=models.Q(is_initial=False) | models.Q(kind="open"),
                name="feedback_state_initial_is_open",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def open311_status(self) -> str:
        """Open311 knows only "open" and "closed"; an answered message is closed to it."""
        return "open" if self.kind == StateKind.OPEN else "closed"


class FeedbackCategory(models.Model):
    """What feedback is about (an Open311 service), and who answers it within how long."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="feedback_categories",
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    group = models.CharField(_("group"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("answering organisation"),
        on_delete=models.PROTECT,
        related_name="feedback_categories",
        null=True,
        blank=True,
        help_text=_("Empty: the municipality's feedback desk answers."),
    )
    response_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("feedback category")
        verbose_name_plural = _("feedback categories")
        ordering = ["municipality", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="feedback_category_code_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(response_days__gte=1, response_days__lte=60),
                name="feedback_category_response_days_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name
