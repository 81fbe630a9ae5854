"""Small questionnaires for the engine's staff tests (helper B): built through the services."""

from __future__ import annotations

from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.multilingual import Translated
from lampio.surveys.engine import building
from lampio.surveys.engine.building import Option, QuestionData
from lampio.surveys.models import Questionnaire, QuestionnaireVersion
from lampio.tenancy.models import Organisation

FREQUENCY = [
    Option("daily", Translated("Päivittäin", "Dagligen", "Daily")),
    Option("weekly", Translated("Viikoittain", "Varje vecka", "Weekly")),
    Option("never", Translated("En koskaan", "Aldrig", "Never")),
]


def draft_questionnaire(
    actor: User, owner: Organisation | None, key: str = "digitaidot"
) -> QuestionnaireVersion:
    """A draft with a single choice question and a free text shown after "never"."""
    questionnaire = building.create_questionnaire(
        actor=actor,
        owner=owner,
        key=key,
        title=Translated("Digitaidot työssä", "Digitala färdigheter", "Digital skills"),
    )
    version = questionnaire.versions.get()
    first = building.save_question(
        actor=actor,
        version=version,
        data=QuestionData(
            key="use",
            kind="single",
            theme="tools",
            text=Translated("Kuinka usein käytät digitaalisia työkaluja?"),
            choices=FREQUENCY,
        ),
    )
    building.save_question(
        actor=actor,
        version=version,
        data=QuestionData(
            key="why-not",
            kind="text",
            text=Translated("Miksi et käytä?"),
            show_if_question=first,
            show_if_values=["never"],
        ),
    )
    return version


def published_questionnaire(
    actor: User, owner: Organisation | None, key: str = "digitaidot"
) -> QuestionnaireVersion:
    version = draft_questionnaire(actor, owner, key)
    building.publish_version(actor=actor, version=version, now=timezone.now())
    version.refresh_from_db()
    return version


def questionnaire_of(version: QuestionnaireVersion) -> Questionnaire:
    return version.questionnaire
