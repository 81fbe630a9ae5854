"""Staff keep the assistant's knowledge: entries, paraphrases, a municipality's own answers, and
the review queue where a resident's question becomes a new paraphrase.

Entries and paraphrases are shared by the city network: MANAGE staff of any assistant desk may
change them; the retrieval index notices the change by itself (knowledge_index's version check).
Overrides and reviews belong to the desk's own municipality. Every write runs inside
`set_actor(actor)`, so django-auditlog records who made it.
"""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.assistant.desk import desk_municipality
from lampio.assistant.models import (
    LANGUAGES,
    AnswerOverride,
    Exchange,
    KnowledgeEntry,
    LinkTarget,
    Paraphrase,
    ParaphraseSource,
    ReviewState,
)
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotFound
from lampio.core.multilingual import Translated, set_translated
from lampio.tenancy.models import Municipality, Organisation

SLUG = re.compile(r"^[-a-z0-9]+$")
MAX_TITLE = KnowledgeEntry._meta.get_field("title").max_length or 120
MAX_PARAPHRASE = Paraphrase._meta.get_field("text").max_length or 300


def normalise(text: str) -> str:
    """One space between words and none at the ends, as the paraphrases are stored."""
    return " ".join(text.split())


def _check_entry(
    *,
    entry: KnowledgeEntry | None,
    key: str,
    topic: str,
    title: Translated,
    answer: Translated,
    link: str,
) -> None:
    if entry is None:
        if not SLUG.match(key):
            raise InvalidInput(
                _("Use lowercase letters, digits and hyphens in the identifier."), field="key"
            )
        if KnowledgeEntry.objects.filter(key=key).exists():
            raise InvalidInput(_("Another entry already has this identifier."), field="key")
    elif key != entry.key:
        # Logged questions name entries by key: a renamed key would orphan their candidates.
        raise InvalidInput(_("The identifier of an entry cannot be changed."), field="key")
    if not SLUG.match(topic):
        raise InvalidInput(
            _("Use lowercase letters, digits and hyphens in the topic."), field="topic"
        )
    if not title.fi.strip():
        raise InvalidInput(_("Give the title in Finnish."), field="title_fi")
    if not answer.fi.strip():
        raise InvalidInput(_("Write the answer in Finnish."), field="answer_fi")
    for language in LANGUAGES:
        if len(getattr(title, language).strip()) > MAX_TITLE:
            raise InvalidInput(
                _("The title is too long: at most %(count)d characters.") % {"count": MAX_TITLE},
                field=f"title_{language}",
            )
    if link and link not in LinkTarget.values:
        raise InvalidInput(_("Choose a page from the list."), field="link")


def save_entry(
    *,
    actor: User,
    organisation: Organisation,
    entry: KnowledgeEntry | None,
    key: str,
    topic: str,
    title: Translated,
    answer: Translated,
    link: str,
    is_published: bool,
) -> KnowledgeEntry:
    """Create an entry (`entry` None) or change one; publishing makes it answer residents."""
    desk_municipality(actor=actor, organisation=organisation)
    key, topic = key.strip(), topic.strip()
    _check_entry(entry=entry, key=key, topic=topic, title=title, answer=answer, link=link)
    entry = entry if entry is not None else KnowledgeEntry(key=key)
    entry.topic = topic
    set_translated(entry, "title", title)
    set_translated(entry, "answer", answer)
    entry.link = link
    entry.is_published = is_published
    entry.updated_by = actor
    with transaction.atomic(), set_actor(actor):
        entry.save()
    return entry


def _add(entry: KnowledgeEntry, language: str, text: str, source: str) -> Paraphrase | None:
    """Add one paraphrase; None when the entry already has it in that language.

    Runs inside the caller's transaction; a paraphrase of another entry is refused, because the
    same question under two entries would make the assistant unsure of both.
    """
    if language not in LANGUAGES:
        raise InvalidInput(_("Choose Finnish, Swedish or English."), field="language")
    text = normalise(text)
    if not text:
        raise InvalidInput(_("Write the question as a resident would ask it."), field="text")
    if len(text) > MAX_PARAPHRASE:
        raise InvalidInput(
            _("The question is too long: at most %(count)d characters.")
            % {"count": MAX_PARAPHRASE},
            field="text",
        )
    same = Paraphrase.objects.filter(language=language, text__iexact=text).select_related("entry")
    for existing in same:
        if existing.entry_id == entry.pk:
            return None
        raise InvalidInput(
            _("This question is already a paraphrase of “%(title)s”.")
            % {"title": existing.entry.title},
            field="text",
        )
    try:
        with transaction.atomic():
            return Paraphrase.objects.create(
                entry=entry, language=language, text=text, source=source
            )
    except IntegrityError as error:  # someone added the same text a moment ago
        raise InvalidInput(_("This entry already has this question."), field="text") from error


def add_paraphrase(
    *, actor: User, organisation: Organisation, entry: KnowledgeEntry, language: str, text: str
) -> Paraphrase:
    desk_municipality(actor=actor, organisation=organisation)
    with transaction.atomic(), set_actor(actor):
        paraphrase = _add(entry, language, text, ParaphraseSource.STAFF)
        if paraphrase is None:
            raise InvalidInput(_("This entry already has this question."), field="text")
    return paraphrase


def delete_paraphrase(*, actor: User, organisation: Organisation, paraphrase: Paraphrase) -> None:
    desk_municipality(actor=actor, organisation=organisation)
    with transaction.atomic(), set_actor(actor):
        paraphrase.delete()


def save_override(
    *, actor: User, organisation: Organisation, entry: KnowledgeEntry, answer: Translated
) -> AnswerOverride | None:
    """The desk's municipality answers `entry` in its own words; all three empty removes that."""
    municipality = desk_municipality(actor=actor, organisation=organisation)
    texts = Translated(**{language: getattr(answer, language).strip() for language in LANGUAGES})
    with transaction.atomic(), set_actor(actor):
        current = (
            AnswerOverride.objects.select_for_update()
            .filter(entry=entry, municipality=municipality)
            .first()
        )
        if not (texts.fi or texts.sv or texts.en):
            if current is not None:
                current.delete()
            return None
        if not texts.fi:
            raise InvalidInput(
                _("Write the answer in Finnish; the other languages fall back to it."),
                field="answer_fi",
            )
        override = current or AnswerOverride(entry=entry, municipality=municipality)
        set_translated(override, "answer", texts)
        override.save()
    return override


def _pending(exchange: Exchange, municipality: Municipality) -> Exchange:
    """The exchange locked for the decision; questions asked without a municipality are shared
    by every desk, like the knowledge they teach."""
    if exchange.municipality_id not in (None, municipality.pk):
        raise NotFound()
    locked = Exchange.objects.select_for_update().get(pk=exchange.pk)
    if locked.review != ReviewState.PENDING:
        raise Conflict(_("Someone already handled this question."))
    return locked


def teach_from_review(
    *, actor: User, organisation: Organisation, exchange: Exchange, entry: KnowledgeEntry
) -> Exchange:
    """The resident's question becomes a paraphrase of `entry` in the question's language."""
    municipality = desk_municipality(actor=actor, organisation=organisation)
    with transaction.atomic(), set_actor(actor):
        locked = _pending(exchange, municipality)
        _add(entry, locked.language, locked.question, ParaphraseSource.REVIEW)
        locked.review = ReviewState.TAUGHT
        locked.taught_entry = entry
        locked.save(update_fields=["review", "taught_entry"])
    return locked


def dismiss_review(*, actor: User, organisation: Organisation, exchange: Exchange) -> Exchange:
    municipality = desk_municipality(actor=actor, organisation=organisation)
    with transaction.atomic(), set_actor(actor):
        locked = _pending(exchange, municipality)
        locked.review = ReviewState.DISMISSED
        locked.save(update_fields=["review"])
    return locked
