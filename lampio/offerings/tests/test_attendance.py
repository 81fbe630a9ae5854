"""The provider records how many people came; audited, only once the time has started."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from lampio.core.errors import InvalidInput, NotFound
from lampio.offerings import services
from lampio.offerings.models import Occurrence
from lampio.tenancy.access import org_url_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]


@pytest.fixture
def past(make_offering: Any, provider: Any) -> Occurrence:
    offering = make_offering(organisation=provider, occurrences=0)
    starts = timezone.now() - timedelta(days=1)
    return Occurrence.objects.create(
        offering=offering, starts_at=starts, ends_at=starts + timedelta(hours=2), capacity=20
    )


def test_record_and_clear_with_audit(past: Occurrence, editor: Any) -> None:
    services.record_attendance(actor=editor, occurrence=past, attendance=14)
    past.refresh_from_db()
    assert past.attendance == 14
    entry = LogEntry.objects.get_for_object(past).filter(changes__icontains="attendance").first()
    assert entry is not None and entry.actor == editor
    services.record_attendance(actor=editor, occurrence=past, attendance=None)
    past.refresh_from_db()
    assert past.attendance is None


def test_not_before_the_start_and_not_by_others(
    past: Occurrence, editor: Any, make_member: Any, make_organisation: Any
) -> None:
    with pytest.raises(InvalidInput):
        services.record_attendance(
            actor=editor, occurrence=past, attendance=3, now=past.starts_at - timedelta(hours=1)
        )
    with pytest.raises(NotFound):
        services.record_attendance(
            actor=make_member(make_organisation()), occurrence=past, attendance=3
        )


def test_the_occurrence_page_form(editor_client: Any, past: Occurrence, provider: Any) -> None:
    kwargs = {**org_url_kwargs(provider), "occurrence_id": past.pk}
    page = editor_client.get(reverse("offerings_staff:occurrence", kwargs=kwargs))
    url = reverse("offerings_staff:occurrence_attendance", kwargs=kwargs)
    assert url in page.content.decode()
    response = editor_client.post(url, {"came-attendance": "-2"})
    assert response.status_code == 200 and "came-attendance" in response.content.decode()
    response = editor_client.post(url, {"came-attendance": "12"})
    assert response.status_code == 302
    past.refresh_from_db()
    assert past.attendance == 12
