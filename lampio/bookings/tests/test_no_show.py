"""Staff mark an ended, confirmed booking as not used, and undo it; the change is audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from lampio.bookings import no_show_services
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.errors import Conflict, PermissionDenied
from lampio.tenancy.access import org_url_kwargs

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(make_space: Any, resident: Any) -> Booking:
    starts = timezone.now().replace(microsecond=0) - timedelta(days=1)
    return Booking.objects.create(
        space=make_space(),
        booker=resident,
        status=BookingStatus.CONFIRMED,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        blocked_from=starts,
        blocked_until=starts + timedelta(hours=1),
        purpose="Harjoitukset",
    )


@pytest.fixture
def staff(ended: Booking, make_member: Any) -> Any:
    return make_member(ended.space.venue.organisation)


def test_staff_mark_and_undo_with_audit(ended: Booking, staff: Any) -> None:
    no_show_services.mark_no_show(actor=staff, booking=ended)
    ended.refresh_from_db()
    assert ended.no_show_at is not None
    entry = LogEntry.objects.get_for_object(ended).filter(changes__icontains="no_show_at").first()
    assert entry is not None and entry.actor == staff
    no_show_services.undo_no_show(actor=staff, booking=ended)
    ended.refresh_from_db()
    assert ended.no_show_at is None


def test_only_ended_confirmed_bookings(ended: Booking, staff: Any) -> None:
    with pytest.raises(Conflict):
        no_show_services.mark_no_show(actor=staff, booking=ended, now=ended.starts_at)
    Booking.objects.filter(pk=ended.pk).update(status=BookingStatus.CANCELLED)
    with pytest.raises(Conflict):
        no_show_services.mark_no_show(actor=staff, booking=ended)


def test_others_may_not_mark(
    ended: Booking, resident: Any, make_member: Any, make_organisation: Any
) -> None:
    for actor in (resident, make_member(make_organisation())):
        with pytest.raises(PermissionDenied):
            no_show_services.mark_no_show(actor=actor, booking=ended)


def test_calendar_button_marks(client: Any, ended: Booking, staff: Any, settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(staff)
    org = ended.space.venue.organisation
    day = timezone.localtime(ended.starts_at).date()
    page = client.get(reverse("bookings_staff:calendar", kwargs=org_url_kwargs(org)), {"week": day})
    url = reverse("bookings_staff:no_show", kwargs={**org_url_kwargs(org), "booking_id": ended.pk})
    assert url in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    ended.refresh_from_db()
    assert ended.no_show_at is not None
    client.post(url, {"undo": "1"})
    ended.refresh_from_db()
    assert ended.no_show_at is None
