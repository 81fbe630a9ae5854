"""The public pages: the offering search as a list and a calendar, and an offering's page."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.core.timeranges import LOCAL_ZONE
from lampio.offerings.models import (
    Format,
    Keyword,
    Occurrence,
    OccurrenceStatus,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.tenancy.context_processors import SESSION_KEY
from lampio.tenancy.models import OrganisationKind

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def titles(response):
    """The results' titles as the English page shows them: English, else Finnish."""
    return [row["title_en"] or row["title_fi"] for row in response.context["page_obj"].object_list]


@pytest.fixture
def city(make_municipality):
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def other_city(make_municipality):
    return make_municipality(slug="kuopio", name="Kuopio")


@pytest.fixture
def catalogue(make_offering, make_organisation, city, other_city):
    """Five offerings that differ in one way each from the plain clay workshop."""
    oulu, kuopio = make_organisation(municipality=city), make_organisation(municipality=other_city)
    music = Keyword.objects.create(key="test-chamber-music", name_fi="Kamarimusiikki")
    concert = make_offering(
        organisation=oulu,
        title_fi="Konsertti",
        title_en="Concert",
        is_free=False,
        price=Decimal("12.50"),
    )
    concert.keywords.add(music)
    OfferingLanguage.objects.create(offering=concert, language="sv")
    stream = make_offering(
        organisation=oulu, title_fi="Striimi", title_en="Stream", format=Format.LIVE_STREAM
    )
    OfferingAudience.objects.create(offering=stream, audience="older_people")
    accessible = make_offering(
        organisation=kuopio,
        title_fi="Esteetön kierros",
        title_en="Accessible tour",
        accessibility_fi="Pyörätuolilla pääsee kaikkialle.",
    )
    later = make_offering(
        organisation=kuopio, title_fi="Myöhemmin", title_en="Later", occurrences=0
    )
    start = timezone.now() + timedelta(days=60)
    Occurrence.objects.create(
        offering=later, starts_at=start, ends_at=start + timedelta(hours=1), capacity=5
    )
    make_offering(organisation=oulu, title_fi="Luonnos", status=OfferingStatus.DRAFT)
    make_offering(organisation=oulu, title_fi="Menneet", occurrences=0)
    return {"concert": concert, "stream": stream, "accessible": accessible, "later": later}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Concert", "Stream", "Accessible tour", "Later"}),
        ({"municipality": "kuopio"}, {"Accessible tour", "Later"}),
        ({"q": "konsertti"}, {"Concert"}),
        ({"keyword": "test-chamber-music"}, {"Concert"}),
        ({"audience": "older_people"}, {"Stream"}),
        ({"format": "online"}, {"Stream"}),
        ({"format": "on_site", "price": "free"}, {"Accessible tour", "Later"}),
        ({"language": "sv"}, {"Concert"}),
        ({"price": "paid"}, {"Concert"}),
        ({"accessible": "on"}, {"Accessible tour"}),
    ],
)
def test_the_list_filters_published_upcoming_offerings(client, catalogue, query, expected):
    response = client.get(url("offerings:list"), query)

    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_the_date_range_uses_local_days(client, catalogue):
    day = (timezone.now() + timedelta(days=60)).astimezone(LOCAL_ZONE).date()

    response = client.get(url("offerings:list"), {"date_from": day, "date_to": day})

    assert titles(response) == ["Later"]


def test_a_reversed_date_range_is_an_error_next_to_the_field(client, catalogue):
    response = client.get(
        url("offerings:list"), {"date_from": "2031-02-01", "date_to": "2031-01-01"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_date_to_error"' in html
    assert 'value="2031-02-01"' in html
    assert titles(response) == []


def test_the_chosen_city_is_the_default_filter(client, catalogue):
    session = client.session
    session[SESSION_KEY] = "kuopio"
    session.save()

    response = client.get(url("offerings:list"))

    assert set(titles(response)) == {"Accessible tour", "Later"}


def test_the_list_is_paginated(client, make_offering, make_organisation):
    organisation = make_organisation()
    for number in range(23):
        make_offering(organisation=organisation, title_fi=f"Paja {number:02}")

    first = client.get(url("offerings:list"))
    second = client.get(url("offerings:list"), {"page": 2})

    assert len(first.context["page_obj"].object_list) == 20
    assert len(second.context["page_obj"].object_list) == 3
    assert 'rel="next"' in first.content.decode()


def test_an_exhibition_that_opened_before_the_dates_is_found_while_it_runs(client, make_offering):
    """The search bounds the times' start by the longest stored one, so the index skips the
    past; a month-long exhibition that opened a week before the dates still runs in them."""
    opened = timezone.now() + timedelta(days=30)
    exhibition = make_offering(title_en="Exhibition", occurrences=0)
    Occurrence.objects.create(
        offering=exhibition, starts_at=opened, ends_at=opened + timedelta(days=30), capacity=99
    )
    over = make_offering(title_en="Over before", occurrences=0)
    Occurrence.objects.create(
        offering=over,
        starts_at=opened,
        ends_at=opened + timedelta(days=2),
        capacity=9,
    )
    day = (opened + timedelta(days=7)).astimezone(LOCAL_ZONE).date()

    response = client.get(url("offerings:list"), {"date_from": day, "date_to": day})

    assert titles(response) == ["Exhibition"]
    assert response.context["page_obj"].object_list[0]["next_start"] == opened


def test_the_calendar_groups_a_week_by_local_day_with_links_to_other_weeks(client, make_offering):
    offering = make_offering(title_en="Clay workshop", occurrences=2)
    first, second = offering.occurrences.order_by("starts_at")
    day = first.starts_at.astimezone(LOCAL_ZONE).date()

    response = client.get(url("offerings:calendar"), {"day": day.isoformat()})

    days = response.context["days"]
    assert len(days) == 7
    monday = day - timedelta(days=day.weekday())
    assert days[0].day == monday
    assert [o.pk for d in days for o in d.occurrences] == [first.pk]
    html = response.content.decode()
    assert f"day={(monday - timedelta(days=1)).isoformat()}" in html
    assert f"day={(monday + timedelta(days=7)).isoformat()}" in html

    following = client.get(url("offerings:calendar"), {"day": second.starts_at.date().isoformat()})
    assert [o.pk for d in following.context["days"] for o in d.occurrences] == [second.pk]


def test_the_month_calendar_lists_days_with_times(client, make_offering):
    offering = make_offering(occurrences=3)
    first = offering.occurrences.order_by("starts_at").first()
    day = first.starts_at.astimezone(LOCAL_ZONE).date()

    response = client.get(url("offerings:calendar"), {"day": day.isoformat(), "period": "month"})

    shown = [o for d in response.context["days"] for o in d.occurrences]
    in_month = [
        o
        for o in offering.occurrences.all()
        if o.starts_at.astimezone(LOCAL_ZONE).month == day.month
    ]
    assert {o.pk for o in shown} == {o.pk for o in in_month}
    assert all(d.occurrences for d in response.context["days"])


def jsonld_of(response):
    match = re.search(
        r'<script type="application/ld\+json" nonce="([^"]+)">(.*?)</script>',
        response.content.decode(),
        re.DOTALL,
    )
    assert match, "the page embeds JSON-LD with a nonce"
    return match.group(1), json.loads(match.group(2))


def test_the_offering_page_embeds_one_event_per_upcoming_time(client, make_offering):
    offering = make_offering(occurrences=2, capacity=8, is_free=False, price=Decimal("5.00"))
    OfferingLanguage.objects.create(offering=offering, language="fi")
    first = offering.occurrences.order_by("starts_at").first()
    Occurrence.objects.filter(pk=first.pk).update(seats_taken=3)

    response = client.get(url("offerings:detail", offering_id=offering.pk))

    assert response.status_code == 200
    nonce, events = jsonld_of(response)
    assert nonce
    assert [event["@type"] for event in events] == ["Event", "Event"]
    event = events[0]
    assert event["@context"] == "https://schema.org"
    assert event["name"] == "Clay workshop"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["remainingAttendeeCapacity"] == 5
    assert event["offers"]["price"] == "5.00" and event["offers"]["priceCurrency"] == "EUR"
    assert event["inLanguage"] == "fi"
    assert event["organizer"]["name"] == offering.organisation.name
    assert event["url"].endswith(url("offerings:detail", offering_id=offering.pk))
    assert "5 seats left" in response.content.decode()


def test_status_notices_show_on_the_offering_page(client, make_offering):
    offering = make_offering(occurrences=1)
    offering.occurrences.update(
        status=OccurrenceStatus.POSTPONED, notice_en="The artist is ill.", notice_fi="Sairas."
    )

    response = client.get(url("offerings:detail", offering_id=offering.pk))

    html = response.content.decode()
    assert "Postponed" in html and "The artist is ill." in html
    assert 'name="seats"' not in html
    _, events = jsonld_of(response)
    assert events[0]["eventStatus"] == "https://schema.org/EventPostponed"


def test_visitors_are_asked_to_log_in_and_residents_get_the_form(client, make_offering, resident):
    offering = make_offering()
    occurrence = offering.occurrences.get()
    enrol_url = url("offerings:enrol", occurrence_id=occurrence.pk)

    anonymous = client.get(url("offerings:detail", offering_id=offering.pk)).content.decode()
    assert f'href="{enrol_url}"' in anonymous and 'name="seats"' not in anonymous

    client.force_login(resident)
    html = client.get(url("offerings:detail", offering_id=offering.pk)).content.decode()
    assert f'action="{enrol_url}"' in html
    assert f'id="id_{occurrence.pk}_seats"' in html and 'name="waitlist"' in html


def test_drafts_are_a_preview_for_the_provider_only(
    client, make_offering, make_member, make_organisation, resident
):
    draft = make_offering(status=OfferingStatus.DRAFT)
    detail = url("offerings:detail", offering_id=draft.pk)
    assert client.get(detail).status_code == 404
    client.force_login(resident)
    assert client.get(detail).status_code == 404
    client.force_login(make_member(make_organisation(), role="provider_editor"))
    assert client.get(detail).status_code == 404

    client.force_login(make_member(draft.organisation, role="provider_editor"))
    response = client.get(detail)

    html = response.content.decode()
    assert response.status_code == 200
    assert "preview of a draft" in html
    assert "application/ld+json" not in html
    assert 'name="seats"' not in html


def test_group_only_offerings_say_so_and_link_to_ordering(client, make_offering):
    offering = make_offering(allows_enrolment=False, on_request=True, occurrences=0)

    html = client.get(url("offerings:detail", offering_id=offering.pk)).content.decode()

    assert "has no individual enrolment" in html
    assert url("offerings:order", offering_id=offering.pk) in html
    assert "Times are agreed on request" in html


def test_drop_in_offerings_need_no_enrolment_and_count_no_seats(client, make_offering):
    offering = make_offering(allows_enrolment=False, allows_group_orders=False, capacity=0)

    html = client.get(url("offerings:detail", offering_id=offering.pk)).content.decode()

    assert "No enrolment needed" in html
    assert "seats left" not in html and "Full" not in html
    assert "enrol-form" not in html and "order-link" not in html


def test_pages_do_not_query_per_result(
    client, make_offering, make_organisation, resident, django_assert_max_num_queries
):
    organisation = make_organisation()
    offerings = [make_offering(organisation=organisation, occurrences=3) for _ in range(6)]
    client.force_login(resident)

    # Session, user, municipalities and keywords for the form, then the results in one query.
    with django_assert_max_num_queries(8):
        client.get(url("offerings:list"))
    with django_assert_max_num_queries(8):
        client.get(url("offerings:calendar"), {"period": "month"})
    with django_assert_max_num_queries(13):
        client.get(url("offerings:detail", offering_id=offerings[0].pk))


def test_the_provider_page_shows_contact_and_only_published_offerings(
    client, make_offering, make_organisation
):
    provider = make_organisation()
    provider.email = "kulttuuri@example.fi"
    provider.save()
    shown = make_offering(provider, title_fi="Kevätkonsertti")
    make_offering(provider, title_fi="Salainen luonnos", status=OfferingStatus.DRAFT)
    make_offering(title_fi="Toisen tuottajan työpaja")
    path = url(
        "offerings:provider",
        municipality=provider.municipality.slug,
        organisation=provider.slug,
    )

    html = client.get(path).content.decode()

    assert "kulttuuri@example.fi" in html
    assert url("offerings:detail", offering_id=shown.pk) in html
    assert "Salainen luonnos" not in html and "Toisen tuottajan" not in html
    assert f"/feeds/offerings/{provider.municipality.slug}/{provider.slug}.ics" in html


def test_care_units_have_no_provider_page(client, make_organisation):
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    path = url("offerings:provider", municipality=unit.municipality.slug, organisation=unit.slug)

    assert client.get(path).status_code == 404
