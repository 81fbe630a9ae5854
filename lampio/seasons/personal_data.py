"""Applications name a person: exported with the account; on erasure the person is removed
and their free-text notes emptied, while the round's allocation history keeps its rows."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.seasons.models import Application


def export_applications(user: User) -> list[dict[str, Any]]:
    applications = (
        Application.objects.filter(applicant=user)
        .select_related("application_round", "for_organisation", "priority_class")
        .prefetch_related("wishes__space_choices__space")
    )
    return [
        {
            "round": application.application_round.name,
            "for_organisation": application.for_organisation.name
            if application.for_organisation
            else None,
            "activity": application.activity,
            "age_group": application.age_group,
            "priority_class": application.priority_class.name,
            "notes": application.notes,
            "status": application.status,
            "submitted_at": application.submitted_at.isoformat(),
            "wishes": [
                {
                    "weekday": wish.weekday,
                    "earliest_start": wish.earliest_start.isoformat(),
                    "latest_end": wish.latest_end.isoformat(),
                    "duration_minutes": wish.duration_minutes,
                    "attendees": wish.attendees,
                    "spaces": [choice.space.name for choice in wish.space_choices.all()],
                }
                for wish in application.wishes.all()
            ],
        }
        for application in applications
    ]


def erase_applications(user: User) -> None:
    with transaction.atomic():
        Application.objects.filter(applicant=user).update(applicant=None, notes="")


register_personal_data("season_applications", export=export_applications, erase=erase_applications)
