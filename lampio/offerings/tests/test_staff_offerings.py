"""The provider's desk: the offerings list, the offering form, publishing, and who may see it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from lampio.offerings.models import (
    Audience,
    Enrolment,
    Format,
    GroupOrder,
    Keyword,
    Occurrence,
    Offering,
    OfferingStatus,
    OrderStatus,
)
from lampio.offerings.tests.staff import url
from lampio.spaces.models import Venue
from lampio.tenancy.models import OrganisationKind, Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]


@pytest.fixture
def keywords():
    music = Keyword.objects.create(key="test-music", name_fi="Testimusiikki", name_en="Test music")
    old = Keyword.objects.create(
        key="test-old-crafts", name_fi="Testikäsityöt (vanha)", is_deprecated=True, replaced_by=None
    )
    crafts = Keyword.objects.create(key="test-crafts", name_fi="Testikäsityöt")
    old.replaced_by = crafts
    old.save()
    return {"music": music, "crafts": crafts, "old": old}


@pytest.fixture
def venue(provider):
    return Venue.objects.create(
        organisation=provider,
        slug="valve",
        name_fi="Kulttuuritalo Valve",
        street_address="Hallituskatu 7",
        postal_code="90100",
        post_office="Oulu",
    )


OFFERING_POST = {
    "title_fi": "Savipaja lapsille",
    "title_sv": "Lerverkstad för barn",
    "title_en": "",
    "short_description_fi": "Muovaillaan savesta.",
    "audiences": [Audience.CHILDREN, Audience.SCHOOLS],
    "languages": ["fi", "sv"],
    "age_min": "6",
    "age_max": "12",
    "format": Format.ON_SITE,
    "location": "",
    "online_url": "",
    "is_free": "on",
    "price": "",
    "allows_enrolment": "on",
    "allows_group_orders": "on",
    "min_group_size": "5",
    "max_group_size": "25",
    "cancellation_hours": "48",
}


def test_an_offering_is_created_as_a_draft_and_audited(
    editor_client, editor, provider, venue, keywords
):
    data = {**OFFERING_POST, "venue": venue.pk, "keywords": [keywords["crafts"].pk]}
    response = editor_client.post(url("new", provider), data)
    offering = Offering.objects.get(organisation=provider)
    assert response.status_code == 302
    assert response["Location"] == url("times", provider, offering_id=offering.pk)
    assert offering.status == OfferingStatus.DRAFT
    assert (offering.title_fi, offering.title_sv, offering.venue) == (
        "Savipaja lapsille",
        "Lerverkstad för barn",
        venue,
    )
    assert (offering.age_min, offering.age_max, offering.cancellation_hours) == (6, 12, 48)
    assert list(offering.keywords.all()) == [keywords["crafts"]]
    assert sorted(offering.audience_rows.values_list("audience", flat=True)) == [
        "children",
        "schools",
    ]
    entries = LogEntry.objects.get_for_object(offering)
    assert entries.filter(action=LogEntry.Action.CREATE).exists()
    assert {entry.actor for entry in entries} == {editor}


def test_errors_from_the_service_are_shown_next_to_the_field_and_input_is_kept(
    editor_client, provider
):
    # On site without a venue or a place: the service refuses, naming the venue field.
    response = editor_client.post(url("new", provider), OFFERING_POST)
    assert response.status_code == 200
    form = response.context["form"]
    assert "venue" in form.errors
    html = response.content.decode()
    assert 'value="Savipaja lapsille"' in html and 'value="Lerverkstad för barn"' in html
    assert 'aria-invalid="true"' in html
    assert not Offering.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_fi": ""}, "title_fi"),
        ({"is_free": "", "price": ""}, "price"),
        ({"format": Format.LIVE_STREAM, "location": "Valve"}, "online_url"),
        ({"age_min": "12", "age_max": "6", "location": "Valve"}, "age_max"),
        ({"min_group_size": "30", "location": "Valve"}, "max_group_size"),
        ({"on_request": "on", "allows_group_orders": "", "location": "Valve"}, None),
    ],
)
def test_each_rule_comes_back_on_its_field(editor_client, provider, changes, field):
    response = editor_client.post(url("new", provider), {**OFFERING_POST, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors if field else errors
    assert not Offering.objects.exists()


def test_deprecated_categories_are_not_offered(editor_client, provider, keywords):
    html = editor_client.get(url("new", provider)).content.decode()
    assert "Testimusiikki" in html and "Testikäsityöt (vanha)" not in html


def test_only_venues_of_the_municipality_are_offered(
    editor_client, provider, venue, make_organisation
):
    elsewhere = make_organisation()
    Venue.objects.create(
        organisation=elsewhere,
        slug="muu",
        name_fi="Toisen kaupungin talo",
        street_address="Katu 1",
        postal_code="00100",
        post_office="Helsinki",
    )
    html = editor_client.get(url("new", provider)).content.decode()
    assert "Kulttuuritalo Valve" in html and "Toisen kaupungin talo" not in html


def test_editing_shows_the_offering_and_saves_changes(
    editor_client, provider, make_offering, keywords
):
    offering = make_offering(provider)
    offering.keywords.add(keywords["old"])
    page = editor_client.get(url("edit", provider, offering_id=offering.pk))
    assert page.status_code == 200
    # The deprecated category is shown as the one that replaced it.
    assert page.context["form"].initial["keywords"] == [keywords["crafts"]]
    data = {
        **OFFERING_POST,
        "title_fi": "Uusi nimi",
        "location": "Kulttuuritalo",
        "is_free": "",
        "price": "7,50",
        "keywords": [keywords["crafts"].pk, keywords["music"].pk],
    }
    response = editor_client.post(url("edit", provider, offering_id=offering.pk), data)
    assert response.status_code == 302
    offering.refresh_from_db()
    assert (offering.title_fi, str(offering.price), offering.is_free) == (
        "Uusi nimi",
        "7.50",
        False,
    )
    assert set(offering.keywords.all()) == {keywords["crafts"], keywords["music"]}


def test_publish_needs_a_time_ahead_then_publishes_and_unpublishes(
    editor_client, provider, make_offering
):
    offering = make_offering(provider, occurrences=0, status=OfferingStatus.DRAFT)
    publish = url("publish", provider, offering_id=offering.pk)
    response = editor_client.post(publish, follow=True)
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.DRAFT
    assert "Lisää vähintään yksi tuleva aika" in response.content.decode()
    starts = timezone.now() + timedelta(days=3)
    Occurrence.objects.create(
        offering=offering, starts_at=starts, ends_at=starts + timedelta(hours=1), capacity=5
    )
    assert editor_client.post(publish).status_code == 302
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.PUBLISHED and offering.published_at
    editor_client.post(url("unpublish", provider, offering_id=offering.pk))
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.DRAFT
    assert editor_client.get(publish).status_code == 405


def test_the_list_groups_offerings_by_status_with_next_time_and_waiting_orders(
    editor_client, provider, make_offering, make_organisation
):
    published = make_offering(provider, title_fi="Konsertti")
    make_offering(provider, title_fi="Luonnos", status=OfferingStatus.DRAFT, occurrences=0)
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    GroupOrder.objects.create(
        offering=published, occurrence=published.occurrences.first(), unit=unit, group_size=8
    )
    make_offering(make_organisation(), title_fi="Muiden tarjonta")
    response = editor_client.get(url("list", provider))
    html = response.content.decode()
    groups = {
        status: [o.title_fi for o in items] for status, _label, items in response.context["groups"]
    }
    assert groups == {"draft": ["Luonnos"], "published": ["Konsertti"], "cancelled": []}
    assert response.context["pending_orders"] == 1
    assert "Muiden tarjonta" not in html
    assert "Ei tulevia aikoja" in html


def test_staff_of_another_organisation_get_404_and_change_nothing(
    client, provider, make_offering, make_organisation, make_member
):
    offering = make_offering(provider)
    other = make_organisation()
    client.force_login(make_member(other, role=Role.ADMIN))
    for page in (
        url("list", provider),
        url("new", provider),
        url("edit", provider, offering_id=offering.pk),
    ):
        assert client.get(page).status_code == 404, page
    assert client.post(url("unpublish", provider, offering_id=offering.pk)).status_code == 404
    # Under their own address, B's offering is not found either.
    assert client.get(url("edit", other, offering_id=offering.pk)).status_code == 404
    assert client.post(url("unpublish", other, offering_id=offering.pk)).status_code == 404
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.PUBLISHED


def test_members_who_may_not_publish_are_refused_and_residents_too(
    client, provider, make_member, resident
):
    client.force_login(make_member(provider, role=Role.VIEWER))
    assert client.get(url("list", provider)).status_code == 403
    client.force_login(resident)
    assert client.get(url("list", provider)).status_code == 403
    client.logout()
    response = client.get(url("list", provider))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_organisation_page_links_to_the_desk_only_for_publishers(
    client, provider, editor, make_member
):
    page = reverse(
        "tenancy:organisation",
        kwargs={"municipality": provider.municipality.slug, "organisation": provider.slug},
    )
    client.force_login(editor)
    assert url("list", provider) in client.get(page).content.decode()
    client.force_login(make_member(provider, role=Role.VIEWER))
    assert url("list", provider) not in client.get(page).content.decode()


def test_cancelling_the_offering_asks_for_a_notice_then_tells_everyone(
    editor_client,
    provider,
    make_offering,
    make_user,
    make_organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    offering = make_offering(provider, occurrences=2)
    first = offering.occurrences.order_by("starts_at").first()
    person = make_user()
    Enrolment.objects.create(occurrence=first, person=person, seats=1, status="confirmed")
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    order = GroupOrder.objects.create(offering=offering, unit=unit, group_size=5)
    cancel = url("cancel", provider, offering_id=offering.pk)

    assert "2" in editor_client.get(cancel).content.decode()
    refused = editor_client.post(cancel, {"cancel-notice_fi": ""})
    assert refused.status_code == 200 and refused.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            cancel, {"cancel-notice_fi": "Esiintyjä on estynyt.", "cancel-notice_sv": "Förhinder."}
        )

    assert response.status_code == 302
    offering.refresh_from_db()
    order.refresh_from_db()
    assert offering.status == OfferingStatus.CANCELLED
    assert set(offering.occurrences.values_list("status", flat=True)) == {"cancelled"}
    assert order.status == OrderStatus.DECLINED
    assert any(message.to == [person.email] for message in mailoutbox)
    assert "Esiintyjä on estynyt." in next(m.body for m in mailoutbox if m.to == [person.email])
