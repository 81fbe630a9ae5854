"""A person asks the assistant: understood, answered (or not), logged for review."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.assistant import intents
from lampio.assistant.knowledge_index import current_retriever
from lampio.assistant.models import Exchange, ExchangeOutcome, KnowledgeEntry, ReviewState
from lampio.assistant.replies import Reply, Suggestion
from lampio.assistant.retrieval.language import detect_language
from lampio.assistant.retrieval.types import Decision
from lampio.assistant.selectors import entry_answer, entry_titles
from lampio.core.errors import InvalidInput, NotFound
from lampio.tenancy.models import Municipality

MAX_QUESTION_LENGTH = 500
LOGGED_CANDIDATES = 5
SUGGESTED = 3


def _checked_question(question: str) -> str:
    text = " ".join(question.split())
    if not text:
        raise InvalidInput(_("Write a question first."))
    if len(text) > MAX_QUESTION_LENGTH:
        raise InvalidInput(
            _("Please keep the question under %(limit)d characters.")
            % {"limit": MAX_QUESTION_LENGTH}
        )
    return text


def ask(
    *,
    question: str,
    actor: User | None,
    language: str | None = None,
    municipality: Municipality | None = None,
) -> Reply:
    """Answer `question`. `language` is a hint (the page's language); the question's own
    language wins when it is clear. Raises InvalidInput for an empty or too long question."""
    text = _checked_question(question)
    asked_in = detect_language(text, language)
    today = timezone.localdate()
    intent = intents.recognise(text, asked_in, municipality=municipality, today=today)
    if intent is not None:
        return _live_reply(text, asked_in, intent, actor=actor, municipality=municipality)
    decision = current_retriever().decide(text, asked_in)
    return _knowledge_reply(text, decision, municipality)


def _live_reply(
    text: str,
    language: str,
    intent: intents.Intent,
    *,
    actor: User | None,
    municipality: Municipality | None,
) -> Reply:
    live = intents.answer(intent, actor=actor, language=language)
    related = intents.related_entry(intent.name)
    exchange = Exchange.objects.create(
        question=text,
        language=language,
        municipality=intent.municipality or municipality,
        outcome=ExchangeOutcome.INTENT,
        intent=intent.name,
        entry=KnowledgeEntry.objects.filter(key=related, is_published=True).first()
        if related
        else None,
        confidence=1.0,
    )
    return Reply(
        exchange_id=exchange.pk,
        language=language,
        answer=live.text,
        entry_key=related,
        confidence=1.0,
        fallback=False,
        link=live.link,
        link_label=live.link_label,
        intent=intent.name,
        items=live.items,
    )


def _knowledge_reply(text: str, decision: Decision, municipality: Municipality | None) -> Reply:
    language = decision.language
    answered = (
        KnowledgeEntry.objects.filter(key=decision.entry_key, is_published=True).first()
        if decision.entry_key
        else None
    )
    exchange = Exchange.objects.create(
        question=text,
        language=language,
        municipality=municipality,
        outcome=ExchangeOutcome.ANSWERED if answered else ExchangeOutcome.FALLBACK,
        entry=answered,
        confidence=decision.confidence,
        candidates=[
            {"entry": c.key, "score": c.score} for c in decision.candidates[:LOGGED_CANDIDATES]
        ],
        review=ReviewState.NONE if answered else ReviewState.PENDING,
    )
    if answered is not None:
        shown = entry_answer(answered, language, municipality)
        return Reply(
            exchange_id=exchange.pk,
            language=language,
            answer=shown.answer,
            entry_key=answered.key,
            confidence=decision.confidence,
            fallback=False,
            link=shown.link,
            link_label=shown.link_label,
        )
    # Topics of ours are no help with another service's question: offer a person instead.
    suggested = () if decision.elsewhere else decision.suggestions(SUGGESTED)
    titles = entry_titles([c.key for c in suggested], language)
    return Reply(
        exchange_id=exchange.pk,
        language=language,
        answer="",
        entry_key=None,
        confidence=decision.confidence,
        fallback=True,
        link="",
        link_label="",
        suggestions=tuple(
            Suggestion(key=c.key, title=titles[c.key], score=c.score)
            for c in suggested
            if c.key in titles
        ),
    )


def mark_not_helpful(*, exchange_id: int) -> None:
    """The person clicked "not helpful": the exchange goes to the staff review queue, unless
    staff already taught or dismissed it."""
    exchanges = Exchange.objects.filter(pk=exchange_id)
    if not exchanges.update(helpful=False):
        raise NotFound(_("That answer is no longer on record."))
    exchanges.filter(review=ReviewState.NONE).update(review=ReviewState.PENDING)
