"""Demo of the questionnaire builder (helper B): Oulu's culture services' own short
questionnaire on remote-work tools, with version 1 published and version 2 started as a draft,
so the builder shows both a frozen version and one being edited.

Built through the building services as the organisation's first admin (or the network admin
when it has none). Idempotent: an existing questionnaire with this key is left as it is.
"""

from __future__ import annotations

from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.multilingual import Translated
from lampio.surveys.engine import building
from lampio.surveys.engine.building import Option, QuestionData
from lampio.surveys.models import Questionnaire
from lampio.tenancy.models import Organisation

KEY = "oulu-etatyovalineet"
OWNER = ("oulu", "kulttuuripalvelut")

TOOLS = [
    Option(
        "teams",
        Translated(
            "Teams tai muu videopalaveri",
            "Teams eller annat videomöte",
            "Teams or other video meetings",
        ),
    ),
    Option(
        "shared-docs",
        Translated(
            "Yhteiset asiakirjat pilvessä",
            "Gemensamma dokument i molnet",
            "Shared documents in the cloud",
        ),
    ),
    Option(
        "chat",
        Translated("Työryhmän pikaviestin", "Arbetsgruppens snabbmeddelanden", "The team's chat"),
    ),
]


def load_survey_builder(*, organisations: dict[tuple[str, str], Organisation]) -> None:
    owner = organisations.get(OWNER)
    if owner is None or Questionnaire.objects.filter(key=KEY).exists():
        return
    actor = User.objects.filter(is_network_admin=True, is_active=True).order_by("pk").first()
    if actor is None:
        return
    questionnaire = building.create_questionnaire(
        actor=actor,
        owner=owner,
        key=KEY,
        title=Translated(
            "Etätyövälineet kulttuuripalveluissa",
            "Distansarbetsverktyg inom kulturtjänsterna",
            "Remote-work tools in the culture services",
        ),
        description=Translated(
            "Lyhyt kysely siitä, mitä välineitä käytämme, kun emme ole samassa paikassa.",
            "En kort enkät om vilka verktyg vi använder när vi inte är på samma plats.",
            "A short survey on the tools we use when we are not in the same place.",
        ),
    )
    version = questionnaire.versions.get()
    building.save_question(
        actor=actor,
        version=version,
        data=QuestionData(
            key="tools-used",
            kind="multiple",
            theme="tools",
            text=Translated(
                "Mitä näistä käytät viikoittain?",
                "Vilka av dessa använder du varje vecka?",
                "Which of these do you use every week?",
            ),
            choices=TOOLS,
        ),
    )
    building.save_question(
        actor=actor,
        version=version,
        data=QuestionData(
            key="confidence",
            kind="likert",
            theme="attitudes",
            required=True,
            text=Translated(
                "Pystyn hoitamaan työni myös etänä.",
                "Jag kan sköta mitt arbete även på distans.",
                "I can do my work remotely too.",
            ),
        ),
    )
    building.publish_version(actor=actor, version=version, now=timezone.now())
    building.start_new_version(actor=actor, questionnaire=questionnaire)
