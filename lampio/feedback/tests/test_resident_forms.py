"""The residents' feedback form: input shape, the bot trap, locations, phones and photos."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from lampio.core.phones import normalise_phone
from lampio.feedback.forms import FeedbackForm
from lampio.feedback.models import FeedbackCategory
from lampio.feedback.routing import Subject
from lampio.feedback.selectors import categories_of
from lampio.feedback.tests.conftest import jpeg_bytes

pytestmark = pytest.mark.django_db


def form(city: Any, files: dict[str, Any] | None = None, **data: Any) -> FeedbackForm:
    fields: dict[str, Any] = {
        "category": "spaces",
        "text": "Projektori ei käynnisty.",
        "identity": "anonymous",
    }
    fields.update(data)
    return FeedbackForm(fields, files or {}, categories=categories_of(city.pk))


def errors(bound: FeedbackForm) -> dict[str, list[str]]:
    with translation.override("en"):
        assert not bound.is_valid()
        return {name: [str(error) for error in errors] for name, errors in bound.errors.items()}


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("040 123 4567", "+358401234567"),
        ("+358 (0)40 123 4567", "+358401234567"),
        ("09 310 1234", "+35893101234"),
        ("00358 50 123 4567", "+358501234567"),
        ("+46 8 123 456", "+468123456"),
        ("123", None),
        ("040 abc", None),
        ("040 123 45x7", None),
        ("+0 123 456 789", None),
    ],
)
def test_phone_numbers_become_e164(typed, e164):
    assert normalise_phone(typed) == e164


def test_a_minimal_anonymous_form_is_valid_and_becomes_a_draft(city, jurisdiction):
    bound = form(city)
    assert bound.is_valid(), bound.errors
    draft = bound.draft(subject=Subject(), language="sv")
    assert draft.category == FeedbackCategory.objects.get(municipality=city, code="spaces")
    assert draft.language == "sv" and draft.identity == "anonymous"
    assert bound.photo_uploads() == []


def test_an_unknown_or_unused_category_is_refused(city, jurisdiction):
    inactive = FeedbackCategory.objects.get(municipality=city, code="praise")
    inactive.is_active = False
    inactive.save()
    assert "category" in errors(form(city, category="praise"))
    assert "category" in errors(form(city, category="nonsense"))


def test_the_filled_in_bot_trap_refuses_the_whole_form(city, jurisdiction):
    found = errors(form(city, website="https://spam.example"))
    assert found == {"__all__": ["The form could not be sent. Please try again."]}


def test_latitude_and_longitude_come_together_and_in_range(city, jurisdiction):
    assert "longitude" in errors(form(city, latitude="65.01"))
    assert "latitude" in errors(form(city, longitude="25.47"))
    assert "latitude" in errors(form(city, latitude="91", longitude="25"))
    assert "longitude" in errors(form(city, latitude="65", longitude="-181"))
    bound = form(city, latitude="65.0123456789", longitude="25.4")
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["latitude"] == Decimal("65.012346")


def test_pseudonym_and_contact_are_asked_for_when_needed(city, jurisdiction):
    assert "pseudonym" in errors(form(city, identity="pseudonym", pseudonym=" "))
    named = errors(form(city, identity="named", wants_contact="on"))
    assert named["contact_email"] == [
        "Give an email address or a phone number so that we can contact you."
    ]
    assert "contact_phone" in errors(form(city, identity="named", contact_phone="12"))
    bound = form(city, identity="named", wants_contact="on", contact_phone="040 123 4567")
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["contact_phone"] == "+358401234567"


def test_anonymous_feedback_needs_no_contact_even_if_asked(city, jurisdiction):
    assert form(city, wants_contact="on").is_valid()


def test_text_length_is_limited(city, jurisdiction):
    assert "text" in errors(form(city, text="x" * 5001))
    assert "text" in errors(form(city, text=""))


def test_several_photos_come_from_one_input_and_at_most_three(city, jurisdiction):
    def photos(count: int) -> list[SimpleUploadedFile]:
        return [
            SimpleUploadedFile(f"p{n}.jpg", jpeg_bytes(), content_type="image/jpeg")
            for n in range(count)
        ]

    bound = form(city, files=MultiValueDict({"photos": photos(2)}))
    assert bound.is_valid(), bound.errors
    assert len(bound.photo_uploads()) == 2
    assert bound.photo_uploads()[0].size == len(jpeg_bytes())
    assert errors(form(city, files=MultiValueDict({"photos": photos(4)}))) == {
        "photos": ["Attach at most 3 photos."]
    }


def test_the_bot_trap_is_hidden_from_keyboards_and_autofill(city, jurisdiction):
    html = str(form(city)["website"])
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
