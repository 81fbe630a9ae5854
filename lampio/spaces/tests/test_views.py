"""The resident pages for finding spaces: search filters, the venue page, a space's free times."""

from __future__ import annotations

import json
import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.bookings import services
from lampio.core.timeranges import local_datetime, local_day_bounds
from lampio.spaces.models import Equipment, PriceType, SpaceType, Visibility
from lampio.tenancy.context_processors import SESSION_KEY

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def found(response):
    """The names of the spaces on a result page, in order."""
    return [space.name for space in response.context["page_obj"].object_list]


@pytest.fixture
def oulu(make_municipality, make_organisation):
    return make_organisation(municipality=make_municipality(slug="oulu", name="Oulu"))


@pytest.fixture
def jyvaskyla(make_municipality, make_organisation):
    return make_organisation(municipality=make_municipality(slug="jyvaskyla", name="Jyväskylä"))


@pytest.fixture
def future_day():
    return timezone.localdate() + timedelta(days=3)


def test_search_starts_in_the_chosen_city_and_can_look_at_another(
    client, oulu, jyvaskyla, make_space
):
    make_space(organisation=oulu, name_fi="Oulun sali")
    make_space(organisation=jyvaskyla, name_fi="Jyväskylän sali")
    session = client.session
    session[SESSION_KEY] = "oulu"
    session.save()

    first = client.get(url("spaces:search"))
    assert found(first) == ["Oulun sali"]
    assert first.context["form"]["municipality"].value() == "oulu"
    assert found(client.get(url("spaces:search"), {"municipality": "jyvaskyla"})) == [
        "Jyväskylän sali"
    ]
    # Choosing "all cities" in the form overrides the city picked for the site.
    assert len(found(client.get(url("spaces:search"), {"municipality": ""}))) == 2


def test_search_filters_by_type_capacity_and_words(client, oulu, make_space):
    make_space(organisation=oulu, name_fi="Iso liikuntasali", capacity=80)
    make_space(organisation=oulu, name_fi="Pieni liikuntasali", capacity=15)
    make_space(
        organisation=oulu,
        name_fi="Tanssistudio Aalto",
        space_type=SpaceType.STUDIO,
        capacity=20,
        description_fi="Peilit ja tanssimatto.",
    )

    assert sorted(found(client.get(url("spaces:search"), {"space_type": "gym"}))) == [
        "Iso liikuntasali",
        "Pieni liikuntasali",
    ]
    assert sorted(found(client.get(url("spaces:search"), {"min_capacity": "20"}))) == [
        "Iso liikuntasali",
        "Tanssistudio Aalto",
    ]
    assert found(client.get(url("spaces:search"), {"q": "tanssimatto"})) == ["Tanssistudio Aalto"]
    assert found(client.get(url("spaces:search"), {"space_type": "gym", "min_capacity": "50"})) == [
        "Iso liikuntasali"
    ]


def test_search_filters_by_equipment_accessibility_setting_and_price(client, oulu, make_space):
    projector = Equipment.objects.create(slug="projector", name_fi="Videotykki")
    equipped = make_space(
        organisation=oulu, name_fi="Kokoushuone", step_free_access=True, induction_loop=True
    )
    equipped.equipment.add(projector)
    make_space(
        organisation=oulu,
        name_fi="Ulkokenttä",
        is_indoor=False,
        price_type=PriceType.PER_HOUR,
        price=Decimal("12.50"),
    )

    assert found(client.get(url("spaces:search"), {"equipment": "projector"})) == ["Kokoushuone"]
    assert found(
        client.get(url("spaces:search"), {"step_free_access": "on", "induction_loop": "on"})
    ) == ["Kokoushuone"]
    assert found(client.get(url("spaces:search"), {"accessible_toilet": "on"})) == []
    assert found(client.get(url("spaces:search"), {"setting": "outdoor"})) == ["Ulkokenttä"]
    assert found(client.get(url("spaces:search"), {"setting": "indoor"})) == ["Kokoushuone"]
    assert found(client.get(url("spaces:search"), {"price": "free"})) == ["Kokoushuone"]
    paid = client.get(url("spaces:search"), {"price": "paid"})
    assert found(paid) == ["Ulkokenttä"]
    assert "12.50 € per hour" in paid.content.decode()


def test_search_by_free_time_keeps_only_spaces_free_for_the_whole_time(
    client, oulu, make_space, make_user, future_day
):
    make_space(organisation=oulu, name_fi="Vapaa sali")
    busy = make_space(organisation=oulu, name_fi="Varattu sali")
    make_space(organisation=oulu, name_fi="Iltasali", opens=time(16), closes=time(22))
    make_space(organisation=oulu, name_fi="Puskurisali", buffer_after_minutes=60)
    buffered = oulu.venues.get(spaces__name_fi="Puskurisali").spaces.get()
    services.book_space(
        actor=make_user(),
        space=busy,
        starts_at=local_datetime(future_day, time(10, 30)),
        ends_at=local_datetime(future_day, time(11, 30)),
        purpose="Kuoroharjoitus",
        attendees=5,
    )
    services.book_space(
        actor=make_user(),
        space=buffered,
        starts_at=local_datetime(future_day, time(9)),
        ends_at=local_datetime(future_day, time(9, 30)),
        purpose="Jumppa",
        attendees=5,
    )
    wanted = {"date": future_day.isoformat(), "from_time": "10:00", "to_time": "11:00"}

    response = client.get(url("spaces:search"), wanted)

    # Busy overlaps the booking, the evening hall is closed and the buffer runs until 10:30.
    assert found(response) == ["Vapaa sali"]
    html = response.content.decode()
    assert f"?date={future_day.isoformat()}" in html  # the result opens the wanted day
    later = client.get(url("spaces:search"), {**wanted, "from_time": "12:00", "to_time": "13:00"})
    assert sorted(found(later)) == ["Puskurisali", "Vapaa sali", "Varattu sali"]


def test_free_time_needs_a_date_and_both_times_and_keeps_what_was_typed(client, oulu, make_space):
    make_space(organisation=oulu)
    response = client.get(url("spaces:search"), {"q": "sali", "from_time": "10:00"})
    form = response.context["form"]
    assert set(form.errors) == {"date", "to_time"}
    html = response.content.decode()
    assert 'value="sali"' in html and 'value="10:00"' in html
    assert found(response) == []
    backwards = client.get(
        url("spaces:search"), {"date": "2030-01-01", "from_time": "12:00", "to_time": "11:00"}
    )
    assert set(backwards.context["form"].errors) == {"to_time"}


def test_results_are_counted_in_a_status_region_and_paginated(client, oulu, make_space):
    for number in range(25):
        make_space(organisation=oulu, name_fi=f"Sali {number:02d}")

    first = client.get(url("spaces:search"))
    html = first.content.decode()
    assert re.search(r'<p id="result-count" role="status"[^>]*>\s*25 spaces found\.', html)
    assert len(found(first)) == 20
    assert 'aria-label="Pages of results"' in html
    assert 'href="?page=2"' in html
    second = client.get(url("spaces:search"), {"page": "2"})
    assert len(found(second)) == 5
    assert set(found(first)) | set(found(second)) == {f"Sali {n:02d}" for n in range(25)}
    assert 'aria-current="page"' in second.content.decode()


def test_map_view_without_tiles_shows_the_list_and_says_why(client, oulu, make_space, settings):
    settings.LAMPIO_MAP_TILE_URL = ""
    make_space(organisation=oulu, name_fi="Sali")
    html = client.get(url("spaces:search"), {"display": "map"}).content.decode()
    assert "The map is not available" in html
    assert "leaflet" not in html
    assert "Kirkkokatu 1, 90100 Oulu" in html


def test_map_view_with_tiles_gives_the_venues_as_json(client, oulu, make_space, settings):
    settings.LAMPIO_MAP_TILE_URL = "https://tiles.example.fi/{z}/{x}/{y}.png"
    space = make_space(organisation=oulu, name_fi="Sali")
    space.venue.latitude, space.venue.longitude = Decimal("65.012100"), Decimal("25.465100")
    space.venue.save()
    make_space(organisation=oulu, name_fi="Sali ilman koordinaatteja")

    response = client.get(url("spaces:search"), {"display": "map"})
    html = response.content.decode()
    assert "data-space-map" in html
    assert 'data-tile-url="https://tiles.example.fi/{z}/{x}/{y}.png"' in html
    assert "vendor/leaflet/leaflet.js" in html and "js/map.js" in html
    data = re.search(r'<script id="space-map-data" type="application/json">(.*?)</script>', html)
    markers = json.loads(data.group(1))
    venue_url = url("spaces:venue", venue_id=space.venue_id)
    assert markers == [{"lat": 65.0121, "lon": 25.4651, "name": "Kulttuuritalo", "url": venue_url}]
    # The list view of the same search needs no map scripts.
    assert "leaflet" not in client.get(url("spaces:search")).content.decode()


def test_venue_page_gives_address_directions_and_spaces(client, oulu, make_space):
    space = make_space(organisation=oulu, name_fi="Liikuntasali")
    venue = space.venue
    venue.accessibility_fi = "Luiska pääovelle."
    venue.save()
    response = client.get(url("spaces:venue", venue_id=venue.pk))
    html = response.content.decode()
    assert "Kirkkokatu 1" in html and "ovi B" in html and "Luiska pääovelle." in html
    assert url("spaces:space", space_id=space.pk) in html

    venue.is_published = False
    venue.save()
    assert client.get(url("spaces:venue", venue_id=venue.pk)).status_code == 404


def test_space_page_shows_details_hours_and_terms(client, oulu, make_space):
    space = make_space(
        organisation=oulu,
        name_fi="Liikuntasali",
        terms_fi="Sisäkengät pakolliset.",
        induction_loop=True,
        opens=time(7, 30),
    )
    space.equipment.add(Equipment.objects.create(slug="piano", name_fi="Piano", name_en="Piano"))
    html = client.get(url("spaces:space", space_id=space.pk)).content.decode()
    assert "Sisäkengät pakolliset." in html
    assert "Piano" in html and "Induction loop" in html and "No accessible toilet" in html
    assert "07:30–22:00" in html  # opening hours in local time
    assert "Free of charge" in html


def test_a_booked_slot_shows_as_taken_and_free_slots_lead_to_the_form(
    client, oulu, make_space, make_user, future_day
):
    space = make_space(organisation=oulu)
    services.book_space(
        actor=make_user(),
        space=space,
        starts_at=local_datetime(future_day, time(10)),
        ends_at=local_datetime(future_day, time(11)),
        purpose="Sähly",
        attendees=8,
    )
    response = client.get(url("spaces:space", space_id=space.pk), {"date": future_day.isoformat()})
    states = {slot.start: slot.state for slot in response.context["slots"]}
    assert states[local_datetime(future_day, time(10))] == "taken"
    assert states[local_datetime(future_day, time(10, 30))] == "taken"
    assert states[local_datetime(future_day, time(11))] == "free"
    html = response.content.decode()
    assert re.search(r'slot--taken">\s*<span class="slot__time">10:00–10:30</span>', html)
    booking_link = (
        f"{url('bookings:new', space_id=space.pk)}?start={future_day.isoformat()}T11:00"
        f"&amp;end={future_day.isoformat()}T11:30"
    )
    assert booking_link in html
    # First slot at opening time, shown in Helsinki time.
    assert re.search(r'<span class="slot__time">08:00–08:30</span>', html)


def test_past_slots_cannot_be_booked(client, oulu, make_space):
    space = make_space(organisation=oulu)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.get(url("spaces:space", space_id=space.pk), {"date": yesterday.isoformat()})
    assert {slot.state for slot in response.context["slots"]} == {"unavailable"}
    assert url("bookings:new", space_id=space.pk) not in response.content.decode()


def test_week_view_lists_seven_days_with_their_free_time(
    client, oulu, make_space, make_user, future_day
):
    space = make_space(organisation=oulu)
    services.book_space(
        actor=make_user(),
        space=space,
        starts_at=local_datetime(future_day, time(10)),
        ends_at=local_datetime(future_day, time(12)),
        purpose="Sähly",
        attendees=8,
    )
    response = client.get(
        url("spaces:space", space_id=space.pk), {"date": future_day.isoformat(), "view": "week"}
    )
    week = response.context["week"]
    assert [day for day, _free in week] == [future_day + timedelta(days=n) for n in range(7)]
    html = response.content.decode()
    table = re.search(r'<table class="table week">.*?</table>', html, re.S).group(0)
    assert "08:00–10:00, 12:00–22:00" in table
    assert table.count("08:00–22:00") == 6
    next_week = (future_day + timedelta(days=7)).isoformat()
    assert f"?date={next_week}&amp;view=week" in html


def test_a_garbled_date_shows_today_and_a_garbled_view_the_day(client, oulu, make_space):
    space = make_space(organisation=oulu)
    response = client.get(url("spaces:space", space_id=space.pk), {"date": "not-a-date"})
    assert response.context["day"] == timezone.localdate()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.get(
        url("spaces:space", space_id=space.pk), {"date": tomorrow.isoformat(), "view": "month"}
    )
    assert (response.context["day"], response.context["view"]) == (tomorrow, "day")


def test_members_only_and_unpublished_spaces_are_not_found(client, oulu, make_space, resident):
    hidden = make_space(organisation=oulu, visibility=Visibility.MEMBERS)
    draft = make_space(organisation=oulu, is_published=False)
    client.force_login(resident)
    assert client.get(url("spaces:space", space_id=hidden.pk)).status_code == 404
    assert client.get(url("spaces:space", space_id=draft.pk)).status_code == 404
    assert found(client.get(url("spaces:search"))) == []


def test_slots_on_a_daylight_saving_change_day_are_in_helsinki_time(client, oulu, make_space):
    """Helsinki's clocks change at 03:00/04:00 local time; the day's slots still read 08:00…"""
    change_day = next(
        timezone.localdate() + timedelta(days=offset)
        for offset in range(1, 366)
        if local_day_bounds(timezone.localdate() + timedelta(days=offset)).duration
        != timedelta(hours=24)
    )
    space = make_space(organisation=oulu)
    response = client.get(url("spaces:space", space_id=space.pk), {"date": change_day.isoformat()})
    slots = response.context["slots"]
    assert len(slots) == 28  # 08:00–22:00 in half hours, whatever the day's length
    html = response.content.decode()
    assert '<span class="slot__time">08:00–08:30</span>' in html
    assert '<span class="slot__time">21:30–22:00</span>' in html
    assert f"?start={change_day.isoformat()}T08:00&amp;end={change_day.isoformat()}T08:30" in html
