"""Helpers of the round-answering tests: a round of the seeded capability survey with one
participating organisation, and a complete set of answers to it."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.utils import timezone

from lampio.surveys.engine.answer_forms import row_field_name
from lampio.surveys.engine.seed import ensure_capability_questionnaire
from lampio.surveys.models import Round, RoundParticipant
from lampio.tenancy.models import Organisation

SKILL_ROWS = [
    "video-meetings",
    "cloud-documents",
    "publishing-online",
    "booking-systems",
    "data-decisions",
    "information-security",
    "accessible-content",
]


def make_participant(
    organisation: Organisation,
    *,
    opens_on: date | None = None,
    closes_on: date | None = None,
) -> RoundParticipant:
    """`organisation` takes part in a network round of the seeded survey, open today unless
    dates are given."""
    today = timezone.localdate()
    version = ensure_capability_questionnaire().versions.get(number=1)
    survey_round = Round.objects.create(
        version=version,
        title_fi="Syksyn kysely",
        title_sv="Höstens enkät",
        title_en="Autumn survey",
        opens_on=opens_on or today - timedelta(days=3),
        closes_on=closes_on or today + timedelta(days=14),
    )
    return RoundParticipant.objects.create(
        round=survey_round, organisation=organisation, token=secrets.token_urlsafe(24)
    )


def complete_answers() -> dict[str, object]:
    """An answer to every question, with "yes" to training so its follow-up is shown."""
    return {
        "work-area": "library",
        "work-role": "customer-service",
        "skills": dict.fromkeys(SKILL_ROWS, "4") | {"data-decisions": "2"},
        "skills-learning": "4",
        "skills-overall": "7",
        "tools-used": ["email-calendar", "video-meetings", "collection-system"],
        "tools-adequate": "3",
        "tools-support": "2",
        "attitude-easier": "5",
        "attitude-reach": "4",
        "attitude-time": "1",
        "attitude-encouraged": "3",
        "training-needs": ["data-use", "ai"],
        "training-taken": "yes",
        "training-usefulness": "4",
        "training-format": "peers",
        "maturity": {"customer-services": "2", "internal-processes": "3"},
        "free-text": "Aikaa opetteluun tarvittaisiin lisää.",
    }


def as_post(answers: dict[str, object]) -> dict[str, object]:
    """The answers as the page's form sends them."""
    data: dict[str, object] = {}
    for key, value in answers.items():
        if isinstance(value, dict):
            for row_key, step in value.items():
                data[row_field_name(key, row_key)] = step
        else:
            data[key] = value
    return data
