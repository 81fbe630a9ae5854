from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A city or municipality of the network; every organisation belongs to one."""

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    coat_of_arms = models.ImageField(_("coat of arms"), upload_to="coats_of_arms/", blank=True)
    coat_of_arms_alt = models.CharField(_("coat of arms description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    CITY_INSTITUTION = "city_institution", _("City institution")
    INDEPENDENT_PROVIDER = "independent_provider", _("Independent provider")
    ASSOCIATION = "association", _("Association")
    CARE_UNIT = "care_unit", _("Care unit")
    SCHOOL = "school", _("School")


class Organisation(models.Model):
    """The unit of ownership: every row that staff can change belongs to one organisation."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    slug = models.SlugField(_("identifier"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    email = models.EmailField(_("contact email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="organisation_slug_unique_in_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, int]:
        """Tag audit entries with the owning organisation so its trail can be listed."""
        return {"organisation_id": self.pk}


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    STAFF = "staff", _("Staff member")
    PROVIDER_EDITOR = "provider_editor", _("Provider editor")
    CARE_STAFF = "care_staff", _("Care-unit staff")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A person's one role in one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_one_role_per_organisation"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    role__in=["admin", "staff", "provider_editor", "care_staff", "viewer"]
                ),
                name="membership_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
