"""Sending feedback: validation, cleaning, routing to the right organisation, photos."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image

from lampio.bookings.services import book_space
from lampio.core.errors import InvalidInput
from lampio.core.timeranges import LOCAL_ZONE, local_datetime
from lampio.feedback.models import EventKind, Feedback, Identity
from lampio.feedback.routing import Subject
from lampio.feedback.tests.conftest import jpeg_bytes

pytestmark = pytest.mark.django_db


def test_general_feedback_goes_to_the_desk_and_starts_in_the_initial_state(make_feedback, desk):
    feedback = make_feedback()
    assert feedback.organisation == desk
    assert feedback.state.is_initial and feedback.state.kind == "open"
    assert list(feedback.events.values_list("kind", flat=True)) == [EventKind.SUBMITTED]
    assert len(feedback.tracking_token) >= 20


def test_category_names_its_organisation(make_feedback, category, city, make_organisation):
    library = make_organisation(municipality=city)
    category.organisation = library
    category.save()
    assert make_feedback().organisation == library


def test_feedback_about_a_space_goes_to_its_owner(
    make_feedback, make_space, city, make_organisation
):
    owner = make_organisation(municipality=city)
    space = make_space(organisation=owner)
    assert make_feedback(subject=Subject(space=space)).organisation == owner


def test_inactive_owner_falls_back_to_the_category_then_the_desk(
    make_feedback, make_space, city, make_organisation, desk
):
    owner = make_organisation(municipality=city)
    owner.is_active = False
    owner.save()
    space = make_space(organisation=owner)
    assert make_feedback(subject=Subject(space=space)).organisation == desk


def test_markup_is_stripped_and_short_text_is_refused(make_feedback):
    feedback = make_feedback(text="<script>alert(1)</script><b>Ovi</b> jumittaa")
    assert feedback.text == "alert(1)Ovi jumittaa"
    with pytest.raises(InvalidInput) as refused:
        make_feedback(text="<p> </p>")
    assert refused.value.field == "text"


def test_anonymous_feedback_keeps_no_contact_even_if_given(make_feedback, resident):
    feedback = make_feedback(
        actor=resident,
        identity=Identity.ANONYMOUS,
        contact_email="aino@example.fi",
        wants_contact=True,
    )
    assert feedback.author is None
    assert feedback.contact_email == ""
    assert not feedback.wants_contact
    assert mail.outbox == []


def test_named_feedback_sends_a_receipt_with_the_tracking_link(
    make_feedback, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback = make_feedback(actor=resident, identity=Identity.NAMED, wants_contact=True)
    assert feedback.author == resident
    assert feedback.contact_email == resident.email
    assert len(mail.outbox) == 1
    assert feedback.tracking_token in mail.outbox[0].body


def test_contact_wish_needs_a_way_to_reach(make_feedback):
    with pytest.raises(InvalidInput) as refused:
        make_feedback(identity=Identity.NAMED, wants_contact=True)
    assert refused.value.field == "contact_email"


def test_anonymous_feedback_on_a_booking_is_about_its_space(make_feedback, make_space, resident):
    space = make_space()
    day = timezone.localdate() + timedelta(days=2)
    booking = book_space(
        actor=resident,
        space=space,
        starts_at=local_datetime(day, time(10)),
        ends_at=local_datetime(day, time(11)),
        purpose="Kokous",
        attendees=5,
    )
    anonymous = make_feedback(actor=resident, subject=Subject(booking=booking))
    assert anonymous.booking is None and anonymous.space == space
    named = make_feedback(actor=resident, identity=Identity.NAMED, subject=Subject(booking=booking))
    assert named.booking == booking


def test_due_date_counts_working_days_without_public_holidays(make_feedback, category):
    # Sent on Wednesday 23 December 2026: 24–26 Dec are holidays, then a weekend.
    sent = datetime(2026, 12, 23, 10, tzinfo=LOCAL_ZONE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: sent)
        feedback = make_feedback()
    # 5 working days: 28, 29, 30, 31 Dec and 2 Jan? 1 Jan and 6 Jan are holidays; 2–3 Jan 2027
    # are a weekend, so the fifth working day is Monday 4 January 2027.
    assert feedback.due_at.astimezone(LOCAL_ZONE).date().isoformat() == "2027-01-05"


def test_photos_are_stored_without_exif_and_the_location_only_when_shared(make_feedback):
    original = jpeg_bytes(gps=(65.0121, 25.4651))
    feedback = make_feedback(photos=[original])
    assert feedback.latitude is None
    with Image.open(feedback.photos.get().image.open("rb")) as stored:
        assert not stored.getexif().get_ifd(0x8825)
    shared = make_feedback(photos=[original], share_photo_location=True)
    assert shared.latitude == Decimal("65.012100")
    assert shared.longitude == Decimal("25.465100")
    with Image.open(shared.photos.get().image.open("rb")) as stored:
        assert not stored.getexif().get_ifd(0x8825)


def test_a_file_that_is_no_photo_is_refused_and_nothing_is_stored(make_feedback):
    with pytest.raises(InvalidInput) as refused:
        make_feedback(photos=[b"MZ\x90\x00 not an image"])
    assert refused.value.field == "photos"
    assert Feedback.objects.count() == 0


def test_at_most_three_photos(make_feedback):
    with pytest.raises(InvalidInput) as refused:
        make_feedback(photos=[jpeg_bytes()] * 4)
    assert refused.value.field == "photos"
