"""The residents' feedback pages: giving feedback, the receipt, tracking, published feedback and
the private photos, each with who may see what."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from lampio.bookings.services import book_space
from lampio.core.timeranges import local_datetime
from lampio.feedback.models import EventKind, Feedback, FeedbackEvent, FeedbackState
from lampio.feedback.tests.conftest import jpeg_bytes
from lampio.offerings.models import Format
from lampio.spaces.models import Visibility
from lampio.tenancy.context_processors import SESSION_KEY
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


GIVE = "/en/feedback/new/"


def sent(text: str = "Projektori ei käynnisty.", **fields: Any) -> dict[str, Any]:
    data = {"category": "spaces", "text": text, "identity": "anonymous"}
    data.update(fields)
    return data


def photo_file(name: str = "kuva.jpg", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content or jpeg_bytes(), content_type="image/jpeg")


@pytest.fixture
def hall(city, make_organisation, make_space):
    """A space of the city's cultural centre (its own organisation, so routing shows)."""
    return make_space(organisation=make_organisation(municipality=city), name_en="Main hall")


@pytest.fixture
def booking_of(hall):
    def book(person: Any) -> Any:
        day = timezone.localdate() + timedelta(days=3)
        return book_space(
            actor=person,
            space=hall,
            starts_at=local_datetime(day, time(10)),
            ends_at=local_datetime(day, time(11)),
            purpose="Kuoro",
            attendees=3,
        )

    return book


# --- Giving feedback -------------------------------------------------------------------------


def test_the_form_names_its_subject_and_warns_about_anonymous_feedback(client, jurisdiction, hall):
    html = client.get(f"{GIVE}?space={hall.pk}").content.decode()
    assert "Feedback about:" in html and "Main hall, Kulttuuritalo" in html
    assert 'id="anonymous-warning"' in html
    assert "do not write about your health or other sensitive details" in html
    assert 'aria-describedby="anonymous-warning"' in html
    assert 'name="website"' in html and 'aria-hidden="true"' in html
    # The space's category is chosen first; the city's other categories are offered too.
    assert '<option value="spaces" selected>' in html and 'value="praise"' in html


def test_without_a_city_the_person_chooses_one(
    client, jurisdiction, make_municipality, make_organisation
):
    from lampio.feedback.services.setup import set_up_feedback

    other = make_municipality(slug="kemi", name="Kemi")
    set_up_feedback(
        municipality=other, fallback_organisation=make_organisation(other), open311_id="kemi.fi"
    )
    html = client.get(GIVE).content.decode()
    assert 'name="municipality"' in html and "Kemi" in html and "Oulu" in html
    assert 'name="text"' not in html
    assert 'name="text"' in client.get(f"{GIVE}?municipality=kemi").content.decode()
    session = client.session
    session[SESSION_KEY] = "oulu"
    session.save()
    html = client.get(GIVE).content.decode()
    assert 'name="text"' in html and '<option value="oulu" selected>' in html


def test_the_only_city_taking_feedback_is_the_default(client, jurisdiction):
    assert 'name="text"' in client.get(GIVE).content.decode()


def test_a_city_without_a_feedback_desk_says_so(client, make_organisation, make_space):
    space = make_space(organisation=make_organisation())
    response = client.get(f"{GIVE}?space={space.pk}")
    assert response.status_code == 200
    assert "does not take feedback through this service yet" in response.content.decode()


def test_subjects_the_person_may_not_see_are_not_found(
    client, jurisdiction, hall, city, make_organisation, make_space, make_user, booking_of
):
    hidden = make_space(
        organisation=make_organisation(municipality=city), visibility=Visibility.MEMBERS
    )
    assert client.get(f"{GIVE}?space={hidden.pk}").status_code == 404
    assert client.get(f"{GIVE}?space=abc").status_code == 404
    assert client.get(f"{GIVE}?venue=999999").status_code == 404
    booking = booking_of(make_user())
    assert client.get(f"{GIVE}?booking={booking.pk}").status_code == 404
    client.force_login(make_user())
    assert client.get(f"{GIVE}?booking={booking.pk}").status_code == 404
    assert client.post(f"{GIVE}?booking={booking.pk}", sent()).status_code == 404
    assert not Feedback.objects.exists()


def test_a_resident_gives_feedback_on_their_own_booking(
    client, jurisdiction, hall, resident, booking_of
):
    booking = booking_of(resident)
    client.force_login(resident)
    html = client.get(f"{GIVE}?booking={booking.pk}").content.decode()
    assert "Your booking: Main hall, Kulttuuritalo" in html
    assert 'value="Aino Asukas"' in html  # the contact details are filled in from the account
    response = client.post(
        f"{GIVE}?booking={booking.pk}",
        sent(identity="named", contact_name="Aino Asukas", contact_email=resident.email),
    )
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("feedback:receipt", feedback_token=feedback.tracking_token)
    assert feedback.booking == booking and feedback.author == resident
    assert feedback.organisation_id == hall.venue.organisation_id
    assert feedback.language == "en"


def test_offerings_and_times_are_subjects_too(
    client, jurisdiction, city, make_organisation, make_offering
):
    offering = make_offering(organisation=make_organisation(municipality=city))
    occurrence = offering.occurrences.get()
    assert "Clay workshop" in client.get(f"{GIVE}?offering={offering.pk}").content.decode()
    response = client.post(f"{GIVE}?occurrence={occurrence.pk}", sent(category="events"))
    assert response.status_code == 302
    assert Feedback.objects.get().occurrence == occurrence


def test_a_digital_session_suggests_the_digital_category(
    client, jurisdiction, city, make_organisation, make_offering
):
    offering = make_offering(
        organisation=make_organisation(municipality=city),
        format=Format.LIVE_STREAM,
        online_url="https://stream.example.fi/a.m3u8",
    )
    occurrence = offering.occurrences.get()
    html = client.get(f"{GIVE}?occurrence={occurrence.pk}").content.decode()
    assert '<option value="digital" selected>' in html


def test_anonymous_feedback_with_a_photo_leads_to_the_receipt(client, jurisdiction, hall):
    response = client.post(
        f"{GIVE}?space={hall.pk}", {**sent(), "photos": [photo_file(), photo_file("b.png")]}
    )
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert feedback.space == hall and feedback.identity == "anonymous"
    assert feedback.photos.count() == 2
    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert receipt["Cache-Control"] == "private, no-store"
    assert f"Reference number: <strong>{feedback.pk}</strong>" in html
    assert f'value="http://testserver/en/feedback/track/{feedback.tracking_token}/"' in html
    assert "we cannot answer you personally" in html
    assert "working days" in html


def test_the_bot_trap_stores_nothing(client, jurisdiction):
    response = client.post(GIVE, sent(website="http://spam.example"))
    assert response.status_code == 200
    assert "The form could not be sent. Please try again." in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_refused_photo_keeps_the_text_and_asks_for_the_photos_again(client, jurisdiction):
    text = "Lavan valot vilkkuvat koko esityksen ajan."
    not_a_photo = SimpleUploadedFile("x.jpg", b"GIF89a not really", content_type="image/jpeg")
    response = client.post(GIVE, {**sent(text), "photos": [not_a_photo]})
    html = response.content.decode()
    assert response.status_code == 200
    assert text in html
    assert "The file is not a JPEG, PNG or WebP image." in html
    assert "The photos were not sent. Choose them again before you send." in html
    assert 'href="#id_photos"' in html  # the error summary links to the field
    assert not Feedback.objects.exists()


def test_too_many_or_too_large_photos_are_refused_with_the_text_kept(client, jurisdiction):
    too_large = photo_file(content=jpeg_bytes() + b"\0" * (5 * 1024 * 1024))
    html = client.post(GIVE, {**sent("Iso kuva tulossa."), "photos": [too_large]}).content.decode()
    assert "The file is too large. Choose a photo of at most 5 MB." in html
    assert "Iso kuva tulossa." in html
    four = [photo_file(f"{n}.jpg") for n in range(4)]
    html = client.post(GIVE, {**sent("Neljä kuvaa."), "photos": four}).content.decode()
    assert "Attach at most 3 photos." in html and "Neljä kuvaa." in html
    assert not Feedback.objects.exists()


def test_every_other_error_also_keeps_what_was_typed(client, jurisdiction):
    html = client.post(
        GIVE, sent("Hyvä palvelu, kiitos!", identity="pseudonym", latitude="65.0")
    ).content.decode()
    assert "Hyvä palvelu, kiitos!" in html
    assert "Write the pseudonym you want to use." in html
    assert "Give both the latitude and the longitude, or leave both empty." in html
    assert 'aria-invalid="true"' in html


def test_posting_is_limited_per_account_and_per_address(client, jurisdiction, make_user):
    for _attempt in range(5):
        assert client.post(GIVE, sent()).status_code == 302
    limited = client.post(GIVE, sent("Kuudes viesti minuutissa."))
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "Too many attempts" in html and "Kuudes viesti minuutissa." in html
    assert Feedback.objects.count() == 5
    # Many accounts from one address: 20 sends an hour in all, whoever is logged in.
    for _attempt in range(14):
        client.force_login(make_user())
        assert client.post(GIVE, {}).status_code == 200  # counted, though empty
    client.force_login(make_user())
    assert client.post(GIVE, sent()).status_code == 429


def test_the_map_comes_only_with_a_tile_server(client, jurisdiction, settings):
    settings.LAMPIO_MAP_TILE_URL = ""
    html = client.get(GIVE).content.decode()
    assert "leaflet" not in html and 'name="latitude"' in html
    settings.LAMPIO_MAP_TILE_URL = "https://tiles.example.fi/{z}/{x}/{y}.png"
    html = client.get(GIVE).content.decode()
    assert "vendor/leaflet/leaflet.js" in html and "data-feedback-map" in html


# --- Tracking, publication and photos ----------------------------------------------------------


def test_tracking_shows_the_state_answers_and_no_internal_notes(client, make_feedback, city):
    feedback = make_feedback(text="Tuolit ovat rikki.")
    address = url("feedback:track", feedback_token=feedback.tracking_token)
    assert "No answer yet." in client.get(address).content.decode()
    answered = FeedbackState.objects.get(municipality=city, kind="answered")
    FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.NOTE, text="Sisäinen muistio")
    FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.REPLY, text="Korjattu, kiitos!")
    FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.STATE, state=answered)
    Feedback.objects.filter(pk=feedback.pk).update(state=answered, answered_at=timezone.now())
    response = client.get(address)
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert "Tuolit ovat rikki." in html and "Korjattu, kiitos!" in html
    assert "No answer yet." not in html
    assert f"Status changed: {answered.name}" in html
    assert "Sisäinen muistio" not in html
    assert client.get(url("feedback:track", feedback_token="wrong")).status_code == 404


def test_merged_feedback_says_so_without_revealing_the_other(client, make_feedback):
    original = make_feedback(text="Ovi on jumissa.")
    duplicate = make_feedback(text="Ovi jumittaa taas.")
    Feedback.objects.filter(pk=duplicate.pk).update(merged_into=original)
    FeedbackEvent.objects.create(feedback=duplicate, kind=EventKind.MERGED)
    html = client.get(
        url("feedback:track", feedback_token=duplicate.tracking_token)
    ).content.decode()
    assert "merged with another message" in html
    assert original.tracking_token not in html and "Ovi on jumissa." not in html


def test_published_feedback_is_listed_with_answers_and_filtered(client, make_feedback, city):
    public = make_feedback(text="Alkuperäinen teksti", wants_public=True)
    Feedback.objects.filter(pk=public.pk).update(is_published=True, public_text="Lyhennetty")
    FeedbackEvent.objects.create(feedback=public, kind=EventKind.REPLY, text="Vastaus julki")
    make_feedback(text="Ei julkinen viesti", wants_public=True)
    html = client.get(url("feedback:public"), {"municipality": "oulu"}).content.decode()
    assert "Lyhennetty" in html and "Vastaus julki" in html
    assert "Alkuperäinen teksti" not in html and "Ei julkinen viesti" not in html
    html = client.get(
        url("feedback:public"), {"municipality": "oulu", "category": "praise"}
    ).content.decode()
    assert "Lyhennetty" not in html and "Nothing has been published here yet." in html
    assert client.get(url("feedback:public"), {"page": "99"}).status_code == 200


def test_a_photo_is_shown_to_the_link_holder_and_the_answering_staff_only(
    client, make_feedback, desk, make_member, make_organisation, city
):
    feedback = make_feedback(photos=[jpeg_bytes()], wants_public=True)
    photo = feedback.photos.get()
    address = url("feedback:photo", feedback_photo_id=photo.pk)
    assert client.get(address).status_code == 404
    assert client.get(address, {"t": "not-the-token"}).status_code == 404
    response = client.get(address, {"t": feedback.tracking_token})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    client.force_login(make_member(make_organisation(municipality=city), role=Role.ADMIN))
    assert client.get(address).status_code == 404
    client.force_login(make_member(desk, role=Role.VIEWER))
    assert client.get(address).status_code == 200
    # Published without its photos: still private. Published with them: anyone, cacheable.
    client.logout()
    Feedback.objects.filter(pk=feedback.pk).update(is_published=True)
    assert client.get(address).status_code == 404
    Feedback.objects.filter(pk=feedback.pk).update(photos_public=True)
    response = client.get(address)
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")
    tracked = client.get(
        url("feedback:track", feedback_token=feedback.tracking_token)
    ).content.decode()
    assert f"{address}?t={feedback.tracking_token}" in tracked


def test_pages_link_to_the_feedback_form(
    client, jurisdiction, hall, resident, booking_of, make_offering, city
):
    assert (
        f"{GIVE}?venue={hall.venue_id}"
        in client.get(url("spaces:venue", venue_id=hall.venue_id)).content.decode()
    )
    assert (
        f"{GIVE}?space={hall.pk}"
        in client.get(url("spaces:space", space_id=hall.pk)).content.decode()
    )
    offering = make_offering(organisation=hall.venue.organisation)
    detail = client.get(url("offerings:detail", offering_id=offering.pk)).content.decode()
    assert f"{GIVE}?offering={offering.pk}" in detail
    booking = booking_of(resident)
    client.force_login(resident)
    page = client.get(url("bookings:detail", booking_id=booking.pk)).content.decode()
    assert f"{GIVE}?booking={booking.pk}" in page
    assert url("feedback:public") in client.get(GIVE).content.decode()
    assert f'href="{GIVE}"' in client.get("/en/").content.decode()


def test_feedback_about_a_space_is_not_tied_to_a_booking_when_sent_anonymously(
    client, jurisdiction, hall, resident, booking_of
):
    booking = booking_of(resident)
    client.force_login(resident)
    client.post(f"{GIVE}?booking={booking.pk}", sent())
    feedback = Feedback.objects.get()
    assert feedback.booking is None and feedback.space == hall and feedback.author is None
