"""Door systems: how an organisation's doors learn which personal codes open them, and when."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.bookings.models.booking import Booking
from lampio.tenancy.models import Organisation


class DoorSystemKind(models.TextChoices):
    # Answers "would this code open door X at time T" from Lämpiö's own bookings (demo, tests,
    # and door controllers that ask online).
    LOCAL = "local", _("Local (doors ask Lämpiö)")
    # Pushes each grant and revocation to the lock vendor's endpoint as a signed request.
    WEBHOOK = "webhook", _("Lock vendor webhook")


class DoorSystem(models.Model):
    """One per organisation: door systems differ per city and per building owner."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="door_system",
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=DoorSystemKind.choices, default=DoorSystemKind.LOCAL
    )
    endpoint_url = models.URLField(_("vendor endpoint"), blank=True)
    # Shared secret for the HMAC signature of webhook requests; never shown after saving.
    signing_secret = models.CharField(_("signing secret"), max_length=200, blank=True)
    # Door controllers of a local system ask POST /api/v1/doors/check with a key; only its
    # SHA-256 is kept (the key has 256 bits of entropy, so a plain hash is enough).
    controller_key_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("door system")
        verbose_name_plural = _("door systems")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="webhook") | (~Q(endpoint_url="") & ~Q(signing_secret="")),
                name="door_webhook_has_endpoint_and_secret",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class DoorSyncAction(models.TextChoices):
    GRANT = "grant", _("Grant")
    REVOKE = "revoke", _("Revoke")


class DoorSyncStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, staff alerted")


class DoorSync(models.Model):
    """One grant or revocation pushed to a vendor, with its retries.

    The booking stays valid whatever happens here; a FAILED row is an alert for staff.
    """

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="door_syncs")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(_("action"), max_length=8, choices=DoorSyncAction.choices)
    payload = models.JSONField(_("request"))
    status = models.CharField(
        _("status"), max_length=8, choices=DoorSyncStatus.choices, default=DoorSyncStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("door system message")
        verbose_name_plural = _("door system messages")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status"], name="doorsync_org_status"),
            models.Index(fields=["status", "next_attempt_at"], name="doorsync_due"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.booking_id} ({self.status})"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
