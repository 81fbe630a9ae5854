"""The iCalendar feeds of public offerings, per municipality and per provider."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from lampio.offerings.models import Occurrence, OccurrenceStatus, OfferingStatus

pytestmark = pytest.mark.django_db


def feed_url(municipality, organisation=None) -> str:
    if organisation is None:
        return reverse("offerings_municipality_feed", kwargs={"municipality": municipality.slug})
    return reverse(
        "offerings_provider_feed",
        kwargs={"municipality": municipality.slug, "organisation": organisation.slug},
    )


def events_of(response) -> dict[str, dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(occurrence: Occurrence) -> str:
    return f"occurrence-{occurrence.pk}@lampio"


def add_time(offering, starts_at, **fields) -> Occurrence:
    return Occurrence.objects.create(
        offering=offering,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        capacity=5,
        **fields,
    )


@pytest.fixture
def town(make_municipality, make_organisation, make_offering):
    """Two providers in one town, one elsewhere; times ahead, too far ahead, past, private and
    drafted."""
    town = make_municipality("kemi", "Kemi")
    museum, theatre = make_organisation(town), make_organisation(town)
    exhibition = make_offering(
        museum, occurrences=2, title_fi="Näyttelykierros", title_sv="Utställningsvisning"
    )
    first, cancelled = exhibition.occurrences.order_by("starts_at")
    Occurrence.objects.filter(pk=cancelled.pk).update(status=OccurrenceStatus.CANCELLED)
    play = make_offering(theatre, title_fi="Nukketeatteri")
    play_time = play.occurrences.get()
    now = timezone.now()
    hidden = [
        add_time(play, now + timedelta(days=200)),
        add_time(play, now - timedelta(days=2)),
        add_time(play, now + timedelta(days=3), is_public=False),
        make_offering(museum, status=OfferingStatus.DRAFT).occurrences.get(),
        make_offering().occurrences.get(),  # in another municipality
    ]
    return {
        "town": town,
        "museum": museum,
        "first": first,
        "cancelled": cancelled,
        "play": play_time,
        "hidden": hidden,
    }


def test_the_municipality_feed_lists_its_public_upcoming_times(client, town) -> None:
    response = client.get(feed_url(town["town"]))

    events = events_of(response)
    assert set(events) == {uid(town["first"]), uid(town["cancelled"]), uid(town["play"])}
    assert not {uid(occurrence) for occurrence in town["hidden"]} & set(events)
    assert str(events[uid(town["first"])]["SUMMARY"]) == "Näyttelykierros"
    assert str(events[uid(town["cancelled"])]["STATUS"]) == "CANCELLED"
    assert events[uid(town["first"])].decoded("DTSTART") == town["first"].starts_at
    calendar = Calendar.from_ical(response.content)
    assert "Kemi" in str(calendar["X-WR-CALNAME"])


def test_the_provider_feed_lists_one_providers_times(client, town) -> None:
    events = events_of(client.get(feed_url(town["town"], town["museum"])))

    assert set(events) == {uid(town["first"]), uid(town["cancelled"])}


def test_feeds_may_be_cached_for_a_while(client, town) -> None:
    response = client.get(feed_url(town["town"]))

    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=900" in cache_control
    assert client.head(feed_url(town["town"])).status_code == 200
    assert client.post(feed_url(town["town"])).status_code == 405


def test_the_language_can_be_chosen_in_the_address(client, town) -> None:
    events = events_of(client.get(feed_url(town["town"]), {"lang": "sv"}))

    assert str(events[uid(town["first"])]["SUMMARY"]) == "Utställningsvisning"
    assert client.get(feed_url(town["town"]), {"lang": "sv"})["Content-Language"] == "sv"


def test_unknown_places_and_providers_are_not_found(client, town, make_organisation) -> None:
    assert client.get("/feeds/offerings/nowhere.ics").status_code == 404
    assert client.get(f"/feeds/offerings/{town['town'].slug}/nobody.ics").status_code == 404
    elsewhere = make_organisation()  # exists, but in another municipality
    assert client.get(feed_url(town["town"], elsewhere)).status_code == 404
