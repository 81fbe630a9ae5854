"""What providers offer: keywords, offerings, their audiences, languages and images."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.spaces.models import Venue
from lampio.tenancy.models import Organisation


class Keyword(models.Model):
    """A category from the controlled keyword list, imported as data and never typed freely.

    A deprecated keyword stays so that old offerings keep their meaning; `replaced_by` says
    what to use instead, and imports map the old identifier onto its replacement.
    """

    key = models.SlugField(_("identifier"), max_length=60, unique=True)
    external_id = models.CharField(
        _("identifier in Linked Events"), max_length=100, blank=True, db_index=True
    )
    name = models.CharField(_("name"), max_length=100)
    is_deprecated = models.BooleanField(_("deprecated"), default=False)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def current(self) -> Keyword:
        """Follow replacements to the keyword in use (a cycle stops where it started)."""
        keyword, seen = self, {self.pk}
        while keyword.is_deprecated and keyword.replaced_by_id and keyword.replaced_by:
            if keyword.replaced_by_id in seen:
                break
            seen.add(keyword.replaced_by_id)
            keyword = keyword.replaced_by
        return keyword


class Audience(models.TextChoices):
    CHILDREN = "children", _("Children")
    YOUTH = "youth", _("Young people")
    ADULTS = "adults", _("Adults")
    OLDER_PEOPLE = "older_people", _("Older people")
    CARE_UNITS = "care_units", _("Care units")
    SCHOOLS = "schools", _("Schools and day care")


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    SAMI = "se", _("Northern Sámi")
    PLAIN_FINNISH = "fi-plain", _("Plain Finnish")
    FINNISH_SIGN = "fse", _("Finnish Sign Language")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    ARABIC = "ar", _("Arabic")
    NO_WORDS = "none", _("No spoken language")


class Format(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    LIVE_STREAM = "live_stream", _("Online live stream")
    RECORDING = "recording", _("Recording")
    HYBRID = "hybrid", _("On site and online")


ONLINE_FORMATS = [Format.LIVE_STREAM, Format.RECORDING, Format.HYBRID]


class PriceBasis(models.TextChoices):
    """What one price buys: a seat (a viewer, online) or a whole care unit's or group's place."""

    PER_PERSON = "per_person", _("per person")
    PER_UNIT = "per_unit", _("per care unit or group")


class OfferingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Offering(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="offerings"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OfferingStatus.choices, default=OfferingStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    keywords = models.ManyToManyField(
        Keyword, verbose_name=_("categories"), related_name="offerings", blank=True
    )
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offerings",
    )
    location = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Name and address of the place when it is not one of the listed venues."),
    )
    online_url = models.URLField(_("link to the online session"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.DecimalField(
        _("price (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    price_basis = models.CharField(
        _("price is"), max_length=16, choices=PriceBasis.choices, default=PriceBasis.PER_PERSON
    )
    price_info = models.CharField(_("price details"), max_length=300, blank=True)
    # "On request": no fixed times; a care unit or school proposes times in its order.
    on_request = models.BooleanField(_("times agreed on request"), default=False)
    allows_enrolment = models.BooleanField(_("individual enrolment"), default=True)
    allows_group_orders = models.BooleanField(_("group orders"), default=False)
    auto_accept_orders = models.BooleanField(_("accept group orders automatically"), default=False)
    min_group_size = models.PositiveSmallIntegerField(_("smallest group"), default=1)
    max_group_size = models.PositiveSmallIntegerField(_("largest group"), null=True, blank=True)
    cancellation_hours = models.PositiveSmallIntegerField(
        _("cancellation deadline (hours before the start)"), default=24
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The event's id in the system it was imported from (e.g. Linked Events), so that a new
    # import updates the offering instead of adding a copy.
    source_id = models.CharField(
        _("identifier in the source system"), max_length=200, blank=True, db_index=True
    )

    class Meta:
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "organisation"], name="offering_status_org")]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min__isnull=True)
                | Q(age_max__isnull=True)
                | Q(age_min__lte=F("age_max")),
                name="offering_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(is_free=True) | Q(price__isnull=False),
                name="offering_paid_has_price",
            ),
            models.CheckConstraint(
                condition=Q(min_group_size__gte=1), name="offering_min_group_positive"
            ),
            models.UniqueConstraint(
                fields=["organisation", "source_id"],
                condition=~Q(source_id=""),
                name="offering_source_id_once_per_provider",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_drop_in(self) -> bool:
        """Nobody enrols or orders: people just come (or watch), as open events usually are."""
        return not (self.allows_enrolment or self.allows_group_orders)

    @property
    def is_online(self) -> bool:
        return self.format in ONLINE_FORMATS

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class OfferingAudience(models.Model):
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="audience_rows")
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.UniqueConstraint(fields=["offering", "audience"], name="offering_audience_once")
        ]
        indexes = [models.Index(fields=["audience", "offering"], name="audience_offering")]

    def __str__(self) -> str:
        return self.get_audience_display()


class OfferingLanguage(models.Model):
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="language_rows")
    language = models.CharField(_("language"), max_length=16, choices=Language.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["offering", "language"], name="offering_language_once")
        ]
        indexes = [models.Index(fields=["language", "offering"], name="language_offering")]

    def __str__(self) -> str:
        return self.get_language_display()


class Licence(models.TextChoices):
    CC_BY = "cc_by_4_0", "CC BY 4.0"
    CC_BY_SA = "cc_by_sa_4_0", "CC BY-SA 4.0"
    CC0 = "cc0", "CC0"
    EVENT_ONLY = "event_only", _("Only for presenting this offering")


class OfferingImage(models.Model):
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="offerings/")
    alt_text = models.CharField(_("image description (alt text)"), max_length=250)
    photographer = models.CharField(_("photographer"), max_length=120, blank=True)
    licence = models.CharField(
        _("licence"), max_length=16, choices=Licence.choices, default=Licence.EVENT_ONLY
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt_text

    @property
    def organisation_id(self) -> int:
        return self.offering.organisation_id
