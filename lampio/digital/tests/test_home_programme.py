"""The senior home: which digital sessions "Today" and "This week" list."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lampio.core.timeranges import local_datetime
from lampio.digital import selectors
from lampio.offerings.models import Format, Occurrence, OccurrenceStatus, OfferingStatus
from lampio.tenancy.context_processors import SESSION_KEY

pytestmark = pytest.mark.django_db


def _home_url(**query: str) -> str:
    with translation.override("en"):
        url = reverse("digital:home")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _listed(client: Client, **query: str) -> set[int]:
    page = client.get(_home_url(**query)).content.decode()
    return {int(part.split('"')[0]) for part in page.split('data-occurrence="')[1:]}


def test_tomorrows_concert_is_listed_with_its_facts_and_one_big_link(client, session, concert):
    response = client.get(_home_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en" class="text-normal contrast-normal calm">' in page
    assert "Afternoon concert" in page and "60 minutes" in page and "Free of charge" in page
    session_url = reverse("digital:session", kwargs={"occurrence_id": session.pk})
    assert page.count(f'href="{session_url}"') == 1
    assert ">Take part<" in page


def test_today_and_this_week_are_separate_lists(client, make_session):
    running = make_session(starts_in=-timedelta(minutes=10))
    ended = make_session(starts_in=-timedelta(hours=2))
    tomorrow = make_session(starts_in=timedelta(days=1))
    programme = selectors.programme(now=running.starts_at + timedelta(minutes=10))
    assert [s.occurrence for s in programme.today] == [running]
    assert tomorrow in [s.occurrence for s in programme.this_week]
    assert ended not in [s.occurrence for s in programme.today + programme.this_week]


def test_on_site_unpublished_private_cancelled_and_next_week_are_not_listed(
    client, make_session, make_offering, concert, concert_provider
):
    listed = make_session()
    on_site = make_offering(organisation=concert_provider, format=Format.ON_SITE)
    Occurrence.objects.filter(offering=on_site).update(starts_at=listed.starts_at)
    draft = type(concert).objects.create(
        organisation=concert_provider,
        title_fi="Luonnos",
        format=Format.LIVE_STREAM,
        status=OfferingStatus.DRAFT,
    )
    unpublished = make_session(offering=draft)
    private = make_session(is_public=False)
    cancelled = make_session(status=OccurrenceStatus.CANCELLED)
    next_week = make_session(starts_in=timedelta(days=8))
    shown = _listed(client)
    assert listed.pk in shown
    hidden = {unpublished.pk, private.pk, cancelled.pk, next_week.pk}
    hidden |= set(on_site.occurrences.values_list("pk", flat=True))
    assert not shown & hidden


def test_the_week_ends_with_the_sixth_local_day_across_a_daylight_saving_change(make_session):
    # Monday 25 March 2030 at noon; clocks go forward on Sunday 31 March.
    now = local_datetime(date(2030, 3, 25), time(12))
    last = make_session()
    Occurrence.objects.filter(pk=last.pk).update(
        starts_at=local_datetime(date(2030, 3, 31), time(23, 30)),
        ends_at=local_datetime(date(2030, 4, 1), time(0, 30)),
    )
    after = make_session()
    Occurrence.objects.filter(pk=after.pk).update(
        starts_at=local_datetime(date(2030, 4, 1), time(0, 15)),
        ends_at=local_datetime(date(2030, 4, 1), time(1, 15)),
    )
    programme = selectors.programme(now=now)
    listed = [s.occurrence.pk for s in programme.today + programme.this_week]
    assert listed == [last.pk]


def test_the_chosen_city_narrows_the_programme_until_all_cities_are_asked_for(
    client, session, make_session, make_organisation, concert
):
    other_city = make_organisation()
    other = make_session(
        offering=type(concert).objects.create(
            organisation=other_city,
            title_fi="Toinen",
            format=Format.LIVE_STREAM,
            status=OfferingStatus.PUBLISHED,
        )
    )
    assert {session.pk, other.pk} <= _listed(client)
    client_session = client.session
    client_session[SESSION_KEY] = concert.organisation.municipality.slug
    client_session.save()
    shown = _listed(client)
    assert session.pk in shown and other.pk not in shown
    assert {session.pk, other.pk} <= _listed(client, all="1")


def test_the_main_navigation_links_the_senior_home_and_marks_it_current(client):
    home = _home_url()
    front = client.get("/en/").content.decode()
    assert f'<a href="{home}">Lämpiö for older people</a>' in front
    assert f'<a href="{home}" aria-current="page">' in client.get(home).content.decode()


def test_an_empty_week_says_so(client):
    page = client.get(_home_url()).content.decode()
    assert "No sessions today." in page and "No more sessions this week." in page
