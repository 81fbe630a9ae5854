"""Care units' "watch together": the week's ordered sessions and the big screen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.offerings.models import GroupOrder, Occurrence, OrderStatus
from lampio.offerings.services import OrderDetails, place_order
from lampio.tenancy.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


def _week_url(unit) -> str:
    with translation.override("en"):
        return reverse(
            "digital:care_week",
            kwargs={"municipality": unit.municipality.slug, "organisation": unit.slug},
        )


def _screen_url(unit, occurrence: Occurrence) -> str:
    with translation.override("en"):
        return reverse(
            "digital:care_screen",
            kwargs={
                "municipality": unit.municipality.slug,
                "organisation": unit.slug,
                "occurrence_id": occurrence.pk,
            },
        )


def _order(unit, occurrence: Occurrence, status: str = OrderStatus.ACCEPTED) -> GroupOrder:
    return GroupOrder.objects.create(
        offering=occurrence.offering, occurrence=occurrence, unit=unit, group_size=8, status=status
    )


@pytest.fixture
def care_client(client, care_worker, no_staff_mfa):
    client.force_login(care_worker)
    return client


def test_the_week_lists_accepted_orders_of_this_week_with_a_start_link(
    care_client, care_unit, make_session
):
    running = make_session(starts_in=-timedelta(minutes=20))
    tomorrow = make_session()
    pending = make_session(starts_in=timedelta(days=2))
    next_week = make_session(starts_in=timedelta(days=9))
    finished = make_session(starts_in=-timedelta(hours=3))
    for occurrence in (running, tomorrow, next_week, finished):
        _order(care_unit, occurrence)
    _order(care_unit, pending, status=OrderStatus.PENDING)
    response = care_client.get(_week_url(care_unit))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index(f'data-occurrence="{running.pk}"') < page.index(
        f'data-occurrence="{tomorrow.pk}"'
    )
    for hidden in (pending, next_week, finished):
        assert f'data-occurrence="{hidden.pk}"' not in page
    assert page.count(f'href="{_screen_url(care_unit, tomorrow)}"') == 1
    assert ">Start<" in page


def test_an_order_placed_through_the_service_shows_on_the_week(
    care_client, care_unit, care_worker, session, concert
):
    place_order(
        actor=care_worker,
        unit=care_unit,
        offering=concert,
        details=OrderDetails(group_size=6, occurrence=session),
    )
    assert (
        f'data-occurrence="{session.pk}"' in care_client.get(_week_url(care_unit)).content.decode()
    )


def test_the_big_screen_shows_the_player_when_live_and_the_chat_only_when_asked(
    care_client, care_unit, make_session
):
    live = make_session(starts_in=-timedelta(minutes=1))
    _order(care_unit, live)
    response = care_client.get(_screen_url(care_unit, live))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<body class="senior care-screen">' in page
    assert "<video" in page and "digital/player.js" in page
    assert 'href="?chat=1"' in page and response.context["show_chat"] is False
    with_chat = care_client.get(_screen_url(care_unit, live) + "?chat=1")
    assert with_chat.context["show_chat"] is True
    assert 'href="?chat=1"' not in with_chat.content.decode()


def test_before_the_start_the_big_screen_counts_down(care_client, care_unit, make_session):
    soon = make_session(starts_in=timedelta(minutes=20, seconds=30))
    _order(care_unit, soon)
    page = care_client.get(_screen_url(care_unit, soon)).content.decode()
    assert "Starts in 21 minutes" in page and "sound-test.wav" in page and "<video" not in page


def test_a_session_the_unit_did_not_order_is_not_found(care_client, care_unit, make_session):
    not_ordered = make_session()
    declined = make_session()
    _order(care_unit, declined, status=OrderStatus.DECLINED)
    assert care_client.get(_screen_url(care_unit, not_ordered)).status_code == 404
    assert care_client.get(_screen_url(care_unit, declined)).status_code == 404


def test_another_units_pages_are_not_found(
    care_client, care_unit, make_organisation, make_member, make_session
):
    other_unit = make_organisation(
        municipality=care_unit.municipality, kind=OrganisationKind.CARE_UNIT
    )
    occurrence = make_session()
    _order(other_unit, occurrence)
    assert care_client.get(_week_url(other_unit)).status_code == 404
    assert care_client.get(_screen_url(other_unit, occurrence)).status_code == 404
    # The unit's own address does not open another unit's order either.
    assert care_client.get(_screen_url(care_unit, occurrence)).status_code == 404


def test_only_staff_who_may_order_get_in(client, care_unit, make_member, make_user, no_staff_mfa):
    url = _week_url(care_unit)
    assert client.get(url).status_code == 302
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    client.force_login(make_member(care_unit, role=Role.VIEWER))
    assert client.get(url).status_code == 403


def test_staff_without_a_second_factor_are_sent_to_set_one_up(
    client, care_unit, care_worker, settings
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = True
    client.force_login(care_worker)
    response = client.get(_week_url(care_unit))
    with translation.override("en"):
        assert response.status_code == 302 and response["Location"] == reverse("mfa_index")


def test_the_units_orders_page_links_to_watch_together(care_client, care_unit):
    with translation.override("en"):
        page = care_client.get(reverse("offerings:unit_orders")).content.decode()
    assert f'href="{_week_url(care_unit)}"' in page


def test_the_week_is_calm_and_says_when_nothing_is_ordered(care_client, care_unit):
    page = care_client.get(_week_url(care_unit)).content.decode()
    assert 'class="text-normal contrast-normal calm"' in page
    assert "Your unit has no ordered sessions this week." in page


def test_the_organisation_page_links_to_the_session_tools_of_each_side(
    client, concert_provider, concert_editor, care_unit, care_worker, no_staff_mfa
):
    def links_on(organisation: Any) -> str:
        page = reverse(
            "tenancy:organisation",
            kwargs={
                "municipality": organisation.municipality.slug,
                "organisation": organisation.slug,
            },
        )
        return client.get(page).content.decode()

    provider = {
        "municipality": concert_provider.municipality.slug,
        "organisation": concert_provider.slug,
    }
    unit = {"municipality": care_unit.municipality.slug, "organisation": care_unit.slug}
    client.force_login(concert_editor)
    provider_page = links_on(concert_provider)
    assert reverse("digital_staff:recordings", kwargs=provider) in provider_page
    assert reverse("digital_staff:packages", kwargs=provider) in provider_page
    assert reverse("digital:care_week", kwargs=provider) not in provider_page
    client.force_login(care_worker)
    unit_page = links_on(care_unit)
    assert reverse("digital:care_week", kwargs=unit) in unit_page
    assert reverse("digital:care_packages", kwargs=unit) in unit_page
    assert reverse("digital_staff:recordings", kwargs=unit) not in unit_page
