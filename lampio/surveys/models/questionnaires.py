"""The questionnaire engine: versioned questionnaires, rounds that run one version for a set of
organisations, and anonymous submissions.

A published version is frozen (rounds compare answers question by question), so a change of
questions makes a new version; a question keeps its `key` from version to version, which is
how two rounds of different versions are compared. A submission holds the organisation whose
link was used, the day and the language, never a person, an address or a time of day.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Organisation


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    LIKERT = "likert", _("Agreement (five steps)")
    SCALE = "scale", _("Numeric scale")
    TEXT = "text", _("Free text")
    MATRIX = "matrix", _("Matrix of statements")


class QuestionTheme(models.TextChoices):
    """What a question measures; results are grouped by it."""

    SKILLS = "skills", _("Skills")
    TOOLS = "tools", _("Tools")
    ATTITUDES = "attitudes", _("Attitudes")
    TRAINING = "training", _("Training needs")
    MATURITY = "maturity", _("Digital maturity")
    BACKGROUND = "background", _("Background")
    OTHER = "other", _("Other")


class Questionnaire(models.Model):
    key = models.SlugField(_("identifier"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # None: the network's own questionnaire, edited by network admins.
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int | None:
        """The owner, for `tenancy.permissions.can`; None means network admins only."""
        return self.owner_id


class QuestionnaireVersion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    intro = models.TextField(_("introduction"), blank=True)
    # A published version is frozen: its questions never change again.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["questionnaire", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="surveys_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Question(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    # Stable across versions: rounds of different versions compare by key.
    key = models.SlugField(_("identifier"), max_length=60)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    theme = models.CharField(
        _("theme"), max_length=12, choices=QuestionTheme.choices, default=QuestionTheme.OTHER
    )
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # Numeric scale only.
    scale_min = models.PositiveSmallIntegerField(_("lowest value"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest value"), default=5)
    min_label = models.CharField(_("label of the lowest value"), max_length=100, blank=True)
    max_label = models.CharField(_("label of the highest value"), max_length=100, blank=True)
    # Conditional display: shown only when the earlier question's answer is one of these values.
    show_if_question = models.ForeignKey(
        "self",
        verbose_name=_("show only after question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependents",
    )
    show_if_values = models.JSONField(_("show only for answers"), default=list, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="surveys_question_key_unique"),
            models.CheckConstraint(
                condition=models.Q(scale_min__lt=models.F("scale_max")),
                name="surveys_question_scale_order",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["single", "multiple", "likert", "scale", "text", "matrix"]
                ),
                name="surveys_question_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.key


class Choice(models.Model):
    """An answer option of a single or multiple choice question, or a column of a matrix."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("position"))
    value = models.SlugField(_("value"), max_length=60)
    label = models.CharField(_("label"), max_length=200)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="surveys_choice_unique")
        ]

    def __str__(self) -> str:
        return self.value


class MatrixRow(models.Model):
    """A statement of a matrix question; each row is answered on the question's columns."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.SlugField(_("identifier"), max_length=60)
    label = models.CharField(_("statement"), max_length=300)

    class Meta:
        verbose_name = _("matrix statement")
        verbose_name_plural = _("matrix statements")
        ordering = ["question", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="surveys_matrix_row_unique")
        ]

    def __str__(self) -> str:
        return self.key


class Round(models.Model):
    """One run of a published questionnaire version for a set of organisations."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("questionnaire version"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    # None: run by the network (network admins); otherwise that organisation's staff run it.
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    reminder_days_before = models.PositiveSmallIntegerField(
        _("reminder, days before closing"), default=3
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-opens_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="surveys_round_dates_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int | None:
        return self.organiser_id

    def is_open_on(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on


class RoundParticipant(models.Model):
    """An organisation taking part in a round, with its anonymous answer link."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    # secrets.token_urlsafe(24): the link is the only key; it names neither round nor person.
    token = models.CharField(max_length=43, unique=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = ["round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="surveys_participant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id} {self.organisation_id}"


class Submission(models.Model):
    """One anonymous set of answers: the organisation whose link was used, the day, the
    language. No person, no address, no time of day."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="submissions")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    submitted_on = models.DateField(_("answered on"))
    language = models.CharField(_("language"), max_length=2)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [models.Index(fields=["round", "organisation"], name="surveys_sub_round_org")]

    def __str__(self) -> str:
        return f"{self.round_id} {self.organisation_id} {self.submitted_on}"


class Answer(models.Model):
    """One chosen value (a choice, a step, a number) or one free text of a submission.

    A multiple choice answer is one row per chosen option; a matrix answer one row per
    statement (`row_key`)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    row_key = models.CharField(max_length=60, blank=True)
    value = models.CharField(max_length=60, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "row_key", "value"], name="surveys_answer_q")]

    def __str__(self) -> str:
        return f"{self.question_id}={self.value}"
