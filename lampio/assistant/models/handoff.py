"""Hand-off to a person: a live conversation with the municipality's staff on duty, or, when
nobody is on duty, a feedback message carrying the conversation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.assistant.models.knowledge import LANGUAGE_CHOICES
from lampio.tenancy.models import Municipality, Organisation

MAX_MESSAGE_LENGTH = 1000


class DutyShift(models.Model):
    """A staff member answers the assistant's hand-offs until `ends_at`. Being on duty is read
    from the timestamps, so a shift nobody ends still stops on time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="assistant_shifts",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="assistant_shifts",
    )
    started_at = models.DateTimeField(_("started"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty shifts")
        ordering = ["-ends_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("started_at")),
                name="assistant_shift_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


class ConversationState(models.TextChoices):
    WAITING = "waiting", _("Waiting for a person")
    ACTIVE = "active", _("In conversation")
    CLOSED = "closed", _("Closed")
    TO_FEEDBACK = "feedback", _("Sent as feedback")


class Conversation(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="assistant_conversations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("answering organisation"),
        on_delete=models.CASCADE,
        related_name="assistant_conversations",
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    state = models.CharField(
        _("state"),
        max_length=8,
        choices=ConversationState.choices,
        default=ConversationState.WAITING,
    )
    # The resident's key to the conversation; a signed-in resident is also linked by `user`.
    token = models.CharField(max_length=43, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assistant_conversations",
    )
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=32, blank=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    feedback = models.ForeignKey(
        "feedback.Feedback",
        verbose_name=_("feedback message"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last message"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "state", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=[s.value for s in ConversationState]),
                name="assistant_conversation_state_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="active") | models.Q(taken_by__isnull=False),
                name="assistant_active_conversation_has_staff",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} · {self.municipality}"


class Sender(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    ASSISTANT = "assistant", _("Assistant")
    STAFF = "staff", _("Staff")


class ConversationMessage(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    sender = models.CharField(_("sender"), max_length=9, choices=Sender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
