"""Setup the residents' assistant tests share: the seed knowledge in the database, a city whose
feedback desk answers the assistant, and staff on duty there.

Plain functions; each test module wraps them in its own fixtures.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from lampio.accounts.models import User
from lampio.assistant.models import DutyShift
from lampio.assistant.services.seeding import seed_knowledge
from lampio.feedback.models import Jurisdiction
from lampio.feedback.services.setup import set_up_feedback
from lampio.tenancy.models import Municipality, Organisation


def load_seed_knowledge() -> None:
    """The seed knowledge base, published, as `load_assistant_knowledge` loads it."""
    seed_knowledge(publish=True)


def set_up_desk(city: Municipality, desk: Organisation) -> Jurisdiction:
    return set_up_feedback(
        municipality=city, fallback_organisation=desk, open311_id=f"{city.slug}.example.fi"
    )


def put_on_duty(staff: User, desk: Organisation) -> DutyShift:
    now = timezone.now()
    return DutyShift.objects.create(
        user=staff,
        organisation=desk,
        started_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(hours=2),
    )
