"""The live side of the demo's digital sessions: broadcasts, chat, reactions, viewers, feedback,
the recording with its captions, and season packages (data: digital_talk.py).

Part of the digital demo (digital.py); each piece is added only where it is missing, so a second
run adds nothing. Counts come from a seeded random generator, so every run makes the same demo.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile

from lampio.accounts.models import User
from lampio.demo.digital_talk import (
    ANSWERED,
    CAPTIONS,
    CHAT,
    FEEDBACK,
    HIDDEN,
    PACKAGE_BUYER,
    PLANS,
    RECORDING_URL,
    TRANSCRIPT,
    DigitalOrder,
    season,
)
from lampio.digital.models import (
    Broadcast,
    CaptionLanguage,
    ChatMessage,
    MessageKind,
    PackagePlan,
    PackageUse,
    ReactionCount,
    ReactionKind,
    Recording,
    SeasonPackage,
    SessionFeedback,
    Viewer,
)
from lampio.offerings.models import GroupOrder, Occurrence
from lampio.tenancy.models import Membership, Organisation, Role

SEED = "lampio-demo-digital"
# People watching the live session who chose to show their name to the performer.
NAMED_VIEWERS = ("Laura", "Juha", "Helmi")


def load_interaction(
    live: Occurrence, ended: Occurrence, *, users: Mapping[str, User], now: datetime
) -> None:
    rng = random.Random(SEED)
    offering = live.offering
    # A broadcast the demo started on an earlier run ends with its time, as the provider would
    # have ended it; otherwise it would still read "live" on a later day.
    for stale in Broadcast.objects.filter(
        occurrence__offering_id__in=[live.offering_id, ended.offering_id],
        went_live_at__isnull=False,
        ended_at__isnull=True,
        occurrence__ends_at__lte=now,
    ).select_related("occurrence"):
        stale.ended_at = stale.occurrence.ends_at
        stale.save(update_fields=["ended_at"])
    Broadcast.objects.get_or_create(
        occurrence=live,
        defaults={"stream_url": offering.online_url, "went_live_at": live.starts_at},
    )
    Broadcast.objects.get_or_create(
        occurrence=ended,
        defaults={
            "stream_url": ended.offering.online_url,
            "went_live_at": ended.starts_at,
            "ended_at": min(ended.ends_at + timedelta(minutes=2), now),
        },
    )
    _chat(live, users, now)
    ReactionCount.objects.bulk_create(
        [
            ReactionCount(occurrence=live, kind=ReactionKind.APPLAUSE, count=rng.randint(40, 80)),
            ReactionCount(occurrence=live, kind=ReactionKind.HEART, count=rng.randint(12, 30)),
            ReactionCount(occurrence=live, kind=ReactionKind.SMILE, count=rng.randint(5, 20)),
        ],
        ignore_conflicts=True,
    )
    if not Viewer.objects.filter(occurrence=live).exists():
        count = rng.randint(22, 34)
        Viewer.objects.bulk_create(
            Viewer(
                occurrence=live,
                key=hashlib.sha256(f"{SEED}:{live.pk}:{index}".encode()).hexdigest(),
                show_name=index < len(NAMED_VIEWERS),
                display_name=NAMED_VIEWERS[index] if index < len(NAMED_VIEWERS) else "",
                last_seen_at=now,
            )
            for index in range(count)
        )
    if not SessionFeedback.objects.filter(occurrence=ended).exists():
        SessionFeedback.objects.bulk_create(
            SessionFeedback(occurrence=ended, rating=rating, answer=answer)
            for rating, answer in FEEDBACK
        )
    _recording(ended, now)


def _chat(live: Occurrence, users: Mapping[str, User], now: datetime) -> None:
    if ChatMessage.objects.filter(occurrence=live).exists():
        return
    moderator = (
        Membership.objects.filter(
            organisation_id=live.offering.organisation_id, role__in=[Role.ADMIN, Role.STAFF]
        )
        .order_by("role", "pk")
        .values_list("user", flat=True)
        .first()
    )
    minutes_ago, email, text = HIDDEN
    rows = [
        (
            minutes,
            ChatMessage(
                occurrence=live,
                author=users.get(author),
                display_name=shown,
                kind=MessageKind.QUESTION if question else MessageKind.CHAT,
                text=message,
                answered_at=now - timedelta(minutes=minutes - 1) if message == ANSWERED else None,
            ),
        )
        for minutes, author, shown, question, message in CHAT
    ]
    rows.append(
        (
            minutes_ago,
            ChatMessage(
                occurrence=live,
                author=users.get(email),
                text=text,
                is_hidden=True,
                hidden_by_id=moderator,
            ),
        )
    )
    rows.sort(key=lambda row: -row[0])
    ChatMessage.objects.bulk_create([message for _minutes, message in rows])
    # `created_at` is set on insert; the demo spreads the messages over the last minutes.
    for minutes, message in rows:
        ChatMessage.objects.filter(pk=message.pk).update(
            created_at=now - timedelta(minutes=minutes)
        )


def _recording(ended: Occurrence, now: datetime) -> None:
    """The sing-along's recording, with its Finnish captions file saved through the storage."""
    storage = Recording._meta.get_field("captions").storage
    name = f"captions/demo-{CAPTIONS.name}"
    content = CAPTIONS.read_bytes()
    if storage.exists(name):
        with storage.open(name, "rb") as stored:
            same = stored.read() == content
        if not same:
            storage.delete(name)
    if not storage.exists(name):
        name = storage.save(name, ContentFile(content))
    recording = Recording.objects.filter(offering=ended.offering, video_url=RECORDING_URL).first()
    if recording is None:
        recording = Recording(
            offering=ended.offering,
            occurrence=ended,
            video_url=RECORDING_URL,
            captions_language=CaptionLanguage.FINNISH,
            transcript=TRANSCRIPT,
            available_until=now + timedelta(days=60),
        )
    if recording.captions.name != name:
        recording.captions.name = name
        recording.save()


def load_packages(
    organisations: Mapping[tuple[str, str], Organisation],
    users: Mapping[str, User],
    orders: Sequence[tuple[DigitalOrder, GroupOrder]],
    *,
    today: date,
) -> None:
    """Two providers' plans for this season; a care unit's bought package with its uses."""
    names, starts, ends = season(today)
    plans: dict[tuple[str, str], PackagePlan] = {}
    for city, slug, sessions, price, plan_names, description in PLANS:
        provider = organisations[(city, slug)]
        plans[(city, slug)], _created = PackagePlan.objects.update_or_create(
            provider=provider,
            name_fi=f"{names[0]}: {plan_names[0]}",
            defaults={
                "name_sv": f"{names[1]}: {plan_names[1]}",
                "name_en": f"{names[2]}: {plan_names[2]}",
                "description_fi": description[0],
                "description_sv": description[1],
                "description_en": description[2],
                "sessions_included": sessions,
                "price": Decimal(price),
                "season_starts": starts,
                "season_ends": ends,
                "is_on_sale": True,
            },
        )
    unit_key, email, provider_key = PACKAGE_BUYER
    plan = plans[provider_key]
    package, _created = SeasonPackage.objects.get_or_create(
        plan=plan,
        unit=organisations[unit_key],
        defaults={
            "bought_by": users.get(email),
            "sessions_included": plan.sessions_included,
            "price": plan.price,
        },
    )
    if package.uses.exists():
        return
    paid = [
        order
        for spec, order in orders
        if spec.from_package
        and order.unit_id == package.unit_id
        and not PackageUse.objects.filter(order=order).exists()
    ]
    PackageUse.objects.bulk_create(PackageUse(package=package, order=order) for order in paid)
    package.sessions_used = len(paid)
    package.save(update_fields=["sessions_used"])
