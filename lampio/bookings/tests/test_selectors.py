from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from lampio.bookings import free_time, selectors, services
from lampio.core.timeranges import Interval, local_datetime
from lampio.spaces.models import OpeningException, Space, Visibility
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def at(hour: int, minute: int = 0) -> object:
    return local_datetime(DAY, time(hour, minute))


def free(wanted: Interval) -> set[str]:
    found = free_time.spaces_free_between(Space.objects.all(), wanted, now=NOW)
    return {space.slug for space in found}


def test_free_between_respects_buffers_hours_exceptions_and_window(make_space, resident):
    buffered = make_space(slug="buffered", buffer_after_minutes=60)
    services.book_space(
        actor=resident,
        space=buffered,
        starts_at=at(10),
        ends_at=at(12),
        purpose="Kuoro",
        attendees=5,
        now=NOW,
    )
    make_space(slug="evening", opens=time(17), closes=time(22))
    closed = make_space(slug="closed")
    OpeningException.objects.create(space=closed, date=DAY, is_closed=True)
    make_space(slug="short-window", booking_opens_days=3)

    assert free(Interval(at(12, 30), at(13, 30))) == set()  # buffer, hours, closed, window
    assert free(Interval(at(13), at(14))) == {"buffered"}
    assert free(Interval(at(18), at(19))) == {"buffered", "evening"}


def test_free_between_uses_a_fixed_number_of_queries(make_space, django_assert_max_num_queries):
    for _ in range(12):
        make_space(buffer_before_minutes=15)
    with django_assert_max_num_queries(5):
        assert len(free(Interval(at(18), at(19)))) == 12


def test_colleagues_see_who_is_in_only_when_people_opted_in(
    make_space, make_organisation, make_member, resident, client
):
    team = make_organisation()
    desk = make_space(organisation=team, visibility=Visibility.MEMBERS)
    shown = make_member(team, role=Role.VIEWER, first_name="Kaisa", last_name="Kuvaaja")
    hidden = make_member(team, role=Role.VIEWER, first_name="Pekka", last_name="Piilossa")
    day = timezone.localdate() + timedelta(days=10)  # within the range the space page shows
    for person, hour, show in ((shown, 9, True), (hidden, 12, False)):
        services.book_space(
            actor=person,
            space=desk,
            starts_at=local_datetime(day, time(hour)),
            ends_at=local_datetime(day, time(hour + 2)),
            purpose="Etätyöpäivä",
            attendees=1,
            show_to_colleagues=show,
        )
    colleague = make_member(team, role=Role.VIEWER)
    names = [c.name for c in selectors.colleagues_in(actor=colleague, space=desk, day=day)]
    assert names == ["Kaisa Kuvaaja"]
    assert selectors.colleagues_in(actor=resident, space=desk, day=day) == []

    client.force_login(colleague)
    page = client.get(f"/fi/spaces/{desk.pk}/?date={day.isoformat()}").content.decode()
    assert "Kaisa Kuvaaja" in page and "Pekka Piilossa" not in page


def test_the_choice_is_not_stored_for_public_spaces(make_space, resident):
    hall = make_space()
    booking = services.book_space(
        actor=resident,
        space=hall,
        starts_at=at(9),
        ends_at=at(10),
        purpose="Kokous",
        attendees=3,
        show_to_colleagues=True,
        now=NOW,
    )
    assert booking.show_to_colleagues is False


def test_the_free_time_rule_reads_the_fields_availability_reads_in_their_order():
    from lampio.spaces.selectors import AVAILABILITY_FIELDS

    assert free_time.FreeRule._fields == AVAILABILITY_FIELDS
