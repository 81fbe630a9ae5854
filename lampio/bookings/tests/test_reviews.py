"""Quick feedback after a booking: giving it once, its pages, and the staff's list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from lampio.bookings.models import Booking, BookingReview, BookingStatus
from lampio.bookings.review_services import AlreadyReviewed, NotEndedYet, give_review
from lampio.core.errors import InvalidInput, NotFound
from lampio.tenancy.models import Role

NOW = timezone.now().replace(microsecond=0)


def booking(space, person, *, ends_in: timedelta, status=BookingStatus.CONFIRMED) -> Booking:
    ends = NOW + ends_in
    starts = ends - timedelta(hours=2)
    return Booking.objects.create(
        space=space,
        booker=person,
        status=status,
        starts_at=starts,
        ends_at=ends,
        blocked_from=starts,
        blocked_until=ends,
        purpose="Kuoroharjoitus",
    )


@pytest.fixture
def space(make_space):
    return make_space(name_en="Gym hall")


@pytest.fixture
def ended(space, resident):
    return booking(space, resident, ends_in=timedelta(hours=-1))


def test_give_review_once(ended):
    review = give_review(booking=ended, rating=4, comment="  Hyvä sali. ", now=NOW)
    assert (review.rating, review.comment) == (4, "Hyvä sali.")
    with pytest.raises(AlreadyReviewed):
        give_review(booking=ended, rating=5, comment="", now=NOW)
    assert BookingReview.objects.count() == 1


def test_review_refused_before_the_end_out_of_range_or_for_a_cancelled_booking(space, resident):
    upcoming = booking(space, resident, ends_in=timedelta(hours=1))
    with pytest.raises(NotEndedYet):
        give_review(booking=upcoming, rating=4, comment="", now=NOW)
    ended = booking(space, resident, ends_in=timedelta(hours=-5))
    with pytest.raises(InvalidInput):
        give_review(booking=ended, rating=6, comment="", now=NOW)
    cancelled = booking(
        space, resident, ends_in=timedelta(hours=-9), status=BookingStatus.CANCELLED
    )
    with pytest.raises(NotFound):
        give_review(booking=cancelled, rating=4, comment="", now=NOW)


def test_form_page_and_thanks(client, ended):
    url = f"/en/bookings/feedback/{ended.feed_token}/"
    page = client.get(url).content.decode()
    assert "<fieldset" in page and "<legend" in page and 'type="radio"' in page
    answer = client.post(url, {"rating": "5", "comment": "Kiitos!"})
    assert answer.status_code == 302
    assert answer["Location"] == f"/en/bookings/feedback/{ended.feed_token}/thanks/"
    assert "Thank you for your feedback" in client.get(answer["Location"]).content.decode()
    assert BookingReview.objects.get(booking=ended).rating == 5


def test_second_answer_and_missing_grade_are_explained(client, ended):
    url = f"/en/bookings/feedback/{ended.feed_token}/"
    missing = client.post(url, {"comment": "Unohdin arvosanan"})
    assert missing.status_code == 200
    assert "Choose a grade from 1 to 5." in missing.content.decode()
    assert "Unohdin arvosanan" in missing.content.decode()
    client.post(url, {"rating": "3"})
    again = client.post(url, {"rating": "1", "comment": "Toinen kerta"})
    text = again.content.decode()
    assert again.status_code == 200
    assert "Feedback on this booking has already been given." in text
    assert "Toinen kerta" in text  # the form comes back as typed
    assert "has already been given" in client.get(url).content.decode()
    assert BookingReview.objects.get().rating == 3


def test_page_before_the_end_and_unknown_link(client, space, resident):
    upcoming = booking(space, resident, ends_in=timedelta(hours=1))
    page = client.get(f"/en/bookings/feedback/{upcoming.feed_token}/").content.decode()
    assert "once the booking has ended" in page
    assert 'type="radio"' not in page
    unknown = "/en/bookings/feedback/00000000-0000-4000-8000-000000000000/"
    assert client.get(unknown).status_code == 404


def test_review_posts_are_rate_limited(client, ended):
    url = f"/en/bookings/feedback/{ended.feed_token}/"
    codes = [client.post(url, {"rating": "9"}).status_code for _attempt in range(12)]
    assert codes[-1] == 429


@pytest.fixture
def staff(settings, make_member, space):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_member(space.venue.organisation, role=Role.ADMIN)


def staff_url(space) -> str:
    organisation = space.venue.organisation
    return f"/en/staff/{organisation.municipality.slug}/{organisation.slug}/bookings/feedback/"


def test_staff_list_shows_grades_comments_and_averages_but_no_names(
    client, staff, space, resident, make_space
):
    for grade, comment in ((5, "Loistava"), (2, "Kylmä sali")):
        give_review(
            booking=booking(space, resident, ends_in=timedelta(hours=-grade)),
            rating=grade,
            comment=comment,
            now=NOW,
        )
    other = make_space(space.venue.organisation, name_en="Music room")
    give_review(
        booking=booking(other, resident, ends_in=timedelta(hours=-1)),
        rating=4,
        comment="Ok",
        now=NOW,
    )
    client.force_login(staff)
    text = client.get(staff_url(space)).content.decode()
    assert "Loistava" in text and "Kylmä sali" in text and "Ok" in text
    assert "3.5" in text  # the gym's average
    assert resident.first_name not in text and resident.email not in text
    filtered = client.get(staff_url(space), {"space": other.pk}).content.decode()
    assert "Ok</td>" in filtered.replace("\n", "") or "Ok" in filtered
    assert "Loistava" not in filtered


def test_staff_of_another_organisation_get_404(
    client, settings, make_member, make_organisation, space
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    assert client.get(staff_url(space)).status_code == 404
