"""The provider's writes: offerings, schedules and changes of plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from auditlog.models import LogEntry

from lampio.accounts.models import User
from lampio.core.errors import InvalidInput, NotFound
from lampio.core.multilingual import Translated
from lampio.core.timeranges import LOCAL_ZONE, local_datetime
from lampio.offerings.models import (
    Audience,
    Format,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingStatus,
)
from lampio.offerings.services import (
    OccurrencePlan,
    OfferingDetails,
    WeeklySchedule,
    add_occurrence,
    add_weekly_occurrences,
    create_offering,
    publish_offering,
    reschedule_occurrence,
    update_offering,
)
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db

# 2026 daylight saving ends on Sunday 25 October; "now" is well before the series.
NOW = local_datetime(date(2026, 9, 1), time(12))


@pytest.fixture
def museum(make_organisation: Callable[..., Organisation]) -> Organisation:
    return make_organisation()


@pytest.fixture
def editor(museum: Organisation, make_member: Callable[..., User]) -> User:
    return make_member(museum, role="provider_editor")


def details(**overrides: object) -> OfferingDetails:
    values: dict[str, object] = {
        "title": Translated(fi="Kuvataidekoulun työpaja", sv="Bildkonstverkstad"),
        "format": Format.ON_SITE,
        "location": "Taidemuseo, Kasarmintie 7",
        "audiences": [Audience.CHILDREN, Audience.SCHOOLS],
        "languages": ["fi", "sv"],
    }
    values.update(overrides)
    return OfferingDetails(**values)  # type: ignore[arg-type]


def test_new_offering_is_an_audited_draft_with_audiences_and_languages(
    museum: Organisation, editor: User
) -> None:
    offering = create_offering(actor=editor, organisation=museum, details=details())

    assert offering.status == OfferingStatus.DRAFT
    assert offering.title_sv == "Bildkonstverkstad"
    assert set(offering.audience_rows.values_list("audience", flat=True)) == {
        "children",
        "schools",
    }
    assert LogEntry.objects.get_for_object(offering).get().actor == editor

    update_offering(actor=editor, offering=offering, details=details(audiences=["adults"]))
    assert list(offering.audience_rows.values_list("audience", flat=True)) == ["adults"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": Translated(sv="Bara svenska")}, "title_fi"),
        ({"location": ""}, "venue"),
        ({"format": Format.LIVE_STREAM, "location": ""}, "online_url"),
        ({"is_free": False}, "price"),
        ({"age_min": 12, "age_max": 6}, "age_max"),
        ({"on_request": True}, "allows_group_orders"),
        ({"min_group_size": 10, "max_group_size": 5}, "max_group_size"),
    ],
)
def test_invalid_offering_is_refused_with_the_field_named(
    museum: Organisation, editor: User, overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_offering(actor=editor, organisation=museum, details=details(**overrides))

    assert refused.value.field == field
    assert not Offering.objects.exists()


def test_other_organisations_staff_and_care_staff_cannot_publish(
    museum: Organisation, make_member: Callable[..., User], make_organisation: Callable
) -> None:
    for outsider in (
        make_member(make_organisation(), role="admin"),
        make_member(museum, role="care_staff"),
    ):
        with pytest.raises(NotFound):
            create_offering(actor=outsider, organisation=museum, details=details())


def test_publishing_needs_an_upcoming_time(museum: Organisation, editor: User) -> None:
    offering = create_offering(actor=editor, organisation=museum, details=details())

    with pytest.raises(InvalidInput):
        publish_offering(actor=editor, offering=offering, now=NOW)
    add_occurrence(
        actor=editor,
        offering=offering,
        plan=OccurrencePlan(NOW + timedelta(days=3), NOW + timedelta(days=3, hours=2), 15),
        now=NOW,
    )
    publish_offering(actor=editor, offering=offering, now=NOW)

    assert offering.status == OfferingStatus.PUBLISHED


def test_weekly_series_keeps_the_local_time_across_the_daylight_saving_change(
    museum: Organisation, editor: User
) -> None:
    offering = create_offering(actor=editor, organisation=museum, details=details())
    first = local_datetime(date(2026, 10, 13), time(17, 30))  # a Tuesday
    schedule = WeeklySchedule(
        first=OccurrencePlan(first, first + timedelta(hours=1, minutes=30), capacity=12),
        weekdays=[1, 3],  # Tuesdays and Thursdays
        until=local_datetime(date(2026, 11, 5), time(23)),
        skip_dates=[date(2026, 10, 22)],
    )

    made = add_weekly_occurrences(actor=editor, offering=offering, schedule=schedule, now=NOW)

    local_starts = [occurrence.starts_at.astimezone(LOCAL_ZONE) for occurrence in made]
    assert [start.date() for start in local_starts] == [
        date(2026, 10, 13),
        date(2026, 10, 15),
        date(2026, 10, 20),
        date(2026, 10, 27),
        date(2026, 10, 29),
        date(2026, 11, 3),
        date(2026, 11, 5),
    ]
    assert {start.time() for start in local_starts} == {time(17, 30)}
    assert all(o.ends_at - o.starts_at == timedelta(minutes=90) for o in made)
    assert len({occurrence.series_id for occurrence in made}) == 1


def test_weekly_series_has_a_limit(museum: Organisation, editor: User) -> None:
    offering = create_offering(actor=editor, organisation=museum, details=details())
    first = NOW + timedelta(days=1)

    with pytest.raises(InvalidInput) as refused:
        add_weekly_occurrences(
            actor=editor,
            offering=offering,
            schedule=WeeklySchedule(
                first=OccurrencePlan(first, first + timedelta(hours=1), 10),
                weekdays=list(range(7)),
                until=first + timedelta(days=365),
            ),
            now=NOW,
        )

    assert refused.value.field == "until"
    assert not Occurrence.objects.exists()


def test_rescheduling_moves_the_time_and_tells_the_enrolled(
    make_offering: Callable[..., Offering], make_member: Callable[..., User]
) -> None:
    offering = make_offering()
    occurrence = offering.occurrences.get()
    editor = make_member(offering.organisation, role="provider_editor")
    later = occurrence.starts_at + timedelta(days=1)

    reschedule_occurrence(
        actor=editor,
        occurrence=occurrence,
        starts_at=later,
        ends_at=later + timedelta(hours=2),
        notice=Translated(fi="Siirtyy keskiviikolle."),
    )

    occurrence.refresh_from_db()
    assert occurrence.starts_at == later
    assert occurrence.status == OccurrenceStatus.RESCHEDULED
    assert occurrence.notice_fi == "Siirtyy keskiviikolle."


def test_occurrence_times_are_checked(museum: Organisation, editor: User) -> None:
    offering = create_offering(actor=editor, organisation=museum, details=details())
    naive = datetime(2026, 12, 1, 10)
    for plan, field in [
        (OccurrencePlan(NOW - timedelta(days=1), NOW, 10), "starts_at"),
        (OccurrencePlan(NOW + timedelta(days=2), NOW + timedelta(days=1), 10), "ends_at"),
        (OccurrencePlan(NOW + timedelta(days=1), NOW + timedelta(days=1, hours=1), 0), "capacity"),
        (OccurrencePlan(naive, naive + timedelta(hours=1), 10), "starts_at"),
    ]:
        with pytest.raises(InvalidInput) as refused:
            add_occurrence(actor=editor, offering=offering, plan=plan, now=NOW)
        assert refused.value.field == field


def test_an_offering_without_enrolment_or_orders_is_a_drop_in(
    museum: Organisation, editor: User
) -> None:
    offering = create_offering(
        actor=editor,
        organisation=museum,
        details=details(allows_enrolment=False, allows_group_orders=False),
    )

    assert offering.is_drop_in
