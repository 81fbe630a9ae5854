"""The setup the assistant's staff tests share: two cities, each with its assistant desk (the
feedback desk), a second organisation that is no desk, knowledge entries and questions to review.

Each test module wraps `make_world` in a fixture (so no fixture is imported into a test module).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lampio.accounts.models import User
from lampio.assistant.models import (
    Conversation,
    ConversationMessage,
    ConversationState,
    Exchange,
    ExchangeOutcome,
    KnowledgeEntry,
    Paraphrase,
    ParaphraseSource,
    ReviewState,
    Sender,
)
from lampio.feedback.services.setup import set_up_feedback
from lampio.tenancy.models import Municipality, Organisation, Role


@dataclass
class World:
    city: Municipality
    desk: Organisation
    library: Organisation  # same city, no desk
    staff: User  # MANAGE in the desk (and in the library)
    colleague: User  # MANAGE in the desk
    viewer: User  # VIEW only in the desk
    other_city: Municipality
    other_desk: Organisation
    other_staff: User  # MANAGE in the other city's desk only
    access_code: KnowledgeEntry
    book_space: KnowledgeEntry
    draft: KnowledgeEntry

    def base(self, language: str = "fi", organisation: Organisation | None = None) -> str:
        org = organisation or self.desk
        return f"/{language}/staff/{org.municipality.slug}/{org.slug}/assistant"


def make_entry(key: str, *, published: bool = True, **fields: Any) -> KnowledgeEntry:
    defaults: dict[str, Any] = {
        "topic": "spaces",
        "title_fi": f"Otsikko {key}",
        "title_sv": f"Rubrik {key}",
        "title_en": f"Title {key}",
        "answer_fi": f"Vastaus {key}.",
        "answer_sv": f"Svar {key}.",
        "answer_en": f"Answer {key}.",
        "is_published": published,
    }
    defaults.update(fields)
    return KnowledgeEntry.objects.create(key=key, **defaults)


def make_world(
    make_municipality: Callable[..., Municipality],
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., User],
) -> World:
    city = make_municipality(slug="oulu", name="Oulu")
    desk = make_organisation(municipality=city, slug="palaute")
    library = make_organisation(municipality=city, slug="kirjasto")
    set_up_feedback(municipality=city, fallback_organisation=desk, open311_id="oulu.fi")
    staff = make_member(desk, role=Role.STAFF, first_name="Sanna", last_name="Staff")
    library.memberships.create(user=staff, role=Role.STAFF)
    colleague = make_member(desk, role=Role.STAFF, first_name="Kalle", last_name="Kollega")
    viewer = make_member(desk, role=Role.VIEWER)
    other_city = make_municipality(slug="kuopio", name="Kuopio")
    other_desk = make_organisation(municipality=other_city, slug="kuopio-palaute")
    set_up_feedback(
        municipality=other_city, fallback_organisation=other_desk, open311_id="kuopio.fi"
    )
    other_staff = make_member(other_desk, role=Role.ADMIN)
    access_code = make_entry(
        "access-code",
        title_fi="Ovikoodi",
        title_sv="Dörrkod",
        title_en="Door code",
        link="my-bookings",
    )
    Paraphrase.objects.create(
        entry=access_code, language="fi", text="Mistä saan ovikoodin?", source=ParaphraseSource.SEED
    )
    Paraphrase.objects.create(
        entry=access_code,
        language="sv",
        text="Var får jag dörrkoden?",
        source=ParaphraseSource.SEED,
    )
    book_space = make_entry("book-space", title_fi="Tilan varaaminen", title_en="Booking a space")
    Paraphrase.objects.create(
        entry=book_space, language="fi", text="Miten varaan tilan?", source=ParaphraseSource.SEED
    )
    draft = make_entry("sauna", published=False, topic="other", title_fi="Sauna")
    return World(
        city=city,
        desk=desk,
        library=library,
        staff=staff,
        colleague=colleague,
        viewer=viewer,
        other_city=other_city,
        other_desk=other_desk,
        other_staff=other_staff,
        access_code=access_code,
        book_space=book_space,
        draft=draft,
    )


def make_exchange(
    municipality: Municipality | None,
    question: str = "Koodi ei toimi ovella",
    *,
    language: str = "fi",
    candidates: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Exchange:
    defaults: dict[str, Any] = {
        "outcome": ExchangeOutcome.FALLBACK,
        "review": ReviewState.PENDING,
        "confidence": 0.31,
        "candidates": candidates
        if candidates is not None
        else [{"entry": "access-code", "score": 0.31}, {"entry": "book-space", "score": 0.12}],
    }
    defaults.update(fields)
    return Exchange.objects.create(
        question=question, language=language, municipality=municipality, **defaults
    )


def make_conversation(
    desk: Organisation, *, state: str = ConversationState.WAITING, **fields: Any
) -> Conversation:
    conversation = Conversation.objects.create(
        municipality=desk.municipality,
        organisation=desk,
        language=fields.pop("language", "sv"),
        state=state,
        token=secrets.token_urlsafe(32),
        **fields,
    )
    ConversationMessage.objects.create(
        conversation=conversation, sender=Sender.RESIDENT, text="Var får jag dörrkoden?"
    )
    ConversationMessage.objects.create(
        conversation=conversation, sender=Sender.ASSISTANT, text="Jag är inte säker."
    )
    return conversation
