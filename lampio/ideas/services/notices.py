"""The public history of an idea and the messages its followers get, in each person's language.

Messages are queued with `notify` inside the transaction that made the change: the outbox rows
commit with it and are sent after. Each carries a dedupe key of the event, so repeating a call
never sends twice.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from lampio.accounts.models import User
from lampio.ideas.messages import idea_url
from lampio.ideas.models import Follow, Idea, IdeaEvent, IdeaState
from lampio.notifications.services import notify
from lampio.tenancy.models import Organisation


def record_event(
    idea: Idea, kind: str, *, actor: User | None, state: IdeaState | None = None, text: str = ""
) -> IdeaEvent:
    return IdeaEvent.objects.create(idea=idea, kind=kind, actor=actor, state=state, text=text)


def responsible_organisation(idea: Idea) -> Organisation:
    return idea.organisation if idea.organisation_id is not None else idea.board.organisation  # type: ignore[return-value]


def followers(idea: Idea, *, except_person: User | None = None) -> list[User]:
    people = Follow.objects.filter(idea=idea, person__is_active=True).select_related("person")
    if except_person is not None and except_person.is_authenticated:
        people = people.exclude(person=except_person)
    return [follow.person for follow in people.order_by("pk")]


def context_for(person: User, idea: Idea, **extra: Any) -> dict[str, Any]:
    """The message's words in the person's language (state and organisation names included)."""
    with translation.override(person.preferred_language or "fi"):
        context: dict[str, Any] = {
            "name": person.display_name,
            "title": idea.title,
            "state": str(idea.state.name),
            "organisation": str(responsible_organisation(idea).name),
            "url": idea_url(idea, person),
        }
        context.update({key: str(value) for key, value in extra.items()})
    return context


def tell_followers(
    idea: Idea,
    *,
    key: str,
    event: IdeaEvent,
    actor: User | None,
    link_to: Idea | None = None,
    **extra: Any,
) -> int:
    """Queue `key` to everyone following `idea` except `actor`; how many were told."""
    organisation = responsible_organisation(idea)
    told = 0
    for person in followers(idea, except_person=actor):
        context = context_for(person, idea, **extra)
        if link_to is not None:
            context["url"] = idea_url(link_to, person)
        notify(
            recipient=person,
            key=key,
            context=context,
            organisation_id=organisation.pk,
            dedupe_key=f"ideas:{idea.pk}:{event.kind}:{event.pk}:{person.pk}",
        )
        told += 1
    return told


def tell_author(idea: Idea, author: User | None, *, key: str, dedupe: str, **extra: Any) -> None:
    if author is None:
        return
    notify(
        recipient=author,
        key=key,
        context=context_for(author, idea, **extra),
        organisation_id=responsible_organisation(idea).pk,
        dedupe_key=f"ideas:{idea.pk}:{dedupe}:{author.pk}",
    )
