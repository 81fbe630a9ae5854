"""Residents' feedback in the browser: axe over the form (also with errors), the receipt, the
tracking page and published feedback in Finnish, Swedish and English; the form without
JavaScript; the map; and an anonymous resident reporting a broken projector with a photo.

Locators use ids, names and classes, not UI texts, so they keep working as translations arrive.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from lampio.feedback.models import EventKind, Feedback, FeedbackCategory, FeedbackEvent
from lampio.feedback.routing import Subject
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.services.submission import FeedbackDraft, PhotoUpload, submit_feedback
from lampio.feedback.tests.conftest import jpeg_bytes
from tests.browser.conftest import assert_accessible

LANGUAGES = ["fi", "sv", "en"]
# A one-pixel GIF as every map tile: the map works with no tile server reachable.
BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@pytest.fixture
def hall(make_municipality, make_organisation, make_space):
    """Oulu takes feedback; its cultural centre has a hall with a projector."""
    city = make_municipality(slug="oulu", name="Oulu")
    set_up_feedback(
        municipality=city,
        fallback_organisation=make_organisation(municipality=city),
        open311_id="oulu.fi",
    )
    return make_space(organisation=make_organisation(municipality=city), name_fi="Juhlasali")


@pytest.fixture
def answered(hall: Any) -> Feedback:
    """A message with a photo, answered and published with its photo."""
    municipality = hall.venue.organisation.municipality
    data = jpeg_bytes()
    feedback = submit_feedback(
        actor=None,
        municipality=municipality,
        draft=FeedbackDraft(
            category=FeedbackCategory.objects.get(municipality=municipality, code="spaces"),
            text="Salin ovi narisee.",
            wants_public=True,
            subject=Subject(space=hall),
        ),
        photos=[PhotoUpload(file=io.BytesIO(data), size=len(data))],
    )
    FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.REPLY, text="Ovi on rasvattu.")
    Feedback.objects.filter(pk=feedback.pk).update(is_published=True, photos_public=True)
    return feedback


def photo_loaded(page: Page) -> bool:
    return bool(
        page.evaluate(
            "() => [...document.querySelectorAll('.feedback-photos img')]"
            ".every((img) => img.complete && img.naturalWidth > 0)"
        )
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_pages_have_no_axe_violations(page, language, hall, answered):
    page.goto(f"/{language}/feedback/new/?space={hall.pk}")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    # Sent with nothing filled in and a pseudonym missing: the errors and their summary.
    page.locator("#id_identity_1").check()
    page.locator("form.feedback-form button[type=submit]").click()
    expect(page.locator("#feedback-errors")).to_be_visible()
    expect(page.locator(".errorlist").nth(1)).to_be_attached()
    assert_accessible(page)
    for path in (
        f"feedback/sent/{answered.tracking_token}/",
        f"feedback/track/{answered.tracking_token}/",
        "feedback/?municipality=oulu",
    ):
        page.goto(f"/{language}/{path}")
        expect(page.locator("h1"), path).to_have_count(1)
        assert photo_loaded(page), path
        assert_accessible(page)


def test_the_form_works_without_javascript(page_without_js, hall):
    page = page_without_js
    page.goto(f"/fi/feedback/new/?space={hall.pk}")
    # Without JavaScript every part of the form is there: pseudonym, contact details, place.
    for name in ("pseudonym", "contact_email", "address", "latitude", "longitude", "photos"):
        expect(page.locator(f"[name={name}]")).to_be_visible()
    page.locator("#id_identity_0").check()
    page.locator("#id_text").fill("Juhlasalin äänentoisto rahisee.")
    page.locator("#id_contact_email").fill("aino@example.fi")
    page.locator("#id_latitude").fill("65.0121")
    page.locator("#id_longitude").fill("25.4651")
    page.locator("form.feedback-form button[type=submit]").click()
    expect(page.locator("#tracking-link")).to_be_visible()
    feedback = Feedback.objects.get()
    assert feedback.identity == "named" and feedback.contact_email == "aino@example.fi"
    assert str(feedback.latitude) == "65.012100"


def test_the_map_sets_the_coordinates(page, settings, hall):
    settings.LAMPIO_MAP_TILE_URL = BLANK_TILE
    page.goto(f"/en/feedback/new/?space={hall.pk}")
    expect(page.locator("[data-feedback-map]")).to_be_visible()
    page.locator("[data-feedback-map]").click()
    expect(page.locator("#id_latitude")).not_to_have_value("")
    latitude = float(page.locator("#id_latitude").input_value())
    assert 50 < latitude < 80  # the map opens on Finland
    assert_accessible(page)


def test_an_anonymous_resident_reports_a_broken_projector_with_a_photo(page, hall, tmp_path: Path):
    photo = tmp_path / "projektori.jpg"
    photo.write_bytes(jpeg_bytes(gps=(65.0121, 25.4651)))
    page.goto(f"/fi/spaces/{hall.pk}/")
    page.locator(".feedback-link a").click()
    expect(page.locator(".feedback-subject")).to_contain_text("Juhlasali")
    # Anonymous is the default: the warning is there and the contact details are not asked.
    expect(page.locator("#anonymous-warning")).to_be_visible()
    expect(page.locator(".feedback-contact")).to_be_hidden()
    page.locator("#id_text").fill("Projektori ei käynnisty, lamppu vilkkuu punaisena.")
    expect(page.locator(".feedback-counter")).to_contain_text("4950")
    page.locator("#id_photos").set_input_files(str(photo))
    page.locator("form.feedback-form button[type=submit]").click()

    link = page.locator("#tracking-link").input_value()
    feedback = Feedback.objects.get()
    assert link.endswith(f"/fi/feedback/track/{feedback.tracking_token}/")
    assert str(feedback.pk) in page.locator(".lead").inner_text()
    assert feedback.space == hall and feedback.organisation == hall.venue.organisation
    assert feedback.identity == "anonymous" and feedback.latitude is None  # location not shared
    assert feedback.photos.count() == 1

    page.goto(link)
    expect(page.locator(".feedback-text")).to_contain_text("Projektori ei käynnisty")
    assert photo_loaded(page)
