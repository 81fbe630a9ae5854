"""What staff keep beside the messages: reply templates and Open311 client keys."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Municipality, Organisation


class ReplyTemplate(models.Model):
    """A reusable answer of one organisation, in the three languages."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="feedback_reply_templates",
    )
    name = models.CharField(_("name"), max_length=100)
    body = models.TextField(_("text"), max_length=5000)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["organisation", "name_fi"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Open311Client(models.Model):
    """An application allowed to post feedback through Open311; only the key's hash is kept."""

    name = models.CharField(_("name"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Empty: the client may post to every municipality."),
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(_("key starts with"), max_length=8, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 client")
        verbose_name_plural = _("Open311 clients")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    def issue_key(self) -> str:
        """Give the client a new key; it is shown once and only its hash is stored."""
        key = secrets.token_urlsafe(32)
        self.key_hash = hash_api_key(key)
        self.key_prefix = key[:8]
        return key


class SummarySent(models.Model):
    """One organisation's weekly summary was queued for sending: the next run skips that week."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="feedback_summaries"
    )
    week_start = models.DateField(_("week starting"))
    queued_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("weekly feedback summary sent")
        verbose_name_plural = _("weekly feedback summaries sent")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "week_start"], name="feedback_summary_once_a_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.week_start}"
