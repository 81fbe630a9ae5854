"""The provider's times: one time, a weekly schedule with its preview, and changes of plan
with the list of who is coming."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from lampio.core.timeranges import local_datetime
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    OrderStatus,
)
from lampio.offerings.staff_time_forms import parse_dates
from lampio.offerings.tests.staff import url
from lampio.tenancy.models import OrganisationKind, Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]


@pytest.fixture
def offering(provider, make_offering):
    return make_offering(provider, occurrences=1, capacity=4)


def next_monday() -> date:
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


def test_one_time_is_added_in_local_time(editor_client, editor, provider, offering):
    day = next_monday() + timedelta(days=14)
    response = editor_client.post(
        url("times", provider, offering_id=offering.pk),
        {"date": day.isoformat(), "starts": "17:30", "ends": "19:00", "capacity": "12"},
    )
    assert response.status_code == 302
    added = offering.occurrences.get(capacity=12)
    assert added.starts_at == local_datetime(day, time(17, 30))
    assert added.ends_at == local_datetime(day, time(19))
    assert LogEntry.objects.get_for_object(added).get().actor == editor


def test_an_end_before_the_start_is_the_next_day(editor_client, provider, offering):
    day = next_monday() + timedelta(days=14)
    editor_client.post(
        url("times", provider, offering_id=offering.pk),
        {"date": day.isoformat(), "starts": "22:00", "ends": "01:00", "capacity": "50"},
    )
    added = offering.occurrences.get(capacity=50)
    assert added.ends_at == local_datetime(day + timedelta(days=1), time(1))


def test_a_time_in_the_past_comes_back_on_the_start_field_with_input_kept(
    editor_client, provider, offering
):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = editor_client.post(
        url("times", provider, offering_id=offering.pk),
        {"date": yesterday.isoformat(), "starts": "10:00", "ends": "11:00", "capacity": "9"},
    )
    assert response.status_code == 200
    assert "starts" in response.context["form"].errors
    html = response.content.decode()
    assert f'value="{yesterday.isoformat()}"' in html and 'value="9"' in html
    assert offering.occurrences.count() == 1


def test_the_times_page_lists_times_with_seats_and_waiting(editor_client, provider, offering):
    occurrence = offering.occurrences.get()
    response = editor_client.get(url("times", provider, offering_id=offering.pk))
    assert response.status_code == 200
    assert list(response.context["occurrences"]) == [occurrence]
    assert url("occurrence", provider, occurrence_id=occurrence.pk) in response.content.decode()


def weekly_post(first: date, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "first_date": first.isoformat(),
        "starts": "17:00",
        "ends": "18:30",
        "weekdays": ["0", "2"],
        "interval": "1",
        "last_date": (first + timedelta(days=20)).isoformat(),
        "skip_dates": (first + timedelta(days=9)).strftime("%d.%m.%Y"),
        "capacity": "15",
    }
    data.update(changes)
    return data


def test_a_weekly_schedule_is_previewed_before_it_is_added(editor_client, provider, offering):
    first = next_monday()
    weekly = url("weekly", provider, offering_id=offering.pk)
    assert editor_client.get(weekly).status_code == 200
    response = editor_client.post(weekly, {**weekly_post(first), "action": "preview"})
    assert response.status_code == 200
    # Mondays and Wednesdays for three weeks, less the skipped Wednesday of the second week.
    expected = [first + timedelta(days=n) for n in (0, 2, 7, 14, 16)]
    rows = response.context["preview"]
    assert [row.start.date() for row in rows] == expected
    assert all(row.start.astimezone(timezone.get_current_timezone()).hour == 17 for row in rows)
    assert response.context["new_count"] == 5
    assert offering.occurrences.count() == 1  # nothing is added by the preview
    html = response.content.decode()
    assert 'name="weekdays" value="2"' in html and 'value="confirm"' in html
    # "Change" brings the form back filled in.
    response = editor_client.post(weekly, {**weekly_post(first), "action": "change"})
    assert "preview" not in response.context and 'value="15"' in response.content.decode()
    # Confirming adds the five times in one series.
    response = editor_client.post(weekly, {**weekly_post(first), "action": "confirm"})
    assert response.status_code == 302
    added = offering.occurrences.filter(series__isnull=False).order_by("starts_at")
    assert [o.starts_at for o in added] == [local_datetime(day, time(17)) for day in expected]
    assert {o.capacity for o in added} == {15}
    assert all(o.ends_at - o.starts_at == timedelta(minutes=90) for o in added)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weekdays": []}, "weekdays"),
        ({"interval": "9"}, "interval"),
        ({"skip_dates": "joulupäivä"}, "skip_dates"),
        ({"last_date": "2000-01-01"}, "last_date"),
        ({"ends": "17:00"}, "ends"),
        ({"first_date": (timezone.localdate() - timedelta(days=1)).isoformat()}, "starts"),
    ],
)
def test_schedule_mistakes_come_back_on_their_field(
    editor_client, provider, offering, changes, field
):
    weekly = url("weekly", provider, offering_id=offering.pk)
    data = {**weekly_post(next_monday()), **changes, "action": "preview"}
    response = editor_client.post(weekly, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "preview" not in response.context


def test_a_schedule_that_gives_no_times_is_refused_at_the_preview(
    editor_client, provider, offering
):
    first = next_monday()
    data = weekly_post(first, weekdays=["6"], last_date=first.isoformat(), action="preview")
    response = editor_client.post(url("weekly", provider, offering_id=offering.pk), data)
    assert "weekdays" in response.context["form"].errors
    assert "preview" not in response.context


def test_a_schedule_of_too_many_times_is_refused_at_the_preview(editor_client, provider, offering):
    first = next_monday()
    data = weekly_post(
        first,
        weekdays=[str(day) for day in range(7)],
        last_date=(first + timedelta(days=400)).isoformat(),
        action="preview",
    )
    response = editor_client.post(url("weekly", provider, offering_id=offering.pk), data)
    assert "last_date" in response.context["form"].errors


def test_skip_dates_are_read_in_both_notations():
    assert parse_dates("24.12.2026\n2026-12-31, 1.1.2027") == [
        date(2026, 12, 24),
        date(2026, 12, 31),
        date(2027, 1, 1),
    ]


@pytest.fixture
def occurrence(offering):
    return offering.occurrences.get()


def enrol(occurrence, person, seats, status):
    return Enrolment.objects.create(
        occurrence=occurrence, person=person, seats=seats, status=status
    )


def test_the_participant_list_shows_people_in_queue_order_and_is_audited(
    editor_client, editor, provider, occurrence, make_user, make_organisation
):
    first = make_user(first_name="Aino", last_name="Ensimmäinen")
    second = make_user(first_name="Bertta", last_name="Jonossa")
    third = make_user(first_name="Cecilia", last_name="Toinen")
    enrol(occurrence, first, 2, EnrolmentStatus.CONFIRMED)
    enrol(occurrence, second, 3, EnrolmentStatus.WAITLISTED)
    enrol(occurrence, third, 1, EnrolmentStatus.WAITLISTED)
    enrol(occurrence, make_user(first_name="Peruttu"), 1, EnrolmentStatus.CANCELLED)
    GroupOrder.objects.create(
        offering=occurrence.offering,
        occurrence=occurrence,
        unit=make_organisation(kind=OrganisationKind.CARE_UNIT),
        group_size=2,
        status=OrderStatus.ACCEPTED,
    )
    response = editor_client.get(url("occurrence", provider, occurrence_id=occurrence.pk))
    assert response.status_code == 200
    participants = response.context["participants"]
    assert [e.person for e in participants.confirmed] == [first]
    assert [e.person for e in participants.waiting] == [second, third]
    assert (participants.confirmed_seats, participants.waiting_seats) == (2, 4)
    assert len(participants.orders) == 1
    html = response.content.decode()
    assert first.email in html and "Bertta Jonossa" in html and "Peruttu" not in html
    access = LogEntry.objects.get_for_object(occurrence).filter(action=LogEntry.Action.ACCESS)
    assert access.get().actor == editor


def test_more_seats_promote_the_waiting_list(editor_client, provider, occurrence, make_user):
    Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=4)
    waiting = enrol(occurrence, make_user(), 2, EnrolmentStatus.WAITLISTED)
    response = editor_client.post(
        url("occurrence_capacity", provider, occurrence_id=occurrence.pk), {"seats-capacity": "6"}
    )
    assert response.status_code == 302
    occurrence.refresh_from_db()
    waiting.refresh_from_db()
    assert (occurrence.capacity, occurrence.seats_taken) == (6, 6)
    assert waiting.status == EnrolmentStatus.CONFIRMED


def test_fewer_seats_than_taken_is_refused_next_to_the_field(editor_client, provider, occurrence):
    Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=3)
    response = editor_client.post(
        url("occurrence_capacity", provider, occurrence_id=occurrence.pk), {"seats-capacity": "2"}
    )
    assert response.status_code == 200
    assert "capacity" in response.context["capacity_form"].errors
    assert 'value="2"' in response.content.decode()
    occurrence.refresh_from_db()
    assert occurrence.capacity == 4


def test_cancelling_needs_a_notice_and_then_saves_it(editor_client, provider, occurrence):
    status_url = url("occurrence_status", provider, occurrence_id=occurrence.pk)
    response = editor_client.post(status_url, {"status-status": OccurrenceStatus.CANCELLED})
    assert response.status_code == 200
    assert "notice_fi" in response.context["status_form"].errors
    response = editor_client.post(
        status_url,
        {
            "status-status": OccurrenceStatus.CANCELLED,
            "status-notice_fi": "Esiintyjä sairastui.",
            "status-notice_sv": "Artisten insjuknade.",
        },
    )
    assert response.status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.status == OccurrenceStatus.CANCELLED
    assert (occurrence.notice_fi, occurrence.notice_sv) == (
        "Esiintyjä sairastui.",
        "Artisten insjuknade.",
    )


def test_moving_online_needs_the_link_on_the_offering(editor_client, provider, occurrence):
    status_url = url("occurrence_status", provider, occurrence_id=occurrence.pk)
    data = {"status-status": OccurrenceStatus.MOVED_ONLINE, "status-notice_fi": "Verkossa."}
    response = editor_client.post(status_url, data)
    assert "status" in response.context["status_form"].errors
    offering = occurrence.offering
    offering.online_url, offering.format = "https://example.fi/live", Format.HYBRID
    offering.save()
    assert editor_client.post(status_url, data).status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.status == OccurrenceStatus.MOVED_ONLINE


def test_rescheduling_moves_the_time_and_keeps_input_on_errors(editor_client, provider, occurrence):
    move = url("occurrence_reschedule", provider, occurrence_id=occurrence.pk)
    day = next_monday() + timedelta(days=21)
    data = {"move-date": day.isoformat(), "move-starts": "12:00", "move-ends": "13:30"}
    response = editor_client.post(move, data)
    assert response.status_code == 200
    assert "notice_fi" in response.context["reschedule_form"].errors
    assert 'value="13:30"' in response.content.decode()
    response = editor_client.post(move, {**data, "move-notice_fi": "Siirtyy viikolla."})
    assert response.status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.starts_at == local_datetime(day, time(12))
    assert occurrence.status == OccurrenceStatus.RESCHEDULED


def test_times_of_another_organisation_are_not_found(
    client, provider, offering, occurrence, make_organisation, make_member, make_offering
):
    other = make_organisation()
    client.force_login(make_member(other, role=Role.ADMIN))
    assert client.get(url("times", provider, offering_id=offering.pk)).status_code == 404
    assert client.get(url("occurrence", provider, occurrence_id=occurrence.pk)).status_code == 404
    # Under their own address, B's time is not found either, and nothing changes.
    assert client.get(url("occurrence", other, occurrence_id=occurrence.pk)).status_code == 404
    assert client.get(url("weekly", other, offering_id=offering.pk)).status_code == 404
    response = client.post(
        url("occurrence_capacity", other, occurrence_id=occurrence.pk), {"seats-capacity": "99"}
    )
    assert response.status_code == 404
    occurrence.refresh_from_db()
    assert occurrence.capacity == 4
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_a_time_with_an_enrolment_window(editor_client, provider, offering):
    day = next_monday() + timedelta(days=14)
    data = {
        "date": day.isoformat(),
        "starts": "18:00",
        "ends": "20:00",
        "capacity": "30",
        "enrolment_opens_at": f"{(day - timedelta(days=7)).isoformat()}T09:00",
        "enrolment_closes_at": f"{(day - timedelta(days=8)).isoformat()}T12:00",
    }
    response = editor_client.post(url("times", provider, offering_id=offering.pk), data)
    assert "enrolment_closes_at" in response.context["form"].errors
    data["enrolment_closes_at"] = f"{(day - timedelta(days=1)).isoformat()}T12:00"
    assert (
        editor_client.post(url("times", provider, offering_id=offering.pk), data).status_code == 302
    )
    added = offering.occurrences.get(capacity=30)
    assert added.enrolment_opens_at == local_datetime(day - timedelta(days=7), time(9))
    assert added.enrolment_closes_at == local_datetime(day - timedelta(days=1), time(12))


def test_the_preview_keeps_the_wall_clock_time_across_the_change_to_winter_time(
    editor_client, provider, offering
):
    # Daylight saving time ends on Sunday 27 October 2030.
    first = date(2030, 10, 21)
    data = weekly_post(
        first, weekdays=["0"], last_date="2030-11-04", skip_dates="", action="preview"
    )
    response = editor_client.post(url("weekly", provider, offering_id=offering.pk), data)
    rows = response.context["preview"]
    assert [row.start for row in rows] == [
        local_datetime(date(2030, 10, 21), time(17)),
        local_datetime(date(2030, 10, 28), time(17)),
        local_datetime(date(2030, 11, 4), time(17)),
    ]
    assert rows[1].start - rows[0].start == timedelta(days=7, hours=1)
    assert "ma 28.10.2030 17:00–18:30" in response.content.decode()
