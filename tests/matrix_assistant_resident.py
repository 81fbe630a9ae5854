"""Permission-matrix entries of the assistant's resident routes (see test_permission_matrix).

`objects(organisation)` adds `conversation_token`: a waiting live conversation at B's desk.
The assistant and the hand-off form are open to everyone. What guards a conversation is its
token, like a feedback tracking code: whoever holds it reads and writes in it, signed in or not.
"""

from __future__ import annotations

import secrets
from typing import Any

from lampio.assistant.models import Conversation, ConversationMessage, ConversationState, Sender
from tests.matrix_cases import Case, everyone

PAGES: dict[str, Case] = {
    "assistant:ask": Case(everyone(200)),
    # Without a validly signed exchange there is nothing to mark.
    "assistant:not_helpful": Case(everyone(400), "post", {"exchange": "1"}),
    "assistant:handoff": Case(everyone(200)),
    "assistant:conversation": Case(everyone(200)),
    "assistant:conversation_messages": Case(everyone(200)),
    "assistant:conversation_close": Case(everyone(302), "post"),
}
API: dict[tuple[str, str], Case] = {
    ("post", "/api/v1/assistant/ask"): Case(
        everyone(200), data={"question": "Mistä saan ovikoodin?"}
    ),
    ("post", "/api/v1/assistant/not-helpful"): Case(everyone(400), data={"exchange": "1"}),
}


def objects(organisation: Any) -> dict[str, Any]:
    conversation = Conversation.objects.create(
        municipality=organisation.municipality,
        organisation=organisation,
        language="fi",
        state=ConversationState.WAITING,
        token=secrets.token_urlsafe(32),
    )
    ConversationMessage.objects.create(
        conversation=conversation, sender=Sender.RESIDENT, text="Missä on ovikoodi?"
    )
    return {"conversation_token": conversation.token}
