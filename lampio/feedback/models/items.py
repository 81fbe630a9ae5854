"""Feedback messages, their photos and the timeline of what happened to each."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.core.storage import private_storage
from lampio.feedback.models.routing import FeedbackCategory, FeedbackState
from lampio.tenancy.models import Municipality, Organisation

MAX_TEXT_LENGTH = 5000


def new_tracking_token() -> str:
    """The secret of a tracking link: whoever has it sees the status and the answer."""
    return secrets.token_urlsafe(18)


class Identity(models.TextChoices):
    NAMED = "named", _("Under my name")
    PSEUDONYM = "pseudonym", _("Under a pseudonym")
    ANONYMOUS = "anonymous", _("Anonymously")


class Source(models.TextChoices):
    WEB = "web", _("Web form")
    OPEN311 = "open311", _("Open311 client")


class Feedback(models.Model):
    """One message from a resident, owned by the organisation that must answer it."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("answering organisation"),
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    category = models.ForeignKey(
        FeedbackCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.ForeignKey(
        FeedbackState, verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    tracking_token = models.CharField(
        _("tracking code"), max_length=32, unique=True, default=new_tracking_token, editable=False
    )

    # What it is about: at most one of these is set; none means feedback in general.
    venue = models.ForeignKey(
        "spaces.Venue", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    space = models.ForeignKey(
        "spaces.Space", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    booking = models.ForeignKey(
        "bookings.Booking", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    offering = models.ForeignKey(
        "offerings.Offering", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    occurrence = models.ForeignKey(
        "offerings.Occurrence", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    text = models.TextField(_("feedback"), max_length=MAX_TEXT_LENGTH)
    language = models.CharField(_("language"), max_length=2, default="fi")

    # Who wrote it. An anonymous message keeps nothing that could identify its writer.
    identity = models.CharField(
        _("sent"), max_length=10, choices=Identity.choices, default=Identity.ANONYMOUS
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=60, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
    )
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=20, blank=True)
    wants_contact = models.BooleanField(_("wants to be contacted"), default=False)

    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    address = models.CharField(_("address or place"), max_length=200, blank=True)

    # Publication: the writer allows it, staff decide it, and may shorten what is shown.
    wants_public = models.BooleanField(_("may be published"), default=False)
    is_published = models.BooleanField(_("published"), default=False)
    public_text = models.TextField(_("published text"), blank=True, max_length=MAX_TEXT_LENGTH)
    photos_public = models.BooleanField(_("photos published"), default=False)

    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_feedback",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default="web")
    client = models.ForeignKey(
        "feedback.Open311Client", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    submitted_at = models.DateTimeField(_("sent"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    due_at = models.DateTimeField(_("answer due"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-submitted_at"], name="feedback_inbox"),
            # Open messages are few beside the closed ones: the inbox's counts and its "overdue
            # first" part read them from this index alone.
            models.Index(
                fields=["organisation", "state", "-submitted_at"],
                include=["due_at", "assignee"],
                name="feedback_state",
            ),
            models.Index(fields=["organisation", "due_at"], name="feedback_due"),
            # Open311 lists are cached under the municipality's latest change (MAX(updated_at)).
            models.Index(fields=["municipality", "updated_at"], name="feedback_updated"),
            models.Index(
                fields=["municipality", "-submitted_at"],
                condition=Q(is_published=True),
                name="feedback_published",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="feedback_location_valid",
            ),
            models.CheckConstraint(
                condition=~Q(identity="anonymous")
                | Q(
                    author__isnull=True,
                    contact_name="",
                    contact_email="",
                    contact_phone="",
                    wants_contact=False,
                ),
                name="feedback_anonymous_keeps_no_contact",
            ),
            models.CheckConstraint(
                condition=~Q(identity="pseudonym") | ~Q(pseudonym=""),
                name="feedback_pseudonym_given",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(wants_public=True),
                name="feedback_published_only_if_allowed",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | ~Q(merged_into=F("pk")),
                name="feedback_not_duplicate_of_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}

    @property
    def shown_name(self) -> str:
        """How the writer appears to staff and, when published, to everyone."""
        if self.identity == Identity.PSEUDONYM:
            return self.pseudonym
        if self.identity == Identity.NAMED:
            if self.contact_name:
                return self.contact_name
            if self.author is not None:
                return self.author.get_full_name() or str(self.author)
        return str(_("Anonymous"))


class FeedbackPhoto(models.Model):
    """A photo re-encoded on upload (no EXIF), kept in private storage."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="feedback/", storage=private_storage)
    description = models.CharField(_("what the photo shows"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("feedback photo")
        verbose_name_plural = _("feedback photos")
        ordering = ["feedback", "position", "pk"]

    def __str__(self) -> str:
        return self.description or f"#{self.feedback_id}/{self.position}"

    @property
    def organisation_id(self) -> int:
        return self.feedback.organisation_id


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Sent")
    NOTE = "note", _("Internal note")
    REPLY = "reply", _("Answer")
    STATE = "state", _("State changed")
    ASSIGNED = "assigned", _("Assigned")
    FORWARDED = "forwarded", _("Forwarded")
    MERGED = "merged", _("Merged as a duplicate")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")


# Only these are shown to the writer through the tracking link; notes stay internal.
PUBLIC_EVENT_KINDS = (EventKind.SUBMITTED, EventKind.REPLY, EventKind.STATE, EventKind.MERGED)


class FeedbackEvent(models.Model):
    """One step in a message's life: the timeline staff read and, in part, the writer sees."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=10, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("text"), blank=True, max_length=MAX_TEXT_LENGTH)
    state = models.ForeignKey(
        FeedbackState, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback event")
        verbose_name_plural = _("feedback events")
        ordering = ["feedback", "created_at", "pk"]
        indexes = [models.Index(fields=["feedback", "created_at"], name="feedback_event_timeline")]

    def __str__(self) -> str:
        return f"#{self.feedback_id} {self.get_kind_display()}"

    @property
    def organisation_id(self) -> int:
        return self.feedback.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.feedback.organisation_id}
