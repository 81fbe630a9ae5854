"""Shared setup of the feedback tests: a city with its feedback desk, states and categories."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from PIL import Image

from lampio.feedback.models import FeedbackCategory, Jurisdiction
from lampio.feedback.routing import Subject
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.services.submission import FeedbackDraft, PhotoUpload, submit_feedback
from lampio.tenancy.models import Municipality, Organisation


@pytest.fixture
def no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def city(make_municipality: Callable[..., Municipality]) -> Municipality:
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def desk(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    """The city's feedback desk: it answers whatever no one else does."""
    return make_organisation(municipality=city, slug="palaute")


@pytest.fixture
def jurisdiction(city: Municipality, desk: Organisation) -> Jurisdiction:
    return set_up_feedback(municipality=city, fallback_organisation=desk, open311_id="oulu.fi")


@pytest.fixture
def category(jurisdiction: Jurisdiction) -> FeedbackCategory:
    return FeedbackCategory.objects.get(municipality=jurisdiction.municipality, code="spaces")


@pytest.fixture
def make_feedback(city: Municipality, category: FeedbackCategory) -> Callable[..., Any]:
    """Send feedback as a resident would; keyword arguments override the draft's fields."""

    def make(
        actor: Any = None,
        subject: Subject | None = None,
        photos: Sequence[bytes] = (),
        share_photo_location: bool = False,
        **fields: Any,
    ) -> Any:
        draft_fields: dict[str, Any] = {
            "category": category,
            "text": "Projektori ei käynnisty.",
            "subject": subject or Subject(),
        }
        draft_fields.update(fields)
        return submit_feedback(
            actor=actor,
            municipality=city,
            draft=FeedbackDraft(**draft_fields),
            photos=[PhotoUpload(file=io.BytesIO(data), size=len(data)) for data in photos],
            share_photo_location=share_photo_location,
        )

    return make


def jpeg_bytes(
    *, gps: tuple[float, float] | None = None, size: tuple[int, int] = (40, 30)
) -> bytes:
    """A small JPEG, with a GPS position in its EXIF when `gps` is given."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    if gps is not None:
        latitude, longitude = gps

        def dms(value: float) -> tuple[float, float, float]:
            value = abs(value)
            degrees = int(value)
            minutes = int((value - degrees) * 60)
            seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
            return (float(degrees), float(minutes), seconds)

        exif[0x8825] = {
            1: "N" if latitude >= 0 else "S",
            2: dms(latitude),
            3: "E" if longitude >= 0 else "W",
            4: dms(longitude),
        }
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()
