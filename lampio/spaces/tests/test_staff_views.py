from __future__ import annotations

from datetime import date, time

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from lampio.spaces.models import OpeningException, Space, Venue
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def owner(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(owner, make_member):
    return make_member(owner, role=Role.STAFF)


@pytest.fixture
def space(owner, make_space):
    return make_space(organisation=owner)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def url(name, organisation, **kwargs):
    return reverse(
        f"spaces_staff:{name}",
        kwargs={
            "municipality": organisation.municipality.slug,
            "organisation": organisation.slug,
            **kwargs,
        },
    )


def pages(organisation, space):
    return [
        url("venues", organisation),
        url("venue_new", organisation),
        url("venue_edit", organisation, venue_id=space.venue_id),
        url("space_new", organisation, venue_id=space.venue_id),
        url("space_edit", organisation, space_id=space.pk),
        url("opening_hours", organisation, space_id=space.pk),
    ]


def test_every_page_opens_for_the_owners_staff(staff_client, owner, space):
    for page in pages(owner, space):
        response = staff_client.get(page)
        assert response.status_code == 200, page
    listing = staff_client.get(url("venues", owner)).content.decode()
    assert space.venue.name in listing and space.name in listing


def test_staff_of_another_organisation_get_404(
    client, owner, space, make_organisation, make_member
):
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    for page in pages(owner, space):
        assert client.get(page).status_code == 404, page


def test_objects_of_another_organisation_are_not_found_under_ones_own(
    staff_client, owner, make_space
):
    foreign = make_space()
    exception = OpeningException.objects.create(space=foreign, date=date(2030, 1, 1))
    for page in pages(owner, foreign)[2:]:
        assert staff_client.get(page).status_code == 404, page
    remove = url("exception_remove", owner, space_id=foreign.pk, exception_id=exception.pk)
    assert staff_client.post(remove).status_code == 404
    assert OpeningException.objects.filter(pk=exception.pk).exists()


def test_members_who_may_only_view_are_refused(client, owner, space, make_member):
    client.force_login(make_member(owner, role=Role.VIEWER))
    assert client.get(url("venues", owner)).status_code == 403


VENUE_POST = {
    "name_fi": "Kulttuuritalo Valve",
    "name_sv": "Kulturhuset Valve",
    "name_en": "",
    "street_address": "Hallituskatu 7",
    "postal_code": "90100",
    "post_office": "Oulu",
    "latitude": "65,0121",
    "longitude": "25,4651",
    "is_published": "on",
}


def test_a_venue_is_created_and_audited(staff_client, staff, owner):
    response = staff_client.post(url("venue_new", owner), VENUE_POST)
    venue = Venue.objects.get(organisation=owner)
    assert response.status_code == 302
    assert response["Location"] == url("venue_edit", owner, venue_id=venue.pk)
    assert (venue.name_sv, str(venue.latitude)) == ("Kulturhuset Valve", "65.012100")
    assert LogEntry.objects.get_for_object(venue).get().actor == staff


def test_venue_errors_are_shown_next_to_the_field_and_input_is_kept(staff_client, owner):
    data = {**VENUE_POST, "street_address": "", "longitude": ""}
    response = staff_client.post(url("venue_new", owner), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Kulturhuset Valve"' in html
    assert 'id="id_street_address_error"' in html
    assert not Venue.objects.exists()
    # The service's rule (coordinates in pairs) lands on its field too.
    response = staff_client.post(url("venue_new", owner), {**VENUE_POST, "longitude": ""})
    assert 'id="id_longitude_error"' in response.content.decode()


def test_editing_a_venue_saves_it(staff_client, owner, space):
    edit = url("venue_edit", owner, venue_id=space.venue_id)
    assert 'value="Kirkkokatu 1"' in staff_client.get(edit).content.decode()
    response = staff_client.post(edit, {**VENUE_POST, "is_published": ""})
    assert response.status_code == 302
    venue = Venue.objects.get(pk=space.venue_id)
    assert (venue.street_address, venue.is_published) == ("Hallituskatu 7", False)


def space_post(**changes):
    data = {
        "name_fi": "Monitoimisali",
        "name_sv": "Allaktivitetssal",
        "name_en": "Multipurpose hall",
        "description_fi": "Iso sali",
        "space_type": "hall",
        "capacity": "80",
        "is_indoor": "on",
        "step_free_access": "on",
        "who_may_book": "registered",
        "slot_minutes": "30",
        "min_duration_minutes": "60",
        "max_duration_minutes": "240",
        "buffer_before_minutes": "0",
        "buffer_after_minutes": "15",
        "booking_opens_days": "90",
        "booking_closes_hours": "2",
        "max_active_bookings": "3",
        "cancellation_hours": "48",
        "price_type": "per_hour",
        "price": "25,50",
        "visibility": "public",
        "is_published": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_space_is_created_with_all_its_sections(staff_client, owner, space):
    response = staff_client.post(url("space_new", owner, venue_id=space.venue_id), space_post())
    created = Space.objects.get(name_fi="Monitoimisali")
    assert response["Location"] == url("opening_hours", owner, space_id=created.pk)
    assert created.venue_id == space.venue_id
    assert (created.name_en, created.capacity, str(created.price)) == (
        "Multipurpose hall",
        80,
        "25.50",
    )
    assert (created.step_free_access, created.induction_loop) == (True, False)
    assert (created.buffer_after_minutes, created.cancellation_hours) == (15, 48)


def test_space_rule_errors_keep_the_input(staff_client, owner, space):
    data = space_post(min_duration_minutes="300")
    response = staff_client.post(url("space_new", owner, venue_id=space.venue_id), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_min_duration_minutes_error"' in html
    assert 'value="Allaktivitetssal"' in html and 'value="300"' in html
    assert not Space.objects.filter(name_fi="Monitoimisali").exists()


def test_editing_a_space_saves_it(staff_client, owner, space):
    edit = url("space_edit", owner, space_id=space.pk)
    assert 'value="Liikuntasali"' in staff_client.get(edit).content.decode()
    response = staff_client.post(edit, space_post(requires_handling="on", price_type="free"))
    assert response.status_code == 200  # a free space with a price is refused
    assert 'id="id_price_error"' in response.content.decode()
    response = staff_client.post(edit, space_post(requires_handling="on", price=""))
    assert response.status_code == 200  # and a paid one without
    response = staff_client.post(edit, space_post(requires_handling="on"))
    assert response.status_code == 302
    space.refresh_from_db()
    assert (space.name_fi, space.requires_handling) == ("Monitoimisali", True)


def hours_post(rows, initial=0):
    data = {
        "hours-TOTAL_FORMS": str(len(rows)),
        "hours-INITIAL_FORMS": str(initial),
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "50",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"hours-{index}-{key}"] = value
    return data


def test_weekly_hours_are_replaced_from_the_formset(staff_client, owner, space):
    page = url("opening_hours", owner, space_id=space.pk)
    assert 'name="hours-6-weekday"' in staff_client.get(page).content.decode()  # 7 + empty rows
    rows = [
        {"weekday": "0", "opens": "08:00", "closes": "16:00"},
        {"weekday": "4", "opens": "18:00", "closes": "02:00"},
        {"weekday": "5", "opens": "10:00", "closes": "14:00", "DELETE": "on"},
        {"weekday": "", "opens": "", "closes": ""},
    ]
    response = staff_client.post(page, hours_post(rows))
    assert response.status_code == 302
    assert list(space.opening_hours.values_list("weekday", "opens", "closes")) == [
        (0, time(8), time(16)),
        (4, time(18), time(2)),
    ]


def test_overlapping_and_incomplete_rows_come_back_with_errors(staff_client, owner, space):
    page = url("opening_hours", owner, space_id=space.pk)
    overlapping = [
        {"weekday": "0", "opens": "08:00", "closes": "16:00"},
        {"weekday": "0", "opens": "15:00", "closes": "20:00"},
    ]
    response = staff_client.post(page, hours_post(overlapping))
    html = response.content.decode()
    assert response.status_code == 200
    assert "päällekkäin" in html and 'value="15:00"' in html  # the Finnish message
    assert space.opening_hours.count() == 7  # unchanged
    incomplete = [{"weekday": "2", "opens": "09:00", "closes": ""}]
    html = staff_client.post(page, hours_post(incomplete)).content.decode()
    assert 'id="id_hours-0-closes_error"' in html
    assert space.opening_hours.count() == 7


def test_exceptions_are_added_and_removed(staff_client, staff, owner, space):
    add = url("exception_add", owner, space_id=space.pk)
    response = staff_client.post(
        add, {"date": "2030-12-24", "is_closed": "on", "reason_fi": "Jouluaatto"}
    )
    assert response.status_code == 302
    exception = space.opening_exceptions.get()
    assert (exception.is_closed, exception.reason_fi) == (True, "Jouluaatto")
    page = staff_client.get(url("opening_hours", owner, space_id=space.pk)).content.decode()
    assert "Jouluaatto" in page

    response = staff_client.post(add, {"date": "2030-12-31", "opens": "20:00", "reason_sv": "Nyår"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_closes_error"' in html and 'value="Nyår"' in html
    assert space.opening_exceptions.count() == 1

    remove = url("exception_remove", owner, space_id=space.pk, exception_id=exception.pk)
    assert staff_client.get(remove).status_code == 405
    assert staff_client.post(remove).status_code == 302
    assert not space.opening_exceptions.exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.DELETE, actor=staff).exists()


def test_staff_form_posts_are_rate_limited(staff_client, owner, space):
    remove = url("exception_remove", owner, space_id=space.pk, exception_id=999999)
    statuses = {staff_client.post(remove).status_code for _ in range(61)}
    assert statuses == {404, 429}


def test_staff_print_a_qr_code_that_opens_the_space_page(
    client, settings, make_space, make_organisation, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation = make_organisation()
    space = make_space(organisation=organisation)
    client.force_login(make_member(organisation, role="staff"))
    base = f"/fi/staff/{organisation.municipality.slug}/{organisation.slug}/spaces/{space.pk}/qr/"
    page = client.get(base).content.decode()
    assert "<svg" in page and f"http://testserver/fi/spaces/{space.pk}/" in page
    download = client.get(base + "?format=svg")
    assert download["Content-Type"] == "image/svg+xml"
    assert download.content.startswith(b"<svg")
    outsider = make_member(make_organisation(), role="admin")
    client.force_login(outsider)
    assert client.get(base).status_code == 404
