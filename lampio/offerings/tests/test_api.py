"""The public reads of the offerings API: search, one offering, its JSON-LD, and occurrences."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lampio.core.timeranges import local_datetime
from lampio.offerings.keywords import load_keywords
from lampio.offerings.models import (
    Audience,
    Format,
    Keyword,
    Occurrence,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

OFFERINGS, OCCURRENCES = "/api/v1/offerings", "/api/v1/occurrences"
PROBLEM = "application/problem+json"
WINTER = local_datetime(date(2030, 1, 16), time(18))  # Helsinki at +02:00
SUMMER = local_datetime(date(2030, 6, 12), time(18))  # Helsinki at +03:00
OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00$")


def add_time(offering, starts_at, capacity=20, **fields) -> Occurrence:
    return Occurrence.objects.create(
        offering=offering,
        starts_at=starts_at,
        ends_at=starts_at.replace(hour=starts_at.hour + 2),
        capacity=capacity,
        **fields,
    )


def describe(offering, keywords=(), audiences=(), languages=()) -> None:
    offering.keywords.set(Keyword.objects.filter(key__in=keywords))
    for audience in audiences:
        OfferingAudience.objects.create(offering=offering, audience=audience)
    for language in languages:
        OfferingLanguage.objects.create(offering=offering, language=language)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def catalogue(make_offering, make_organisation, make_municipality):
    """A free choir concert in Oulu in winter, a paid film stream in Tampere in summer, and a
    draft; each with one time."""
    load_keywords()
    oulu, tampere = make_municipality("oulu"), make_municipality("tampere")
    concert = make_offering(
        make_organisation(oulu), occurrences=0, title_fi="Kuorokonsertti", title_en="Choir concert"
    )
    describe(concert, ["choirs", "music"], [Audience.OLDER_PEOPLE], ["fi", "sv"])
    add_time(concert, WINTER)
    stream = make_offering(
        make_organisation(tampere),
        occurrences=0,
        title_fi="Elokuvailta verkossa",
        format=Format.LIVE_STREAM,
        online_url="https://stream.example.fi/elokuva",
        is_free=False,
        price="8.00",
    )
    describe(stream, ["film"], [Audience.CHILDREN], ["fi"])
    add_time(stream, SUMMER)
    draft = make_offering(make_organisation(oulu), occurrences=0, status=OfferingStatus.DRAFT)
    add_time(draft, WINTER)
    return {"concert": concert, "stream": stream, "draft": draft}


def test_the_search_lists_published_offerings_in_a_stable_shape(client, catalogue) -> None:
    response = client.get(OFFERINGS, {"municipality": "oulu"})

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["next"], body["previous"]) == (1, None, None)
    item = body["results"][0]
    concert = catalogue["concert"]
    assert set(item) == {
        "id", "title", "short_description", "url", "provider", "municipality", "format",
        "on_request", "is_free", "price", "price_basis", "keywords", "audiences", "languages",
        "age_min", "age_max", "next_start",
    }  # fmt: skip
    assert item["id"] == concert.pk and item["title"] == "Kuorokonsertti"
    assert item["url"] == f"http://testserver/fi/offerings/{concert.pk}/"
    assert item["provider"] == {
        "id": concert.organisation_id,
        "name": concert.organisation.name,
        "slug": concert.organisation.slug,
        "municipality": "oulu",
    }
    assert {keyword["key"] for keyword in item["keywords"]} == {"choirs", "music"}
    assert (item["audiences"], sorted(item["languages"])) == (["older_people"], ["fi", "sv"])
    assert item["next_start"] == "2030-01-16T18:00:00+02:00"
    assert (item["is_free"], item["price"], item["format"]) == (True, None, "on_site")


def test_texts_follow_the_requested_language(client, catalogue) -> None:
    response = client.get(OFFERINGS, {"municipality": "oulu"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["results"][0]["title"] == "Choir concert"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"municipality": "tampere"}, ["stream"]),
        ({"keyword": "music"}, ["concert"]),
        ({"audience": "children"}, ["stream"]),
        ({"format": "live_stream"}, ["stream"]),
        ({"online": "false"}, ["concert"]),
        ({"language": "sv"}, ["concert"]),
        ({"free": "true"}, ["concert"]),
        ({"free": "false"}, ["stream"]),
        ({"q": "elokuva"}, ["stream"]),
        ({"start": "2030-05-01T00:00:00+03:00"}, ["stream"]),
        ({"end": "2030-05-01T00:00:00+03:00"}, ["concert"]),
        ({"keyword": "music", "free": "false"}, []),
        (
            {"start": "", "end": "", "municipality": "", "audience": "", "free": ""},
            ["concert", "stream"],
        ),
    ],
)
def test_the_search_filters(client, catalogue, filters, expected) -> None:
    wanted = [catalogue[name].pk for name in expected]

    assert ids(client.get(OFFERINGS, filters)) == wanted
    found = [item["offering_id"] for item in client.get(OCCURRENCES, filters).json()["results"]]
    assert found == wanted


def test_the_search_is_paginated(client, make_offering) -> None:
    for _ in range(5):
        make_offering()

    first = client.get(OFFERINGS, {"page_size": 2}).json()
    last = client.get(OFFERINGS, {"page_size": 2, "page": 3}).json()

    assert (first["count"], len(first["results"]), first["previous"]) == (5, 2, None)
    assert "page=2" in first["next"] and "page_size=2" in first["next"]
    assert (len(last["results"]), last["next"]) == (1, None)
    assert "page=2" in last["previous"]
    assert client.get(OFFERINGS, {"page_size": 101}).status_code == 400


def test_a_page_costs_the_same_queries_for_two_or_many_offerings(
    client, catalogue, make_offering
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(OFFERINGS).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(6):
        describe(make_offering(), ["music", "film"], [Audience.ADULTS], ["en"])

    assert queries() == few


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"start": "2030-05-01T00:00:00"}, "start"),
        ({"start": "2030-05-01T00:00:00+03:00", "end": "2030-04-01T00:00:00+03:00"}, "end"),
    ],
)
def test_times_without_an_offset_or_backwards_are_refused(client, filters, field) -> None:
    for url in (OFFERINGS, OCCURRENCES):
        response = client.get(url, filters)
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM
        assert response.json()["field"] == field
    assert client.get(OFFERINGS, {"audience": "aliens"}).status_code == 400


def test_one_offering_comes_with_its_times_and_json_ld(client, catalogue) -> None:
    concert = catalogue["concert"]
    later = add_time(concert, SUMMER, capacity=5, seats_taken=2)

    response = client.get(f"{OFFERINGS}/{concert.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == concert.pk and body["next_start"] == "2030-01-16T18:00:00+02:00"
    assert {"description", "venue", "location", "images", "allows_enrolment", "jsonld"} <= set(body)
    assert [time["starts_at"] for time in body["occurrences"]] == [
        "2030-01-16T18:00:00+02:00",
        "2030-06-12T18:00:00+03:00",
    ]
    assert body["occurrences"][1]["id"] == later.pk and body["occurrences"][1]["seats_left"] == 3
    assert [event["@type"] for event in body["jsonld"]] == ["Event", "Event"]
    assert body["jsonld"][1]["startDate"] == "2030-06-12T18:00:00+03:00"


def test_the_online_link_waits_for_enrolment(client, catalogue) -> None:
    stream = catalogue["stream"]
    assert client.get(f"{OFFERINGS}/{stream.pk}").json()["online_url"] == ""

    stream.allows_enrolment = stream.allows_group_orders = False
    stream.save()

    assert client.get(f"{OFFERINGS}/{stream.pk}").json()["online_url"] == stream.online_url


def test_a_draft_is_found_only_by_its_providers_staff(client, catalogue, make_member) -> None:
    draft = catalogue["draft"]
    assert client.get(f"{OFFERINGS}/{draft.pk}").status_code == 404
    assert client.get(f"{OFFERINGS}/{draft.pk}/jsonld").status_code == 404
    assert client.get(f"{OFFERINGS}/999999").status_code == 404

    client.force_login(make_member(draft.organisation, role=Role.STAFF))

    assert client.get(f"{OFFERINGS}/{draft.pk}").status_code == 200
    assert draft.pk not in ids(client.get(OFFERINGS))


def test_json_ld_is_served_as_json_ld(client, catalogue) -> None:
    concert = catalogue["concert"]

    response = client.get(f"{OFFERINGS}/{concert.pk}/jsonld")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    events = response.json()
    assert events[0]["@context"] == "https://schema.org" and events[0]["name"] == "Kuorokonsertti"
    assert events[0]["startDate"] == "2030-01-16T18:00:00+02:00"


def test_occurrences_list_times_with_their_offset_and_seats(client, catalogue) -> None:
    Occurrence.objects.filter(offering=catalogue["concert"]).update(seats_taken=5)
    add_time(catalogue["concert"], SUMMER, is_public=False)  # made for one group order

    body = client.get(OCCURRENCES, {"start": "2030-01-01T00:00:00+02:00"}).json()

    assert body["count"] == 2
    winter, summer = body["results"]
    assert set(winter) == {
        "id", "offering_id", "title", "municipality", "starts_at", "ends_at", "status",
        "capacity", "seats_left", "enrolment_opens_at", "enrolment_closes_at", "notice",
    }  # fmt: skip
    assert (winter["offering_id"], winter["title"], winter["municipality"]) == (
        catalogue["concert"].pk,
        "Kuorokonsertti",
        "oulu",
    )
    assert (winter["starts_at"], winter["ends_at"]) == (
        "2030-01-16T18:00:00+02:00",
        "2030-01-16T20:00:00+02:00",
    )
    assert OFFSET.match(summer["starts_at"]) and summer["starts_at"].endswith("+03:00")
    assert (winter["status"], winter["capacity"], winter["seats_left"]) == ("scheduled", 20, 15)


def test_a_long_occurrence_that_began_earlier_is_still_found(client, catalogue) -> None:
    """The search bounds the start by the longest stored occurrence (read in SQL written for
    each database): an exhibition of a month that opened a week before is still running."""
    exhibition = Occurrence.objects.create(
        offering=catalogue["concert"],
        starts_at=WINTER - timedelta(days=7),
        ends_at=WINTER + timedelta(days=23),
        capacity=50,
    )
    Occurrence.objects.create(  # over before the search starts
        offering=catalogue["concert"],
        starts_at=WINTER - timedelta(days=3),
        ends_at=WINTER - timedelta(days=2),
        capacity=50,
    )

    found = ids(client.get(OCCURRENCES, {"start": WINTER.isoformat(), "municipality": "oulu"}))

    assert found == [exhibition.pk, catalogue["concert"].occurrences.get(starts_at=WINTER).pk]


def test_the_search_works_before_any_time_is_stored(client) -> None:
    assert ids(client.get(OCCURRENCES)) == []


def test_one_occurrence_is_public_or_not_found(client, catalogue) -> None:
    occurrence = catalogue["concert"].occurrences.get()
    private = add_time(catalogue["concert"], SUMMER, is_public=False)

    response = client.get(f"{OCCURRENCES}/{occurrence.pk}")

    assert response.status_code == 200 and response.json()["id"] == occurrence.pk
    for hidden in (private, catalogue["draft"].occurrences.get()):
        missing = client.get(f"{OCCURRENCES}/{hidden.pk}")
        assert missing.status_code == 404 and missing["Content-Type"] == PROBLEM


def test_occurrences_follow_the_requested_language_with_finnish_fallback(client, catalogue) -> None:
    Occurrence.objects.filter(offering=catalogue["concert"]).update(
        notice_fi="Sali vaihtuu", notice_sv="Salen byts", notice_en=""
    )
    Offering.objects.filter(pk=catalogue["concert"].pk).update(title_sv="")

    def concert_in(language: str) -> dict:
        found = client.get(OCCURRENCES, HTTP_ACCEPT_LANGUAGE=language).json()["results"]
        return next(item for item in found if item["offering_id"] == catalogue["concert"].pk)

    english, swedish = concert_in("en"), concert_in("sv")
    assert (english["title"], english["notice"]) == ("Choir concert", "Sali vaihtuu")
    assert (swedish["title"], swedish["notice"]) == ("Kuorokonsertti", "Salen byts")
    # No closing time of its own: enrolment closes when the time starts.
    assert english["enrolment_closes_at"] == english["starts_at"]
