"""Every question asked and what the assistant did with it. Fallbacks and "not helpful"
clicks form the staff review queue; the rest count for statistics and are purged with them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.assistant.models.knowledge import LANGUAGE_CHOICES, KnowledgeEntry
from lampio.tenancy.models import Municipality


class ExchangeOutcome(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    FALLBACK = "fallback", _("Not sure: offered topics and a person")
    INTENT = "intent", _("Answered from live data")


class ReviewState(models.TextChoices):
    NONE = "none", _("Nothing to review")
    PENDING = "pending", _("Waiting for review")
    TAUGHT = "taught", _("Added as a paraphrase")
    DISMISSED = "dismissed", _("Dismissed")


class Exchange(models.Model):
    question = models.CharField(_("question"), max_length=500)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=8, choices=ExchangeOutcome.choices)
    entry = models.ForeignKey(
        KnowledgeEntry,
        verbose_name=_("answered with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    intent = models.CharField(_("intent"), max_length=32, blank=True)
    confidence = models.FloatField(_("confidence"), default=0.0)
    # [{"entry": key, "score": float}, …] best first, as the retrieval ranked them.
    candidates = models.JSONField(_("candidates"), default=list, blank=True)
    helpful = models.BooleanField(_("helpful"), null=True, blank=True)
    review = models.CharField(
        _("review"), max_length=9, choices=ReviewState.choices, default=ReviewState.NONE
    )
    taught_entry = models.ForeignKey(
        KnowledgeEntry,
        verbose_name=_("taught to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("question asked")
        verbose_name_plural = _("questions asked")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["review", "municipality", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=[o.value for o in ExchangeOutcome]),
                name="assistant_exchange_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.question[:60]
