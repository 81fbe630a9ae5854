"""The demo's service assistant: the starting knowledge, a few cities' own answers, a staff
member on duty in Oulu, questions waiting in the review queue, and one resident waiting to chat.

Idempotent: seeding adds only what is missing, an override is found by (entry, municipality),
the shift is extended rather than doubled, review questions by their text, and the waiting
conversation is added only while the city has no conversation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from lampio.accounts.models import User
from lampio.assistant.models import (
    AnswerOverride,
    Conversation,
    DutyShift,
    Exchange,
    ExchangeOutcome,
    KnowledgeEntry,
    ReviewState,
)
from lampio.assistant.services.handoff import HandoffRequest, hand_off
from lampio.assistant.services.seeding import seed_knowledge
from lampio.core.multilingual import Translated, set_translated
from lampio.tenancy.models import Municipality, Organisation

# (city, entry key, answer): fictional 555 numbers, as in the rest of the demo.
OVERRIDES: list[tuple[str, str, Translated]] = [
    (
        "kuopio",
        "code-not-working",
        Translated(
            "Tarkista, että olet oikealla ovella ja että varauksesi alkaa alle 15 minuutin "
            "kuluttua. Jos ovi ei aukea, soita Kuopion tilapäivystykseen: 017 555 0123 "
            "(joka päivä klo 7–23).",
            "Kontrollera att du står vid rätt dörr och att din bokning börjar om mindre än 15 "
            "minuter. Om dörren inte öppnas, ring lokaljouren i Kuopio: 017 555 0123 "
            "(varje dag kl. 7–23).",
            "Check that you are at the right door and that your booking starts in less than 15 "
            "minutes. If the door won't open, call Kuopio's premises on-call line: "
            "+358 17 555 0123 (daily 7 am–11 pm).",
        ),
    ),
    (
        "oulu",
        "code-not-working",
        Translated(
            "Tarkista ovi ja varauksen alkamisaika vahvistuksesta. Jos koodi ei silti toimi, "
            "soita Oulun kulttuuritalojen päivystykseen: 08 555 0456.",
            "Kontrollera dörren och bokningens starttid i bekräftelsen. Om koden ändå inte "
            "fungerar, ring jouren för Uleåborgs kulturhus: 08 555 0456.",
            "Check the door and your booking's start time in the confirmation. If the code "
            "still doesn't work, call the Oulu culture houses' on-call line: +358 8 555 0456.",
        ),
    ),
]

ON_DUTY = ("oulu", "kulttuuripalvelut", "henkilosto.oulu@demo.lampio.fi")
SHIFT_HOURS = 8

# (city, language, question, candidates): questions the assistant was not sure about.
REVIEW_QUESTIONS: list[tuple[str, str, str, list[tuple[str, float]]]] = [
    ("oulu", "fi", "Saako salissa syödä eväitä?", [("equipment", 0.21), ("book-space", 0.18)]),
    ("oulu", "fi", "Voiko koiran ottaa mukaan tilaan?", [("space-accessibility", 0.17)]),
    ("oulu", "sv", "Får man spela hög musik på kvällen?", [("opening-hours", 0.22)]),
    ("kuopio", "en", "Is there parking near the culture house?", [("space-accessibility", 0.2)]),
    ("turku", "fi", "Missä on lähin löytötavaratoimisto?", []),
]


def _waiting_chat(municipality: Municipality) -> HandoffRequest:
    return HandoffRequest(
        municipality=municipality,
        language="fi",
        transcript=(
            ("resident", "Voiko salivuoron siirtää toiselle yhdistykselle?"),
            ("assistant", "En ole varma vastauksesta. Haluatko puhua ihmisen kanssa?"),
        ),
        message="Meidän sählyvuoro on torstaisin, ja haluaisimme antaa sen naapuriseuralle "
        "loppukaudeksi. Onnistuuko?",
        contact_name="Pekka Pelaaja",
    )


@dataclass
class AssistantLoad:
    entries: int = 0
    paraphrases: int = 0
    conversations: int = 0


def load_assistant(*, organisations: Mapping[tuple[str, str], Organisation]) -> AssistantLoad:
    seeded = seed_knowledge()
    loaded = AssistantLoad(entries=seeded.entries_created, paraphrases=seeded.paraphrases_created)
    cities = {key[0]: organisation.municipality for key, organisation in organisations.items()}
    entries = {entry.key: entry for entry in KnowledgeEntry.objects.all()}
    for city, key, answer in OVERRIDES:
        if city in cities and key in entries:
            override = AnswerOverride.objects.filter(
                entry=entries[key], municipality=cities[city]
            ).first() or AnswerOverride(entry=entries[key], municipality=cities[city])
            set_translated(override, "answer", answer)
            override.save()
    for city, language, question, candidates in REVIEW_QUESTIONS:
        if city in cities and not Exchange.objects.filter(question=question).exists():
            Exchange.objects.create(
                question=question,
                language=language,
                municipality=cities[city],
                outcome=ExchangeOutcome.FALLBACK,
                confidence=candidates[0][1] if candidates else 0.0,
                candidates=[{"entry": key, "score": score} for key, score in candidates],
                review=ReviewState.PENDING,
            )
    city, desk_slug, email = ON_DUTY
    desk = organisations.get((city, desk_slug))
    staff = User.objects.filter(email=email).first()
    if desk is not None and staff is not None:
        _on_duty(staff, desk)
        if not Conversation.objects.filter(municipality=desk.municipality).exists():
            hand_off(request=_waiting_chat(desk.municipality), actor=None)
            loaded.conversations += 1
    return loaded


def _on_duty(staff: User, desk: Organisation) -> None:
    now = timezone.now()
    shift = DutyShift.objects.filter(
        user=staff, organisation=desk, started_at__lte=now, ends_at__gt=now
    ).first() or DutyShift(user=staff, organisation=desk, started_at=now)
    shift.ends_at = now + timedelta(hours=SHIFT_HOURS)
    shift.save()
