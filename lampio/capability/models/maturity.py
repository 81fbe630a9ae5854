"""The five-level digital maturity model for municipalities and each organisation's
self-assessment against it, dimension by dimension, with evidence."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Organisation

# The model's five levels; each dimension describes what a level means for it.
LEVELS = {
    1: _("1.0 Mostly manual services"),
    2: _("2.0 Processes or parts of them in digital form"),
    3: _("3.0 Process optimisation and automation"),
    4: _("4.0 Customer-oriented service paths"),
    5: _("5.0 The municipality as a service and development platform"),
}
LEVEL_RANGE = models.Q(level__gte=1, level__lte=5)


class MaturityDimension(models.Model):
    key = models.SlugField(_("identifier"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("maturity dimension")
        verbose_name_plural = _("maturity dimensions")
        ordering = ["position", "key"]

    def __str__(self) -> str:
        return self.name


class MaturityLevel(models.Model):
    """What one level of the model means in one dimension."""

    dimension = models.ForeignKey(
        MaturityDimension, on_delete=models.CASCADE, related_name="levels"
    )
    level = models.PositiveSmallIntegerField(_("level"))
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("maturity level")
        verbose_name_plural = _("maturity levels")
        ordering = ["dimension", "level"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "level"], name="capability_level_unique"),
            models.CheckConstraint(condition=LEVEL_RANGE, name="capability_level_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension_id} {self.level}"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class SelfAssessment(models.Model):
    """An organisation's scoring of itself at one time; the latest submitted one counts."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="maturity_assessments",
    )
    assessed_on = models.DateField(_("assessed on"))
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    summary = models.TextField(_("summary"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("maturity self-assessment")
        verbose_name_plural = _("maturity self-assessments")
        ordering = ["organisation", "-assessed_on", "-pk"]
        constraints = [
            # One draft at a time per organisation: staff continue it instead of starting anew.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="draft"),
                name="capability_one_draft_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.assessed_on}"


class DimensionScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    dimension = models.ForeignKey(
        MaturityDimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level now"))
    target_level = models.PositiveSmallIntegerField(_("target level"), null=True, blank=True)
    evidence = models.TextField(_("evidence and reasoning"), blank=True)

    class Meta:
        verbose_name = _("dimension score")
        verbose_name_plural = _("dimension scores")
        ordering = ["assessment", "dimension__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "dimension"], name="capability_score_unique"
            ),
            models.CheckConstraint(condition=LEVEL_RANGE, name="capability_score_level_1_5"),
            models.CheckConstraint(
                condition=models.Q(target_level__isnull=True)
                | models.Q(target_level__gte=1, target_level__lte=5),
                name="capability_score_target_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension_id}={self.level}"

    @property
    def organisation_id(self) -> int:
        return self.assessment.organisation_id


class Evidence(models.Model):
    """A link to a document, a service or a report that backs a score."""

    score = models.ForeignKey(DimensionScore, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")
        ordering = ["score", "pk"]

    def __str__(self) -> str:
        return self.title
