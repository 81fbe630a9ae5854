"""Taking part in a session: chat, questions, reactions, who is watching, and feedback."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models import Occurrence


class MessageKind(models.TextChoices):
    CHAT = "chat", _("Chat message")
    QUESTION = "question", _("Question to the performer")


class ChatMessage(models.Model):
    """A chat message or a question. Questions go to the performer's and moderator's screen."""

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("time"), on_delete=models.CASCADE, related_name="chat_messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Shown to others only when the person chose to show their name; blank reads "Viewer".
    display_name = models.CharField(_("name shown"), max_length=60, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=MessageKind.choices, default=MessageKind.CHAT
    )
    text = models.CharField(_("message"), max_length=500)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["occurrence", "kind", "created_at"], name="chat_session_kind_time")
        ]

    def __str__(self) -> str:
        return self.text[:40]

    @property
    def organisation_id(self) -> int:
        return self.occurrence.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class ChatMute(models.Model):
    """A person a moderator has stopped from writing in one session's chat."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    muted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("muted person")
        verbose_name_plural = _("muted people")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "person"], name="chat_mute_once")
        ]

    def __str__(self) -> str:
        return f"{self.occurrence} · {self.person_id}"

    @property
    def organisation_id(self) -> int:
        return self.occurrence.offering.organisation_id


class ReactionKind(models.TextChoices):
    APPLAUSE = "applause", _("Applause")
    HEART = "heart", _("Heart")
    SMILE = "smile", _("Smile")


class ReactionCount(models.Model):
    """How many times the audience clapped (etc.): one counter row, raised by F() updates."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(_("reaction"), max_length=10, choices=ReactionKind.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("reaction count")
        verbose_name_plural = _("reaction counts")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "kind"], name="reaction_count_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} × {self.count}"


class Viewer(models.Model):
    """Someone watching now. `key` is a keyed hash of the browser session, not the person.

    The audience count is the number of viewers seen recently; a name is shown to the
    performer only when the person ticked "show my name".
    """

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="viewers")
    key = models.CharField(max_length=64)
    show_name = models.BooleanField(_("show my name to the performer"), default=False)
    display_name = models.CharField(_("name shown"), max_length=60, blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("viewer")
        verbose_name_plural = _("viewers")
        constraints = [models.UniqueConstraint(fields=["occurrence", "key"], name="viewer_once")]
        indexes = [models.Index(fields=["occurrence", "last_seen_at"], name="viewer_recent")]

    def __str__(self) -> str:
        return f"{self.occurrence} · {self.key[:8]}"


class SessionFeedback(models.Model):
    """Anonymous feedback after a session: a smiley and one free answer, nothing about who."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        _("how was it"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    answer = models.TextField(_("what would you like to tell the performer"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="feedback_rating_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occurrence} · {self.rating}"


class AudienceMessage(models.Model):
    """A message the provider sent to everyone enrolled in a session, before or after it."""

    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="audience_messages"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message to the audience")
        verbose_name_plural = _("messages to the audience")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject

    @property
    def organisation_id(self) -> int:
        return self.occurrence.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
