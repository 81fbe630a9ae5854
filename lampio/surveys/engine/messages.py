"""The message that reminds an organisation's staff to answer a survey round.

Sent to every member of a participating organisation, in each person's language. The link is
the organisation's anonymous answer link, so the message says that people who already answered
can ignore it: the survey cannot know who they are.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.notifications.registry import MessageKind, register
from lampio.surveys.models import RoundParticipant

ROUND_REMINDER = register(
    MessageKind(
        key="surveys.round_reminder",
        label=_("Reminder to answer a survey round"),
        essential=False,
        subject=_("Reminder: please answer the survey “{{ round }}” by {{ closes_on }}"),
        body=_(
            "Hello {{ name }},\n\n"
            "{{ organisation }} takes part in the survey “{{ round }}”. The survey is "
            "anonymous: your name or contact details are not stored with your answers.\n\n"
            "Answering takes a few minutes. The survey is open until {{ closes_on }}:\n"
            "{{ url }}\n\n"
            "If you have already answered, thank you – you can ignore this message.\n\n"
            "Lämpiö – culture services of your city"
        ),
        sample={
            "name": "Maija Meikäläinen",
            "round": "Digitaidot työssä, kevät 2026",
            "organisation": "Oulun kaupunginkirjasto",
            "closes_on": "30.4.2026",
            "url": "https://lampio.example.fi/fi/survey/round/abc123/",
        },
    )
)


def answer_url(participant: RoundParticipant, language: str) -> str:
    with translation.override(language):
        path = reverse("surveys:round_answer", kwargs={"round_token": participant.token})
    return f"{settings.LAMPIO_SITE_URL}{path}"


def reminder_context(participant: RoundParticipant, person: User) -> dict[str, Any]:
    """The message's words in the person's language (round title and date included)."""
    language = person.preferred_language or "fi"
    with translation.override(language):
        return {
            "name": person.display_name,
            "round": str(participant.round.title),
            "organisation": str(participant.organisation.name),
            "closes_on": date_format(participant.round.closes_on, "SHORT_DATE_FORMAT"),
            "url": answer_url(participant, language),
        }
