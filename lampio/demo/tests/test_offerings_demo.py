from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from lampio.accounts.models import User
from lampio.demo import data
from lampio.demo.digital import DIGITAL_OFFERINGS
from lampio.demo.offerings_data import ORDERING_STAFF
from lampio.demo.offerings_loader import OFFERINGS, WINDOW_DAYS, load_offerings
from lampio.offerings.models import (
    ONLINE_FORMATS,
    Audience,
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Keyword,
    Occurrence,
    OccurrenceSeries,
    OccurrenceStatus,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OrderStatus,
    ProposedTime,
)
from lampio.offerings.selectors import OfferingFilters, orders_of_units, search_occurrences
from lampio.tenancy.models import Membership, Organisation, OrganisationKind
from lampio.tenancy.permissions import Action, can

pytestmark = pytest.mark.django_db

CITIES = ("oulu", "jyvaskyla", "kuopio", "lahti", "turku")
FOR_OLDER = [Audience.OLDER_PEOPLE, Audience.CARE_UNITS]
# The digital sessions (lampio/demo/digital.py) have times around the loading moment.
DIGITAL = [spec.title[0] for spec in DIGITAL_OFFERINGS]


def organisations() -> dict[tuple[str, str], Organisation]:
    return {
        (o.municipality.slug, o.slug): o
        for o in Organisation.objects.select_related("municipality")
    }


def counts() -> tuple[int, ...]:
    return (
        Offering.objects.count(),
        Offering.keywords.through.objects.count(),
        OfferingAudience.objects.count(),
        OfferingLanguage.objects.count(),
        OccurrenceSeries.objects.count(),
        Occurrence.objects.count(),
        Enrolment.objects.count(),
        GroupOrder.objects.count(),
        ProposedTime.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )


def test_loading_again_adds_nothing(demo):
    first = counts()
    call_command("load_demo", "--without-history", verbosity=0)
    assert counts() == first
    webinars = Offering.objects.filter(webinar__isnull=False).count()
    assert first[0] == len(OFFERINGS) + len(DIGITAL_OFFERINGS) + webinars


def test_many_offerings_in_every_demo_city_by_every_kind_of_provider(demo):
    assert Offering.objects.count() >= 45
    per_city = Counter(Offering.objects.values_list("organisation__municipality__slug", flat=True))
    assert set(per_city) == set(CITIES)
    assert min(per_city.values()) >= 5, per_city
    kinds = set(Offering.objects.values_list("organisation__kind", flat=True))
    assert kinds == {
        OrganisationKind.CITY_INSTITUTION,
        OrganisationKind.ASSOCIATION,
        OrganisationKind.INDEPENDENT_PROVIDER,
    }
    assert not Offering.objects.exclude(status="published").exists()


def test_every_offering_speaks_finnish_swedish_and_english(demo):
    for offering in Offering.objects.all():
        for field in ("title", "short_description", "description"):
            texts = [getattr(offering, f"{field}_{language}") for language in ("fi", "sv", "en")]
            assert all(text.strip() for text in texts), (offering.pk, field)
            assert len(set(texts)) >= 2, (offering.title_fi, field)  # translated, not copied
        if offering.accessibility_fi:
            assert offering.accessibility_sv and offering.accessibility_en, offering.title_fi
        if not offering.is_free and offering.price_info_fi:
            assert offering.price_info_sv and offering.price_info_en, offering.title_fi
        assert offering.audience_rows.exists() and offering.language_rows.exists()


def test_online_sessions_for_older_people_and_care_units(demo):
    online = Offering.objects.filter(
        format__in=ONLINE_FORMATS, audience_rows__audience__in=FOR_OLDER
    ).distinct()
    assert online.count() >= 15
    assert {Format.LIVE_STREAM, Format.RECORDING, Format.HYBRID} <= set(
        online.values_list("format", flat=True)
    )
    assert online.filter(on_request=True, allows_group_orders=True).count() >= 3
    assert online.filter(auto_accept_orders=True, occurrences__isnull=False).exists()
    assert online.filter(is_free=False).exists() and online.filter(is_free=True).exists()


def test_offerings_keep_the_rules_the_services_enforce(demo):
    for offering in Offering.objects.select_related("venue__organisation", "organisation"):
        name = offering.title_fi
        if offering.format != Format.ON_SITE:
            assert offering.online_url.startswith("https://"), name
        if offering.format in (Format.ON_SITE, Format.HYBRID):
            assert offering.venue or offering.location, name
        if offering.venue:
            assert offering.venue.organisation.municipality_id == (
                offering.organisation.municipality_id
            ), name
        assert offering.is_free == (offering.price is None), name
        assert offering.allows_enrolment or offering.allows_group_orders, name
        if offering.on_request:
            assert offering.allows_group_orders, name
            assert not offering.occurrences.filter(is_public=True).exists(), name
        else:
            assert offering.occurrences.filter(is_public=True).exists(), name
        if offering.age_min is not None and offering.age_max is not None:
            assert offering.age_min <= offering.age_max
        assert offering.max_group_size is None or offering.max_group_size >= offering.min_group_size
        keywords = list(offering.keywords.all())
        assert keywords, name  # every key of the demo is in the controlled list
        assert not any(keyword.is_deprecated for keyword in keywords), name
    assert Offering.objects.filter(is_free=False).count() >= 10
    assert Offering.objects.filter(is_free=True).count() > Offering.objects.count() // 2


def test_times_fill_the_next_eight_weeks_one_off_and_weekly(demo):
    today = timezone.localdate()
    # Network webinars are the capability demo's (one was held a month ago, with a recording).
    public = Occurrence.objects.filter(is_public=True, offering__webinar__isnull=True).exclude(
        offering__title_fi__in=DIGITAL
    )
    first, last = (
        public.order_by("starts_at").first(),
        public.order_by("-starts_at").first(),
    )
    assert first and last
    assert timezone.localdate(first.starts_at) > today
    assert timezone.localdate(last.starts_at) <= today + timedelta(days=WINDOW_DAYS)
    assert public.filter(series__isnull=False).count() > 100
    one_offs = Offering.objects.filter(
        on_request=False, occurrences__series__isnull=True, webinar__isnull=True
    ).exclude(title_fi__in=DIGITAL)
    assert one_offs.distinct().count() >= 8
    # A one-off event falls exactly once in the window.
    for offering in one_offs.distinct():
        assert offering.occurrences.filter(is_public=True).count() == 1, offering.title_fi
    assert not public.filter(ends_at__lte=timezone.now()).exists()
    cancelled = Occurrence.objects.get(status=OccurrenceStatus.CANCELLED)
    assert cancelled.notice_fi and cancelled.notice_sv and cancelled.notice_en


def test_seats_taken_equal_the_seats_held_and_one_time_has_a_waiting_list(demo):
    for occurrence in Occurrence.objects.all():
        enrolled = (
            occurrence.enrolments.filter(status=EnrolmentStatus.CONFIRMED).aggregate(
                seats=Sum("seats")
            )["seats"]
            or 0
        )
        ordered = sum(
            order.seats for order in occurrence.orders.filter(status=OrderStatus.ACCEPTED)
        )
        assert occurrence.seats_taken == enrolled + ordered <= occurrence.capacity
    full = Occurrence.objects.filter(
        is_public=True, enrolments__status=EnrolmentStatus.WAITLISTED
    ).distinct()
    assert full.count() == 1
    assert full[0].seats_taken == full[0].capacity
    assert Enrolment.objects.filter(status=EnrolmentStatus.CONFIRMED).count() >= 20
    assert not Enrolment.objects.filter(occurrence__offering__allows_enrolment=False).exists()
    people = set(Enrolment.objects.values_list("person__email", flat=True))
    assert "asukas@demo.lampio.fi" in people and "invanare@demo.lampio.fi" in people


def test_group_orders_in_each_state_from_care_units_of_several_cities(demo):
    orders = GroupOrder.objects.select_related("unit__municipality", "occurrence", "ordered_by")
    assert {OrderStatus.PENDING, OrderStatus.PROPOSED, OrderStatus.ACCEPTED} <= {
        order.status for order in orders
    }
    care_cities = {o.unit.municipality.slug for o in orders if o.unit.kind == "care_unit"}
    assert len(care_cities) >= 4
    for order in orders:
        assert order.ordered_by is not None and can(order.ordered_by, Action.ORDER, order.unit)
        assert order.offering.allows_group_orders
        if order.status == OrderStatus.PROPOSED:
            assert order.proposed_starts_at and order.proposed_starts_at > timezone.now()
        if order.offering.on_request and order.status != OrderStatus.ACCEPTED:
            assert order.proposed_times.exists() and order.occurrence is None
        if order.status == OrderStatus.ACCEPTED:
            assert order.occurrence is not None
            if order.offering.on_request:
                assert not order.occurrence.is_public
                assert order.occurrence.seats_taken == order.seats


def test_documented_provider_editor_and_care_staff_logins(demo):
    editor = authenticate(email="tuottaja@demo.lampio.fi", password=data.DEMO_PASSWORD)
    assert editor is not None
    theirs = Offering.objects.filter(organisation__slug="teatteri-kuiskaus")
    assert theirs.count() >= 3
    assert all(can(editor, Action.PUBLISH, offering) for offering in theirs)
    assert not can(editor, Action.PUBLISH, Offering.objects.exclude(pk__in=theirs).first())
    carer = authenticate(email="hoiva@demo.lampio.fi", password=data.DEMO_PASSWORD)
    assert carer is not None
    states = {order.status for order in orders_of_units(carer)}
    assert states == {OrderStatus.PENDING, OrderStatus.PROPOSED, OrderStatus.ACCEPTED}
    assert {order.unit.slug for order in orders_of_units(carer)} == {"koskelan-palvelukoti"}
    for email, *_rest in ORDERING_STAFF:
        user = authenticate(email=email, password=data.DEMO_PASSWORD)
        assert user is not None and orders_of_units(user).exists(), email


def test_public_search_finds_the_demo_in_every_city(demo):
    for city in CITIES:
        assert search_occurrences(OfferingFilters(municipality=city)).exists(), city
        assert search_occurrences(
            OfferingFilters(municipality=city, online=True, audience=Audience.CARE_UNITS)
        ).exists(), city
    assert search_occurrences(OfferingFilters(keyword="concerts", free=False)).exists()


def test_a_missing_or_deprecated_keyword_does_not_stop_the_demo(demo):
    concerts = Keyword.objects.get(key="concerts")
    Keyword.objects.filter(key="music").update(is_deprecated=True, replaced_by=concerts)
    Keyword.objects.filter(key="reminiscence").delete()
    load_offerings(organisations=organisations())
    assert not (
        Offering.objects.exclude(title_fi__in=DIGITAL)
        .filter(keywords__key__in=["music", "reminiscence"])
        .exists()
    )
    singing = Offering.objects.get(title_fi="Yhteislaulua hoivakoteihin verkossa")
    assert set(singing.keywords.values_list("key", flat=True)) == {
        "community-singing",
        "choirs",
        "concerts",
    }
    Keyword.objects.all().delete()
    assert load_offerings(organisations=organisations()).offerings == len(OFFERINGS)


def test_a_later_day_adds_only_the_days_that_came_into_the_window(demo):
    before = set(Occurrence.objects.values_list("offering_id", "starts_at"))
    later = timezone.now() + timedelta(days=7)
    load_offerings(organisations=organisations(), now=later, today=timezone.localdate(later))
    after = list(Occurrence.objects.filter(is_public=True).values_list("offering_id", "starts_at"))
    assert len(after) == len(set(after))  # no time twice
    added = {row for row in after if row not in before}
    assert added
    edge = timezone.localdate() + timedelta(days=WINDOW_DAYS)
    assert all(timezone.localdate(starts_at) > edge for _offering, starts_at in added)
