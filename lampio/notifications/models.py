"""Message templates staff edit, each person's choices, and the log of every message sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Organisation


class MessageTemplate(models.Model):
    """An organisation's own texts for one kind of message (fi/sv/en via modeltranslation).

    Without a row, or with a language left empty, the kind's translated default is used.
    """

    key = models.CharField(_("message"), max_length=100)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="message_templates",
    )
    subject = models.CharField(_("email subject"), max_length=200, blank=True)
    body = models.TextField(_("email text"), blank=True)
    sms = models.CharField(_("text message"), max_length=480, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="message_template_one_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.organisation})"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    RETRYING = "retrying", _("Retrying")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One message to one person on one channel, rendered when queued (an outbox row).

    Rows are written in the same transaction as the change they tell about, and sent after it
    commits, so a message is never sent for a change that rolled back nor lost for one that
    committed.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    # The organisation the message is about: its staff see the row in their delivery log.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    key = models.CharField(_("message"), max_length=100)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    to = models.CharField(_("to"), max_length=254)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    # Small text attachments such as a booking's .ics: [{"name", "content_type", "content"}].
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # Makes "remind once", "alert once per freed slot" hold even if a job runs twice.
    dedupe_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="delivery_recipient_recent"),
            models.Index(fields=["organisation", "-created_at"], name="delivery_org_recent"),
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key", "channel"],
                condition=~Q(dedupe_key=""),
                name="delivery_dedupe_once_per_channel",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.to} ({self.status})"


class Preference(models.Model):
    """A person's choice about messages that are not essential."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="message_preference"
    )
    non_essential = models.BooleanField(_("reminders, alerts and feedback requests"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("message preference")
        verbose_name_plural = _("message preferences")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.non_essential}"
