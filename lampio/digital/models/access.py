"""Taking part without a password: a one-time code sent by email or text message."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models import Occurrence


class SignInCode(models.Model):
    """A short-lived code. Only its hash is stored; it is spent once and tried a few times."""

    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)  # E.164
    code_hash = models.CharField(max_length=128)
    # The session the person was taking part in, so the code's link opens it directly.
    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    seats = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")
        indexes = [models.Index(fields=["email", "created_at"], name="signin_code_email")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="signin_code_has_address"
            )
        ]

    def __str__(self) -> str:
        return self.email or self.phone
