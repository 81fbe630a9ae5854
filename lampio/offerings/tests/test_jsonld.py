"""schema.org Event JSON-LD built from offerings and their occurrences."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import translation

from lampio.offerings.jsonld import jsonld_script_content, occurrence_jsonld, offering_jsonld
from lampio.offerings.models import (
    Format,
    Occurrence,
    OccurrenceStatus,
    OfferingAudience,
    OfferingLanguage,
)
from lampio.spaces.models import Venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/fi/offerings/")


def events_of(offering, request):
    with translation.override("en"):
        return offering_jsonld(offering, offering.occurrences.order_by("starts_at"), request)


def test_an_on_site_free_event_has_place_offers_audience_and_capacity(make_offering, request_):
    offering = make_offering(capacity=10, age_min=3, age_max=6)
    offering.venue = Venue.objects.create(
        organisation=offering.organisation,
        slug="talo",
        name_fi="Kulttuuritalo",
        street_address="Kirkkokatu 1",
        postal_code="90100",
        post_office="Oulu",
        latitude=Decimal("65.012100"),
        longitude=Decimal("25.465100"),
    )
    offering.save()
    OfferingAudience.objects.create(offering=offering, audience="children")
    OfferingLanguage.objects.create(offering=offering, language="fi")
    OfferingLanguage.objects.create(offering=offering, language="fi-plain")
    OfferingLanguage.objects.create(offering=offering, language="sv")
    Occurrence.objects.filter(offering=offering).update(seats_taken=4)

    (event,) = events_of(offering, request_)

    occurrence = offering.occurrences.get()
    assert (
        event["@id"] == f"http://testserver/en/offerings/{offering.pk}/#occurrence-{occurrence.pk}"
    )
    assert event["name"] == "Clay workshop"
    assert event["startDate"].endswith(("+02:00", "+03:00"))
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"]["streetAddress"] == "Kirkkokatu 1"
    assert event["location"]["geo"]["latitude"] == pytest.approx(65.0121)
    assert event["isAccessibleForFree"] is True
    assert event["offers"]["price"] == "0.00"
    assert event["offers"]["availability"] == "https://schema.org/InStock"
    assert event["remainingAttendeeCapacity"] == 6
    assert event["maximumAttendeeCapacity"] == 10
    assert event["inLanguage"] == ["fi", "sv"]
    assert event["audience"] == {
        "@type": "PeopleAudience",
        "suggestedMinAge": 3,
        "suggestedMaxAge": 6,
        "audienceType": "Children",
    }


@pytest.mark.parametrize(
    ("status", "schema_status"),
    [
        (OccurrenceStatus.CANCELLED, "EventCancelled"),
        (OccurrenceStatus.POSTPONED, "EventPostponed"),
        (OccurrenceStatus.RESCHEDULED, "EventRescheduled"),
    ],
)
def test_statuses_map_to_schema_org(make_offering, request_, status, schema_status):
    offering = make_offering()
    offering.occurrences.update(status=status)

    (event,) = events_of(offering, request_)

    assert event["eventStatus"] == f"https://schema.org/{schema_status}"


def test_online_and_hybrid_events_have_a_virtual_location(make_offering, request_):
    stream = make_offering(
        format=Format.LIVE_STREAM, location="", online_url="https://stream.example.fi/x"
    )
    hybrid = make_offering(format=Format.HYBRID, online_url="https://stream.example.fi/y")
    moved = make_offering(online_url="https://stream.example.fi/z")
    moved.occurrences.update(status=OccurrenceStatus.MOVED_ONLINE)

    (online,) = events_of(stream, request_)
    (mixed,) = events_of(hybrid, request_)
    (moved_event,) = events_of(moved, request_)

    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    # The link goes to participants only; the public data points to the offering's page.
    assert online["location"] == {"@type": "VirtualLocation", "url": online["url"]}
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in mixed["location"]] == ["Place", "VirtualLocation"]
    assert moved_event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert moved_event["eventStatus"] == "https://schema.org/EventMovedOnline"


def test_a_recording_without_enrolment_shows_its_public_link(make_offering, request_):
    recording = make_offering(
        format=Format.RECORDING,
        online_url="https://video.example.fi/konsertti",
        allows_enrolment=False,
        allows_group_orders=False,
    )

    (event,) = events_of(recording, request_)

    assert event["location"]["url"] == "https://video.example.fi/konsertti"


def test_paid_full_occurrence_and_an_offering_on_request(make_offering, request_):
    paid = make_offering(is_free=False, price=Decimal("15"), capacity=2, price_info_en="Kids 5 €")
    Occurrence.objects.filter(offering=paid).update(seats_taken=2)
    on_request = make_offering(on_request=True, occurrences=0)

    (event,) = events_of(paid, request_)
    (requested,) = events_of(on_request, request_)

    assert "isAccessibleForFree" not in event
    assert event["offers"]["price"] == "15.00"
    assert event["offers"]["description"] == "Kids 5 €"
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"
    assert event["remainingAttendeeCapacity"] == 0
    assert "startDate" not in requested and "eventStatus" not in requested
    assert requested["@id"] == requested["url"]


def test_one_occurrence_and_without_a_request_urls_stay_relative(make_offering):
    offering = make_offering()
    occurrence = offering.occurrences.get()

    with translation.override("fi"):
        event = occurrence_jsonld(occurrence, None)

    assert event["url"] == f"/fi/offerings/{offering.pk}/"
    assert event["name"] == "Savipajan työpaja"


def test_script_content_cannot_close_the_script_element(make_offering, request_):
    offering = make_offering(title_en="</script><script>alert(1)</script> & more")

    content = jsonld_script_content(events_of(offering, request_))

    assert "</script>" not in content and "<" not in content and "&" not in content
    assert json.loads(content)[0]["name"] == "</script><script>alert(1)</script> & more"
