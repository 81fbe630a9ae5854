"""Group orders on the resident side: the order form, our unit's orders, and answering a
provider's proposal."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.core.timeranges import Interval, local_datetime
from lampio.offerings.models import GroupOrder, Occurrence, OrderStatus
from lampio.offerings.services import (
    OrderDetails,
    accept_order,
    place_order,
    propose_other_time,
)
from lampio.tenancy.models import OrganisationKind

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def care_unit(make_organisation):
    return make_organisation(kind=OrganisationKind.CARE_UNIT)


@pytest.fixture
def carer(care_unit, make_member):
    return make_member(care_unit, role="care_staff", preferred_language="en")


@pytest.fixture
def carer_client(client, carer, settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(carer)
    return client


@pytest.fixture
def on_request(make_offering):
    offering = make_offering(occurrences=0, on_request=True, allows_enrolment=False)
    offering.organisation.email = "tilaukset@museo.example.fi"
    offering.organisation.save()
    return offering


def day_ahead(days=10):
    return timezone.localdate() + timedelta(days=days)


def proposal(care_unit, carer, offering):
    start = local_datetime(day_ahead(), time(9))
    return place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(
            group_size=12, proposed_times=[Interval(start, start + timedelta(hours=1))]
        ),
    )


def test_residents_without_a_unit_are_told_who_can_order(client, resident, make_offering):
    offering = make_offering()
    client.force_login(resident)

    response = client.get(url("offerings:order", offering_id=offering.pk))

    assert response.status_code == 403
    assert "Only staff of a care unit or a school" in response.content.decode()
    assert client.get(url("offerings:unit_orders")).status_code == 403


def test_offerings_without_group_orders_have_no_order_page(carer_client, make_offering):
    offering = make_offering(allows_group_orders=False)

    assert carer_client.get(url("offerings:order", offering_id=offering.pk)).status_code == 404


def test_ordering_an_existing_time(
    carer_client, carer, care_unit, make_offering, mailoutbox, django_capture_on_commit_callbacks
):
    offering = make_offering(occurrences=2, capacity=30, auto_accept_orders=True)
    second = offering.occurrences.order_by("starts_at")[1]
    form = carer_client.get(url("offerings:order", offering_id=offering.pk)).content.decode()
    assert f'value="{second.pk}"' in form and 'name="proposed_1_date"' not in form

    with django_capture_on_commit_callbacks(execute=True):
        response = carer_client.post(
            url("offerings:order", offering_id=offering.pk),
            {
                "unit": care_unit.pk,
                "occurrence": second.pk,
                "group_size": "15",
                "accompanying_staff": "3",
                "special_needs": "Kaksi pyörätuolia",
            },
        )

    order = GroupOrder.objects.get()
    assert response["Location"] == url("offerings:unit_order", order_id=order.pk)
    assert order.status == OrderStatus.ACCEPTED and order.occurrence == second
    second.refresh_from_db()
    assert second.seats_taken == 18
    assert mailoutbox[0].subject == "Group order confirmed: Clay workshop"
    assert "Kaksi pyörätuolia" in mailoutbox[0].body


def test_ordering_on_request_with_proposed_times(
    carer_client, carer, care_unit, on_request, mailoutbox, django_capture_on_commit_callbacks
):
    day = day_ahead()
    with django_capture_on_commit_callbacks(execute=True):
        response = carer_client.post(
            url("offerings:order", offering_id=on_request.pk),
            {
                "unit": care_unit.pk,
                "group_size": "12",
                "accompanying_staff": "2",
                "proposed_1_date": day.isoformat(),
                "proposed_1_start": "09:00",
                "proposed_1_end": "10:00",
                "proposed_2_date": (day + timedelta(days=1)).isoformat(),
                "proposed_2_start": "13:00",
                "proposed_2_end": "14:30",
                "message": "Ryhmä Pikkuiset",
            },
        )

    order = GroupOrder.objects.get()
    assert response.status_code == 302
    assert order.status == OrderStatus.PENDING and order.ordered_by == carer
    assert [(t.starts_at, t.ends_at) for t in order.proposed_times.all()] == [
        (local_datetime(day, time(9)), local_datetime(day, time(10))),
        (
            local_datetime(day + timedelta(days=1), time(13)),
            local_datetime(day + timedelta(days=1), time(14, 30)),
        ),
    ]
    (to_provider,) = mailoutbox
    assert to_provider.to == ["tilaukset@museo.example.fi"]
    assert "Ryhmä Pikkuiset" in to_provider.body and care_unit.name in to_provider.subject


def test_order_errors_are_shown_by_their_fields_and_input_is_kept(
    carer_client, care_unit, on_request
):
    on_request.max_group_size = 10
    on_request.save()
    day = day_ahead()

    response = carer_client.post(
        url("offerings:order", offering_id=on_request.pk),
        {
            "unit": care_unit.pk,
            "group_size": "12",
            "accompanying_staff": "2",
            "proposed_1_date": day.isoformat(),
            "proposed_1_start": "09:00",
            "proposed_1_end": "10:00",
            "proposed_2_date": day.isoformat(),
            "proposed_2_start": "11:00",
            "special_needs": "Allergioita",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_proposed_2_end_error"' in html
    assert 'value="11:00"' in html and "Allergioita" in html
    assert not GroupOrder.objects.exists()

    # The form is fine; the service refuses the group size next to its field.
    response = carer_client.post(
        url("offerings:order", offering_id=on_request.pk),
        {
            "unit": care_unit.pk,
            "group_size": "12",
            "accompanying_staff": "2",
            "proposed_1_date": day.isoformat(),
            "proposed_1_start": "09:00",
            "proposed_1_end": "10:00",
        },
    )
    html = response.content.decode()
    assert 'id="id_group_size_error"' in html and "largest group for this offering is 10" in html
    assert 'value="12"' in html
    assert not GroupOrder.objects.exists()


def test_past_proposed_times_are_refused_next_to_the_times(carer_client, care_unit, on_request):
    yesterday = timezone.localdate() - timedelta(days=1)

    response = carer_client.post(
        url("offerings:order", offering_id=on_request.pk),
        {
            "unit": care_unit.pk,
            "group_size": "5",
            "accompanying_staff": "1",
            "proposed_1_date": yesterday.isoformat(),
            "proposed_1_start": "09:00",
            "proposed_1_end": "10:00",
        },
    )

    html = response.content.decode()
    assert 'id="id_proposed_1_date_error"' in html and "Propose times in the future." in html


def test_our_units_orders_and_accepting_the_providers_time(
    carer_client,
    carer,
    care_unit,
    on_request,
    make_member,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    order = proposal(care_unit, carer, on_request)
    provider = make_member(on_request.organisation, role="provider_editor")
    new_start = datetime.now(UTC).replace(microsecond=0, second=0) + timedelta(days=14)
    propose_other_time(
        actor=provider,
        order=order,
        starts_at=new_start,
        ends_at=new_start + timedelta(hours=1),
        message="Aamupäivä on varattu.",
    )

    listing = carer_client.get(url("offerings:unit_orders")).content.decode()
    assert "Provider proposed another time" in listing and "Aamupäivä on varattu." in listing
    assert url("offerings:order_accept_time", order_id=order.pk) in listing

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = carer_client.post(url("offerings:order_accept_time", order_id=order.pk))

    assert response["Location"] == url("offerings:unit_order", order_id=order.pk)
    order.refresh_from_db()
    assert order.status == OrderStatus.ACCEPTED
    assert order.occurrence.starts_at == new_start and not order.occurrence.is_public
    assert mailoutbox[0].subject == "Group order confirmed: Clay workshop"
    again = carer_client.post(url("offerings:order_accept_time", order_id=order.pk), follow=True)
    assert "already been handled" in again.content.decode()


def test_declining_a_proposed_time_cancels_the_order(
    carer_client, carer, care_unit, on_request, make_member
):
    order = proposal(care_unit, carer, on_request)
    start = timezone.now() + timedelta(days=20)
    propose_other_time(
        actor=make_member(on_request.organisation, role="provider_editor"),
        order=order,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    cancel_url = url("offerings:order_cancel", order_id=order.pk)

    assert "Declining the proposed time" in carer_client.get(cancel_url).content.decode()
    response = carer_client.post(cancel_url)

    assert response["Location"] == url("offerings:unit_orders")
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED


def test_cancelling_an_accepted_order_gives_the_seats_back(
    carer_client, carer, care_unit, make_offering, make_member
):
    offering = make_offering(capacity=30)
    occurrence = offering.occurrences.get()
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(group_size=10, accompanying_staff=2, occurrence=occurrence),
    )
    accept_order(actor=make_member(offering.organisation, role="provider_editor"), order=order)

    carer_client.post(url("offerings:order_cancel", order_id=order.pk))

    order.refresh_from_db()
    occurrence.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert occurrence.seats_taken == 0


def test_another_units_order_is_not_found(
    client, settings, carer, care_unit, on_request, make_organisation, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    order = proposal(care_unit, carer, on_request)
    other_unit = make_organisation(kind=OrganisationKind.SCHOOL)
    client.force_login(make_member(other_unit, role="care_staff"))

    assert client.get(url("offerings:unit_order", order_id=order.pk)).status_code == 404
    assert client.get(url("offerings:order_cancel", order_id=order.pk)).status_code == 404
    assert client.post(url("offerings:order_cancel", order_id=order.pk)).status_code == 404
    assert client.post(url("offerings:order_accept_time", order_id=order.pk)).status_code == 404
    listing = client.get(url("offerings:unit_orders"))
    assert list(listing.context["page_obj"].object_list) == []
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING


def test_unit_staff_must_set_up_a_second_factor_where_required(
    client, settings, carer, make_offering
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = True
    client.force_login(carer)

    response = client.get(url("offerings:order", offering_id=make_offering().pk))

    assert response.status_code == 302 and response["Location"] == url("mfa_index")
    assert Occurrence.objects.count() == 1
