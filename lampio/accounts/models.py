from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_phone_user(self, phone: str, **extra: Any) -> User:
        """A person known only by a mobile number (E.164), who signs in with codes by text
        message: no email address and no password."""
        if not phone.startswith("+"):
            raise ValueError("A mobile number in international form (+358...) is required.")
        user = self.model(email=None, phone=phone, **extra)
        user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True, is_network_admin=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in. Email is the login; there is no separate username.

    A person with only a mobile phone has no email (NULL, so uniqueness holds) and signs in
    with one-time codes sent to `phone` by text message.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(  # type: ignore[assignment]  # NULL for phone-only people
        _("email address"), unique=True, null=True, blank=True
    )
    phone = models.CharField(
        _("mobile number"),
        max_length=20,
        null=True,
        blank=True,
        unique=True,
        help_text=_("In international form, for example +358401234567."),
    )
    # Set when the person typed a code sent to `phone`: only then may it stand in for email.
    phone_verified_at = models.DateTimeField(_("mobile number verified"), null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="fi"
    )
    is_network_admin = models.BooleanField(
        _("network administrator"),
        default=False,
        help_text=_("Can administer every municipality and organisation in the city network."),
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email or self.phone or ""


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"API token {self.pk} of {self.user_id}"
