"""The pilot and learning library: pilots run in phases by cities and organisations, their
documents, the lessons they learned, and the open network webinars that share them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.capability.models.roadmap import Initiative
from lampio.core.storage import private_storage
from lampio.offerings.models import Offering
from lampio.tenancy.models import Municipality, Organisation


class PilotStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class PhaseKind(models.TextChoices):
    """The phases the seed projects ran their pilots in, in this order."""

    CORE_TEAM = "core_team", _("Core team work")
    PROCUREMENT = "procurement", _("Procurement")
    IMPLEMENTATION = "implementation", _("Implementation, testing and reporting")
    ROUND_TABLE = "round_table", _("Round-table discussions")
    WEBINAR = "webinar", _("Open network webinars")


class Pilot(models.Model):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    # The lead organisation: its staff edit the pilot.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_pilots",
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("participating cities"), blank=True, related_name="+"
    )
    participants: models.ManyToManyField[Organisation, Any] = models.ManyToManyField(
        Organisation,
        verbose_name=_("participating organisations"),
        blank=True,
        related_name="pilots",
    )
    initiatives: models.ManyToManyField[Initiative, Any] = models.ManyToManyField(
        Initiative, verbose_name=_("roadmap initiatives"), blank=True, related_name="pilots"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PilotStatus.choices, default=PilotStatus.PLANNED
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capability_pilot_dates_order",
            )
        ]

    def __str__(self) -> str:
        return self.title


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    SKIPPED = "skipped", _("Not needed")


class PilotPhase(models.Model):
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=16, choices=PhaseKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=PhaseStatus.choices, default=PhaseStatus.PLANNED
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("pilot phase")
        verbose_name_plural = _("pilot phases")
        ordering = ["pilot", "starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pilot", "kind"], name="capability_phase_once"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capability_phase_dates_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pilot_id} {self.kind}"


class DocumentKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    REPORT = "report", _("Report")
    SLIDES = "slides", _("Slides")
    RECORDING = "recording", _("Recording")
    LINK = "link", _("Link")


class PilotDocument(models.Model):
    """A document or link of a pilot, or the material of one of its webinars."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="documents")
    webinar = models.ForeignKey(
        "Webinar", null=True, blank=True, on_delete=models.CASCADE, related_name="materials"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=DocumentKind.choices, default=DocumentKind.DOCUMENT
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500, blank=True)
    # Private: served only through a staff view that checks who may read the pilot.
    file = models.FileField(_("file"), upload_to="pilots/%Y/", storage=private_storage, blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("pilot document")
        verbose_name_plural = _("pilot documents")
        ordering = ["pilot", "-added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""),
                name="capability_document_has_url_or_file",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Lesson(models.Model):
    """What a pilot learned, in the words of the organisation that wrote it."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="lessons")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2, default="fi")
    what_worked = models.TextField(_("what worked"))
    what_did_not = models.TextField(_("what did not work"))
    do_differently = models.TextField(_("what we would do differently"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")
        ordering = ["pilot", "-created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.pilot_id} {self.organisation_id}"


class Webinar(models.Model):
    """An open network webinar: an offering (registration, capacity and reminders come from
    the offerings app) with its recording and materials, tied to a pilot when it shares one."""

    offering = models.OneToOneField(
        Offering, verbose_name=_("event"), on_delete=models.PROTECT, related_name="webinar"
    )
    pilot = models.ForeignKey(
        Pilot,
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webinars",
    )
    recording_url = models.URLField(_("recording"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("network webinar")
        verbose_name_plural = _("network webinars")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.offering_id)

    @property
    def organisation_id(self) -> int:
        return self.offering.organisation_id
