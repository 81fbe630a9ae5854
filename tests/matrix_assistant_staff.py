"""Permission-matrix entries of the assistant's staff routes (see test_permission_matrix).

`objects(organisation)` makes B its municipality's assistant desk (the feedback desk; the same
setup matrix_feedback makes, so either may run first) and adds what these routes name: a shared
knowledge entry with a paraphrase (`entry_key`, `paraphrase_id`), a question waiting for review
(`exchange_id`) and a resident waiting in the live chat (`conversation_id`).

B's admin acts in the order listed: the paraphrase is added before the one named is removed;
the question is taught, so dismissing it afterwards finds it handled (a note, 302); B's admin
goes on duty, takes the conversation, reads it and closes it last.
"""

from __future__ import annotations

import secrets
from typing import Any

from lampio.assistant.models import (
    Conversation,
    ConversationMessage,
    Exchange,
    KnowledgeEntry,
    Paraphrase,
)
from lampio.feedback.services.setup import set_up_feedback
from tests.matrix_cases import STAFF_OF_B_ONLY, STAFF_OF_B_POST, Case

PAGES: dict[str, Case] = {
    "assistant_staff:entries": Case(STAFF_OF_B_ONLY),
    "assistant_staff:entry_new": Case(STAFF_OF_B_ONLY),
    "assistant_staff:entry_edit": Case(STAFF_OF_B_ONLY),
    "assistant_staff:entry_preview": Case(STAFF_OF_B_ONLY),
    "assistant_staff:override_edit": Case(STAFF_OF_B_ONLY),
    "assistant_staff:review": Case(STAFF_OF_B_ONLY),
    "assistant_staff:chats": Case(STAFF_OF_B_ONLY),
    "assistant_staff:chat": Case(STAFF_OF_B_ONLY),
    "assistant_staff:chat_messages": Case(STAFF_OF_B_ONLY),
    "assistant_staff:paraphrase_add": Case(
        STAFF_OF_B_POST, "post", {"language": "sv", "sv-text": "Var hittar jag koden?"}
    ),
    "assistant_staff:paraphrase_delete": Case(STAFF_OF_B_POST, "post"),
    "assistant_staff:review_teach": Case(STAFF_OF_B_POST, "post", {"entry": "matrix-door-code"}),
    "assistant_staff:review_dismiss": Case(STAFF_OF_B_POST, "post"),
    "assistant_staff:duty": Case(STAFF_OF_B_POST, "post", {"action": "start", "hours": "2"}),
    "assistant_staff:chat_take": Case(STAFF_OF_B_POST, "post"),
    "assistant_staff:chat_close": Case(STAFF_OF_B_POST, "post"),  # last: ends the conversation
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    municipality = organisation.municipality
    set_up_feedback(
        municipality=municipality,
        fallback_organisation=organisation,
        open311_id=f"{municipality.slug}.example.fi",
    )
    entry = KnowledgeEntry.objects.create(
        key="matrix-door-code",
        topic="spaces",
        title_fi="Ovikoodi",
        answer_fi="Koodi on varausvahvistuksessa.",
        is_published=True,
    )
    paraphrase = Paraphrase.objects.create(entry=entry, language="fi", text="Mistä saan koodin?")
    exchange = Exchange.objects.create(
        question="Koodi ei aukaise ovea",
        language="fi",
        municipality=municipality,
        outcome="fallback",
        review="pending",
        candidates=[{"entry": entry.key, "score": 0.3}],
    )
    conversation = Conversation.objects.create(
        municipality=municipality,
        organisation=organisation,
        language="fi",
        token=secrets.token_urlsafe(32),
    )
    ConversationMessage.objects.create(
        conversation=conversation, sender="resident", text="Haluan puhua ihmiselle."
    )
    return {
        "entry_key": entry.key,
        "paraphrase_id": paraphrase.pk,
        "exchange_id": exchange.pk,
        "conversation_id": conversation.pk,
    }
