"""The shared visitor survey: the same few questions after a visit, a booking, an enrolment or a
digital session, in every institution and city, so that answers compare across the network.

Answers are anonymous by construction: a response holds no person, no booking and no time of
day. The one-answer-per-invitation rule lives in a separate table of used invitation hashes
that has no link to the response."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.spaces.models import Venue
from lampio.tenancy.models import Municipality, Organisation


class Context(models.TextChoices):
    VISIT = "visit", _("Visit")
    BOOKING = "booking", _("Booking")
    ENROLMENT = "enrolment", _("Enrolment")
    ORDER = "order", _("Group order")
    SESSION = "session", _("Digital session")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under-18", _("Under 18")
    FROM_18 = "18-29", _("18–29")
    FROM_30 = "30-44", _("30–44")
    FROM_45 = "45-64", _("45–64")
    FROM_65 = "65-74", _("65–74")
    FROM_75 = "75-plus", _("75 or over")


RATING = [MinValueValidator(1), MaxValueValidator(5)]


class VisitorResponse(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    venue = models.ForeignKey(Venue, null=True, blank=True, on_delete=models.SET_NULL)
    context = models.CharField(_("answered after"), max_length=12, choices=Context.choices)
    answered_on = models.DateField(_("answered on"))  # the day only, never the time
    language = models.CharField(_("language"), max_length=2)
    overall = models.PositiveSmallIntegerField(_("overall satisfaction"), validators=RATING)
    ease = models.PositiveSmallIntegerField(
        _("ease of finding and getting in"), null=True, blank=True, validators=RATING
    )
    return_likelihood = models.PositiveSmallIntegerField(
        _("likely to come again"), null=True, blank=True, validators=RATING
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    # A municipality's slug, "other" for a place outside the network, blank when not told.
    home_municipality = models.CharField(_("home municipality"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("visitor survey response")
        verbose_name_plural = _("visitor survey responses")
        indexes = [models.Index(fields=["answered_on"], name="surveys_response_day")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(overall__gte=1, overall__lte=5), name="surveys_overall_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.answered_on}"


class UsedInvitation(models.Model):
    """An invitation (one booking, enrolment, order or session seat) that has been answered:
    only a keyed hash of it, so it can be matched but not traced back to a response.

    The hash is the primary key: a counting id would run in step with the responses' ids and
    pair each used invitation with its answer. `used_on` keeps only the month (for pruning)."""

    key_hash = models.CharField(max_length=64, primary_key=True)
    used_on = models.DateField()

    def __str__(self) -> str:
        return self.key_hash[:8]
