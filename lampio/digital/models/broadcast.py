"""The live side of an online occurrence, and recordings people may watch later."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.core.storage import private_storage
from lampio.offerings.models import Occurrence, Offering


class Broadcast(models.Model):
    """One occurrence's stream and whether the provider has gone live or ended it.

    Whether the player shows is derived from these timestamps and the occurrence's own times
    at read time (see `selectors.session_phase`), never from a job having fired.
    """

    occurrence = models.OneToOneField(
        Occurrence, verbose_name=_("time"), on_delete=models.CASCADE, related_name="broadcast"
    )
    # The provider's HLS (.m3u8) or MP4 address; blank falls back to the offering's link.
    stream_url = models.URLField(_("stream address (HLS or MP4)"), blank=True)
    went_live_at = models.DateTimeField(_("went live"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    chat_open = models.BooleanField(_("chat open"), default=True)

    class Meta:
        verbose_name = _("broadcast")
        verbose_name_plural = _("broadcasts")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True)
                | Q(went_live_at__isnull=True)
                | Q(went_live_at__lte=F("ended_at")),
                name="broadcast_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return str(self.occurrence)

    @property
    def organisation_id(self) -> int:
        return self.occurrence.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class CaptionLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class Recording(models.Model):
    """A recorded performance. Captions (WebVTT) are required: WCAG 1.2.2."""

    offering = models.ForeignKey(
        Offering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="recordings"
    )
    occurrence = models.ForeignKey(
        Occurrence,
        verbose_name=_("recorded at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recordings",
    )
    video_url = models.URLField(_("video address (HLS or MP4)"))
    # Private: a paid recording's captions go only to those who may watch it (see the view).
    captions = models.FileField(
        _("captions (WebVTT)"), upload_to="captions/", storage=private_storage
    )
    captions_language = models.CharField(
        _("captions language"),
        max_length=2,
        choices=CaptionLanguage.choices,
        default=CaptionLanguage.FINNISH,
    )
    transcript = models.TextField(_("transcript"), blank=True)
    is_published = models.BooleanField(_("can be watched later"), default=True)
    available_until = models.DateTimeField(_("can be watched until"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.offering)

    @property
    def organisation_id(self) -> int:
        return self.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
