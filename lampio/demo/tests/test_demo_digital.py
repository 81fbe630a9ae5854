from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from lampio.accounts.models import User
from lampio.demo import data
from lampio.demo.digital import DIGITAL_OFFERINGS, load_digital
from lampio.digital.audience import may_watch, unit_ids_watching
from lampio.digital.models import (
    Broadcast,
    ChatMessage,
    MessageKind,
    PackagePlan,
    PackageUse,
    ReactionCount,
    Recording,
    SeasonPackage,
    SessionFeedback,
    Viewer,
)
from lampio.digital.phase import Phase, session_phase
from lampio.offerings.models import (
    ONLINE_FORMATS,
    Audience,
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Occurrence,
    Offering,
    OrderStatus,
    PriceBasis,
)
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db

TITLES = [spec.title[0] for spec in DIGITAL_OFFERINGS]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for the module (captions go to a temporary media folder) and roll it
    back at the end; each test still runs in its own transaction inside this one."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        ),
        transaction.atomic(),
    ):
        call_command("load_demo", "--without-history", verbosity=0)
        yield
        transaction.set_rollback(True)


def digital_offerings():
    return Offering.objects.filter(title_fi__in=TITLES)


def digital_times():
    return Occurrence.objects.filter(offering__title_fi__in=TITLES).select_related("offering")


def counts() -> tuple[int, ...]:
    return (
        Offering.objects.count(),
        Occurrence.objects.count(),
        Enrolment.objects.count(),
        GroupOrder.objects.count(),
        Broadcast.objects.count(),
        ChatMessage.objects.count(),
        ReactionCount.objects.count(),
        Viewer.objects.count(),
        SessionFeedback.objects.count(),
        Recording.objects.count(),
        PackagePlan.objects.count(),
        SeasonPackage.objects.count(),
        PackageUse.objects.count(),
        User.objects.count(),
        *Occurrence.objects.aggregate(seats=Sum("seats_taken")).values(),
    )


def test_online_sessions_for_older_people_in_at_least_four_cities(demo):
    offerings = digital_offerings()
    assert 12 <= offerings.count() == len(DIGITAL_OFFERINGS) <= 20
    for_older = offerings.filter(
        format__in=ONLINE_FORMATS, audience_rows__audience=Audience.OLDER_PEOPLE
    ).distinct()
    cities = set(for_older.values_list("organisation__municipality__slug", flat=True))
    assert len(cities) >= 4, cities
    assert set(offerings.values_list("format", flat=True)) == {
        Format.LIVE_STREAM,
        Format.RECORDING,
        Format.HYBRID,
    }
    assert offerings.filter(is_free=True).exists()
    assert offerings.filter(is_free=False, price_basis=PriceBasis.PER_PERSON).exists()
    assert offerings.filter(is_free=False, price_basis=PriceBasis.PER_UNIT).exists()
    for offering in offerings:
        assert offering.online_url.startswith("https://striimi.example.fi/"), offering.title_fi
        assert offering.online_url.endswith("/index.m3u8"), offering.title_fi
        assert offering.title_sv and offering.title_en and offering.short_description_sv
        assert offering.keywords.exists(), offering.title_fi


def test_one_session_is_live_now_with_its_audience_talking(demo):
    now = timezone.now()
    # The one the provider went live with (a regular time may just have reached its start).
    live_now = [o for o in digital_times() if session_phase(o, now) == Phase.LIVE]
    started = [o for o in live_now if Broadcast.objects.filter(occurrence=o).exists()]
    assert len(started) == 1
    live = started[0]
    assert live.starts_at <= now - timedelta(minutes=9) and live.ends_at > now
    assert live.broadcast.went_live_at and live.broadcast.went_live_at <= now
    assert live.broadcast.ended_at is None
    messages = ChatMessage.objects.filter(occurrence=live)
    assert messages.filter(kind=MessageKind.CHAT, is_hidden=False).count() >= 5
    assert messages.filter(kind=MessageKind.QUESTION).exists()
    assert messages.filter(is_hidden=True, hidden_by__isnull=False).exists()
    assert all(message.created_at <= now for message in messages)
    assert ReactionCount.objects.filter(occurrence=live, count__gt=0).count() == 3


def test_a_session_ended_earlier_today_with_anonymous_feedback(demo):
    now = timezone.now()
    ended = Broadcast.objects.get(ended_at__isnull=False).occurrence
    assert session_phase(ended, now) == Phase.ENDED
    assert now - timedelta(hours=12) < ended.ends_at <= now
    feedback = SessionFeedback.objects.filter(occurrence=ended)
    assert feedback.count() >= 6
    assert feedback.exclude(answer="").count() >= 6
    assert all(1 <= row.rating <= 5 for row in feedback)


def test_later_today_and_tomorrows_streamed_concert_at_two(demo):
    now = timezone.now()
    today = timezone.localdate(now)
    later = digital_times().filter(starts_at__gt=now, starts_at__lt=now + timedelta(hours=24))
    assert later.count() >= 5
    tomorrow = [
        occurrence
        for occurrence in digital_times().filter(offering__keywords__key="concerts")
        if timezone.localdate(occurrence.starts_at) == today + timedelta(days=1)
        and timezone.localtime(occurrence.starts_at).time() == time(14, 0)
    ]
    assert len(tomorrow) == 1
    concert = tomorrow[0]
    assert concert.offering.format in ONLINE_FORMATS and concert.offering.allows_enrolment
    senior = authenticate(email="seniori@demo.lampio.fi", password=data.DEMO_PASSWORD)
    assert senior is not None
    assert concert.enrolments.filter(person=senior, status=EnrolmentStatus.CONFIRMED).exists()
    assert may_watch(senior, concert)


def test_recording_with_webvtt_captions_and_a_transcript(demo):
    recording = Recording.objects.get(offering__title_fi__in=TITLES)
    assert recording.is_published and recording.transcript.strip()
    assert recording.captions_language == "fi"
    with recording.captions.open("rb") as captions:
        text = captions.read().decode()
    assert text.startswith("WEBVTT")
    assert text.count(" --> ") >= 8
    assert recording.occurrence and recording.occurrence.ends_at <= timezone.now()


def test_care_unit_has_accepted_orders_this_week_and_a_season_package(demo):
    now = timezone.now()
    carer = User.objects.get(email="hoiva@demo.lampio.fi")
    unit = Organisation.objects.get(slug="koskelan-palvelukoti")
    week = GroupOrder.objects.filter(
        unit=unit,
        status=OrderStatus.ACCEPTED,
        occurrence__ends_at__gt=now,
        occurrence__starts_at__lt=now + timedelta(days=7),
        offering__title_fi__in=TITLES,
    )
    assert week.count() >= 4
    live = next(o.occurrence for o in week if session_phase(o.occurrence, now) == Phase.LIVE)
    assert unit_ids_watching(carer, live) == [unit.pk] and may_watch(carer, live)
    package = SeasonPackage.objects.get(unit=unit)
    assert package.sessions_used == package.uses.count() == 2
    for use in package.uses.select_related("order__offering"):
        assert use.order.status == OrderStatus.ACCEPTED
        assert use.order.offering.organisation_id == package.plan.provider_id
    providers = set(PackagePlan.objects.values_list("provider", flat=True))
    assert len(providers) >= 2
    assert not PackagePlan.objects.filter(name_sv="").exists()
    assert not PackagePlan.objects.filter(name_en="").exists()


def test_seats_taken_equal_the_seats_held(demo):
    for occurrence in digital_times():
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


def test_loading_again_adds_nothing(demo):
    first = counts()
    call_command("load_demo", "--without-history", verbosity=0)
    assert counts() == first


def test_a_later_day_has_a_new_live_session_and_no_time_twice(demo):
    organisations = {
        (o.municipality.slug, o.slug): o
        for o in Organisation.objects.select_related("municipality")
    }
    later = timezone.now() + timedelta(days=1)
    load_digital(organisations=organisations, now=later)
    live = [
        o
        for o in digital_times().filter(broadcast__isnull=False)
        if session_phase(o, later) == Phase.LIVE
    ]
    assert len(live) == 1 and live[0].starts_at > timezone.now()  # yesterday's one has ended
    rows = list(digital_times().values_list("offering_id", "starts_at"))
    assert len(rows) == len(set(rows))
