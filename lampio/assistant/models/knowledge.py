"""The assistant's knowledge: entries shared by the city network, their paraphrases and
per-municipality answers. Staff edit these in the product; the index follows without a deploy."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Municipality

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]


class LinkTarget(models.TextChoices):
    """Pages an answer may send a person to; each maps to a named route (see links.py)."""

    SPACES = "spaces", _("Spaces")
    MY_BOOKINGS = "my-bookings", _("My bookings")
    LAST_MINUTE = "last-minute", _("Last-minute slots")
    OFFERINGS = "offerings", _("Culture offerings")
    FEEDBACK = "feedback", _("Feedback")
    IDEAS = "ideas", _("Ideas")
    PROFILE = "profile", _("Profile and personal data")
    DIGITAL = "digital", _("Digital culture sessions")


class KnowledgeEntry(models.Model):
    """One question a resident may have and its answer, in fi/sv/en (modeltranslation)."""

    key = models.SlugField(_("identifier"), max_length=64, unique=True)
    topic = models.SlugField(_("topic"), max_length=32)
    title = models.CharField(_("title"), max_length=120)
    answer = models.TextField(_("answer"))
    link = models.CharField(
        _("page offered with the answer"), max_length=32, choices=LinkTarget.choices, blank=True
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published entries answer residents. Staff can preview drafts."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("knowledge entry")
        verbose_name_plural = _("knowledge entries")
        ordering = ["topic", "key"]

    def __str__(self) -> str:
        return self.key


class ParaphraseSource(models.TextChoices):
    SEED = "seed", _("Starting knowledge")
    STAFF = "staff", _("Written by staff")
    REVIEW = "review", _("From a resident's question")


class Paraphrase(models.Model):
    """One way a person may ask for an entry, in one language. The retrieval index is built
    from these, so every paraphrase staff add makes the assistant understand more."""

    entry = models.ForeignKey(
        KnowledgeEntry,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        related_name="paraphrases",
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    text = models.CharField(_("question"), max_length=300)
    source = models.CharField(
        _("source"), max_length=8, choices=ParaphraseSource.choices, default=ParaphraseSource.STAFF
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("paraphrase")
        verbose_name_plural = _("paraphrases")
        ordering = ["entry", "language", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "language", "text"], name="assistant_paraphrase_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGES), name="assistant_paraphrase_language"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class AnswerOverride(models.Model):
    """A municipality's own answer to a shared entry (its prices, its on-call number…)."""

    entry = models.ForeignKey(
        KnowledgeEntry,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        related_name="overrides",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="assistant_overrides",
    )
    answer = models.TextField(_("answer"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("municipality's answer")
        verbose_name_plural = _("municipalities' answers")
        ordering = ["entry", "municipality"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "municipality"], name="assistant_override_one_per_municipality"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry.key} · {self.municipality}"
