"""Resident series pages: the form keeps what was typed, collisions and skipping, the series
page, cancelling a date or the rest, and the links to it."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lampio.bookings import series_services, services
from lampio.bookings.models import BookingSeries, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod, OpeningException

pytestmark = pytest.mark.django_db


def next_weekday(iso_weekday: int, weeks_ahead: int = 1) -> date:
    today = timezone.localdate()
    return today + timedelta(days=(iso_weekday - today.isoweekday()) % 7 + 7 * weeks_ahead)


FIRST = next_weekday(3)  # a Wednesday at least a week ahead
LAST = FIRST + timedelta(weeks=3)


def form_data(**changes):
    data = {
        "weekdays": ["3"],
        "interval_weeks": "1",
        "first_date": FIRST.isoformat(),
        "last_date": LAST.isoformat(),
        "starts_time": "18:00",
        "ends_time": "20:00",
        "purpose": "Kuoroharjoitus",
        "attendees": "12",
        "skip_dates": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def space(make_space):
    return make_space(allows_recurring=True, access_method=AccessMethod.CODE, door_id="main")


@pytest.fixture
def logged_in(client, resident):
    client.force_login(resident)
    return client


def new_url(space) -> str:
    return reverse("series:new", kwargs={"space_id": space.pk})


def test_the_form_has_the_pattern_fields_with_a_fieldset_for_weekdays(logged_in, space):
    response = logged_in.get(new_url(space))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<fieldset" in html and "<legend" in html
    for name in ("weekdays", "interval_weeks", "first_date", "last_date", "skip_dates"):
        assert f'name="{name}"' in html


def test_the_form_needs_login_and_a_space_that_allows_series(client, logged_in, make_space):
    assert logged_in.get(new_url(make_space(allows_recurring=False))).status_code == 404
    client.logout()
    assert client.get(new_url(make_space(allows_recurring=True))).status_code == 302


def test_errors_keep_everything_typed(logged_in, space):
    response = logged_in.post(
        new_url(space), form_data(weekdays=[], skip_dates="24.12.2099\nhuomenna")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "huomenna" in html  # the unreadable date is named and kept
    assert 'value="Kuoroharjoitus"' in html
    assert f'value="{FIRST.isoformat()}"' in html
    assert not BookingSeries.objects.exists()


def test_a_collision_lists_the_dates_and_keeps_the_form(logged_in, space, make_user):
    second = FIRST + timedelta(weeks=1)
    OpeningException.objects.create(space=space, date=second, is_closed=True)
    response = logged_in.post(new_url(space), form_data())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="skip_collisions"' in html
    assert response.context["collisions"] == [(second, "closed")]
    assert 'value="Kuoroharjoitus"' in html
    assert not BookingSeries.objects.exists()


def test_skip_these_dates_books_the_rest(logged_in, space, resident, make_user):
    taken = FIRST + timedelta(weeks=2)
    services.book_space(
        actor=make_user(),
        space=space,
        starts_at=local_datetime(taken, time(19)),
        ends_at=local_datetime(taken, time(20)),
        purpose="Sähly",
        attendees=4,
    )
    response = logged_in.post(new_url(space), form_data(skip_collisions="1"))
    made = BookingSeries.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("series:detail", kwargs={"series_pk": made.pk})
    assert made.booker == resident and made.occurrences.count() == 3
    assert made.skipped_dates == [{"date": taken.isoformat(), "reason": "taken"}]
    page = logged_in.get(response["Location"])
    html = page.content.decode()
    assert made.access_code in html
    assert page.context["skipped"] == [(taken, "taken")]


def series_of(resident, space) -> BookingSeries:
    return series_services.create_series(
        actor=resident,
        space=space,
        weekdays=[3],
        interval_weeks=1,
        first_date=FIRST,
        last_date=LAST,
        starts_time=time(18),
        ends_time=time(20),
        purpose="Kuoroharjoitus",
        attendees=12,
    )


def test_others_do_not_find_the_series(client, space, resident, make_user):
    made = series_of(resident, space)
    client.force_login(make_user())
    assert client.get(reverse("series:detail", kwargs={"series_pk": made.pk})).status_code == 404
    cancel = reverse("series:cancel_rest", kwargs={"series_pk": made.pk})
    assert client.post(cancel).status_code == 404
    assert made.occurrences.filter(status=BookingStatus.CONFIRMED).count() == 4


def test_cancel_one_date_then_the_rest(logged_in, space, resident):
    made = series_of(resident, space)
    first = made.occurrences.order_by("starts_at").first()
    url = reverse(
        "series:cancel_occurrence", kwargs={"series_pk": made.pk, "series_date_id": first.pk}
    )
    assert logged_in.post(url).status_code == 302
    first.refresh_from_db()
    assert first.status == BookingStatus.CANCELLED
    from_date = (FIRST + timedelta(weeks=2)).isoformat()
    cancel = reverse("series:cancel_rest", kwargs={"series_pk": made.pk})
    response = logged_in.post(cancel, {"from_date": from_date}, follow=True)
    assert made.occurrences.filter(status=BookingStatus.CONFIRMED).count() == 1
    assert "2" in str(list(response.context["messages"])[-1])


def test_my_bookings_and_the_occurrence_link_to_the_series(logged_in, space, resident):
    made = series_of(resident, space)
    detail = reverse("series:detail", kwargs={"series_pk": made.pk})
    assert detail in logged_in.get(reverse("bookings:mine")).content.decode()
    occurrence = made.occurrences.first()
    page = logged_in.get(reverse("bookings:detail", kwargs={"booking_id": occurrence.pk}))
    assert detail in page.content.decode()


def test_the_space_page_links_to_the_form_only_where_series_are_allowed(
    logged_in, space, make_space
):
    page = logged_in.get(reverse("spaces:space", kwargs={"space_id": space.pk}))
    assert new_url(space) in page.content.decode()
    other = make_space(allows_recurring=False)
    page = logged_in.get(reverse("spaces:space", kwargs={"space_id": other.pk}))
    assert "/bookings/series/new/" not in page.content.decode()


def test_the_form_is_rate_limited(logged_in, space):
    statuses = [logged_in.post(new_url(space), {}).status_code for _ in range(21)]
    assert statuses[:20] == [200] * 20 and statuses[20] == 429
