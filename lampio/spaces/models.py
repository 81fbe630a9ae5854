"""Venues, the spaces in them, and the rules and hours by which a space can be booked."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Organisation


class Venue(models.Model):
    """A building or site with an address: a library, a school, a culture centre."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="venues"
    )
    slug = models.SlugField(_("identifier"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    post_office = models.CharField(_("post office"), max_length=100)
    directions = models.TextField(
        _("directions"), blank=True, help_text=_("How to get there and which door to use.")
    )
    accessibility = models.TextField(_("accessibility details"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="venue_slug_unique_in_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class SpaceType(models.TextChoices):
    HALL = "hall", _("Hall")
    GYM = "gym", _("Gym")
    CLASSROOM = "classroom", _("Classroom")
    STUDIO = "studio", _("Studio")
    MEETING_ROOM = "meeting_room", _("Meeting room")
    MUSIC_ROOM = "music_room", _("Music room")
    KITCHEN = "kitchen", _("Kitchen")
    SAUNA = "sauna", _("Sauna")
    WORKSHOP = "workshop", _("Workshop")
    EXHIBITION = "exhibition", _("Exhibition space")
    CABIN = "cabin", _("Cabin")
    DESK = "desk", _("Desk")
    OUTDOOR = "outdoor", _("Outdoor area")


class Equipment(models.Model):
    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the owning organisation only")


class Bookers(models.TextChoices):
    REGISTERED = "registered", _("Anyone with a verified account")
    STRONGLY_IDENTIFIED = "strong", _("Strongly identified people")
    ORGANISATIONS = "organisations", _("Members of listed organisations")


class PriceType(models.TextChoices):
    FREE = "free", _("Free")
    PER_HOUR = "per_hour", _("Per hour")
    FIXED = "fixed", _("Fixed price")


class AccessMethod(models.TextChoices):
    """How a person with a booking gets in."""

    CODE = "code", _("Personal access code")
    STAFF = "staff", _("Opened by staff")
    KEY = "key", _("Key pick-up")
    OPEN = "open", _("No key needed")


class Space(models.Model):
    """Something a person books: a hall, a gym, a room, a desk."""

    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="spaces"
    )
    slug = models.SlugField(_("identifier"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    terms = models.TextField(_("terms of use"), blank=True)
    space_type = models.CharField(_("type"), max_length=20, choices=SpaceType.choices)
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    is_indoor = models.BooleanField(_("indoors"), default=True)
    equipment = models.ManyToManyField(
        Equipment, verbose_name=_("equipment"), blank=True, related_name="spaces"
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    visibility = models.CharField(
        _("visible to"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    is_published = models.BooleanField(_("published"), default=True)

    # Booking rules.
    who_may_book = models.CharField(
        _("who may book"), max_length=16, choices=Bookers.choices, default=Bookers.REGISTERED
    )
    allowed_organisations: models.ManyToManyField[Organisation, Organisation] = (
        models.ManyToManyField(
            Organisation,
            verbose_name=_("organisations that may book"),
            blank=True,
            related_name="bookable_spaces",
        )
    )
    requires_handling = models.BooleanField(
        _("bookings need approval"),
        default=False,
        help_text=_("Staff approve each booking before it is confirmed."),
    )
    slot_minutes = models.PositiveIntegerField(
        _("slot length (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(24 * 60)],
    )
    min_duration_minutes = models.PositiveIntegerField(_("shortest booking (minutes)"), default=30)
    max_duration_minutes = models.PositiveIntegerField(
        _("longest booking (minutes)"), default=4 * 60
    )
    buffer_before_minutes = models.PositiveIntegerField(_("buffer before (minutes)"), default=0)
    buffer_after_minutes = models.PositiveIntegerField(_("buffer after (minutes)"), default=0)
    booking_opens_days = models.PositiveIntegerField(_("bookable this many days ahead"), default=60)
    booking_closes_hours = models.PositiveIntegerField(
        _("booking closes this many hours before the start"), default=0
    )
    max_active_bookings = models.PositiveIntegerField(
        _("upcoming bookings per person"), default=5, validators=[MinValueValidator(1)]
    )
    cancellation_hours = models.PositiveIntegerField(
        _("free cancellation until this many hours before"), default=24
    )
    allows_multi_day = models.BooleanField(_("multi-day bookings allowed"), default=False)
    # Residents may book a weekly series themselves; staff always may.
    allows_recurring = models.BooleanField(
        _("residents may book recurring series"),
        default=False,
        help_text=_("Residents may book the same time every week or every few weeks."),
    )
    closed_on_public_holidays = models.BooleanField(_("closed on public holidays"), default=True)

    # Getting in. A code is valid from `code_valid_before_minutes` before the start until
    # `code_valid_after_minutes` after the end, derived from the booking's times.
    access_method = models.CharField(
        _("access"), max_length=8, choices=AccessMethod.choices, default=AccessMethod.OPEN
    )
    access_instructions = models.TextField(
        _("access instructions"),
        blank=True,
        help_text=_("Which door, where the keypad is; for key pick-up where and when."),
    )
    door_id = models.CharField(
        _("door identifier"),
        max_length=100,
        blank=True,
        help_text=_("The door's identifier in the organisation's door system."),
    )
    code_valid_before_minutes = models.PositiveIntegerField(
        _("code works this many minutes before the start"),
        default=15,
        validators=[MaxValueValidator(24 * 60)],
    )
    code_valid_after_minutes = models.PositiveIntegerField(
        _("code works this many minutes after the end"),
        default=0,
        validators=[MaxValueValidator(24 * 60)],
    )
    # Waitlist offers hold a freed slot for the first in line this long.
    offer_hold_minutes = models.PositiveIntegerField(
        _("waitlist offer is held (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(7 * 24 * 60)],
    )

    price_type = models.CharField(
        _("price"), max_length=16, choices=PriceType.choices, default=PriceType.FREE
    )
    price = models.DecimalField(
        _("price (euros, VAT included)"), max_digits=9, decimal_places=2, default=0
    )
    # PostgreSQL keeps this up to date itself (triggers of migration 0004, also on venue edits):
    # stemming every space's texts in three languages on every search cost most of a search.
    # Unused, and always empty, on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["venue__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "slug"], name="space_slug_unique_in_venue"),
            models.CheckConstraint(
                condition=Q(min_duration_minutes__lte=models.F("max_duration_minutes")),
                name="space_min_duration_not_above_max",
            ),
            models.CheckConstraint(
                condition=Q(price_type="free", price=0) | ~Q(price_type="free"),
                name="space_free_means_zero_price",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.venue.name})"

    @property
    def organisation_id(self) -> int:
        """The owner, so that `can(actor, action, space)` resolves without extra code."""
        return self.venue.organisation_id

    @property
    def is_paid(self) -> bool:
        """Booking costs something (the price rules of payments refine how much, for whom)."""
        return self.price_type != PriceType.FREE

    @property
    def buffer_before(self) -> timedelta:
        return timedelta(minutes=self.buffer_before_minutes)

    @property
    def buffer_after(self) -> timedelta:
        return timedelta(minutes=self.buffer_after_minutes)

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class SpacePhoto(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("image"), upload_to="spaces/")
    alt_text = models.CharField(
        _("description for screen readers"),
        max_length=250,
        help_text=_("Say what the photo shows, e.g. 'Gym with wall bars and a stage'."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt_text

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.space.organisation_id}


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """A weekly opening period in local time; `closes` at or before `opens` runs past midnight."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.space.organisation_id}


class OpeningException(models.Model):
    """A date with other hours than usual: closed, or open at given times."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="opening_exceptions")
    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exception to opening hours")
        verbose_name_plural = _("exceptions to opening hours")
        ordering = ["date", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_closed=True) | Q(opens__isnull=False, closes__isnull=False),
                name="opening_exception_open_has_hours",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.space.organisation_id}
