"""Moderation: the word filter, reports by anyone, and moderators hiding and showing texts.

The word filter matches the network's filtered words as whole words, in any letter case; a text
it catches is saved but held (hidden with the reason "filter") until a moderator shows it. A
moderator who hides a text gives a reason; its author gets a message saying so.
"""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound
from lampio.ideas.models import Comment, EventKind, FilteredWord, HiddenReason, Idea, Report
from lampio.ideas.services.access import check_handling, check_taking_part, may_see_idea
from lampio.ideas.services.common import locked_idea, plain, recount, refreshed
from lampio.ideas.services.notices import record_event, tell_author

MAX_NOTE_LENGTH = 300
MAX_REPORT_NOTE_LENGTH = 500


# --- The word filter ----------------------------------------------------------------------------


def filter_pattern(words: list[str]) -> re.Pattern[str] | None:
    cleaned = sorted({word.strip() for word in words if word.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(word) for word in cleaned)
    # Whole words only: "sika" catches "Sika!" but not "sikala".
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def filtered_word_in(*texts: str) -> str:
    """The first filtered word found in the texts, or "" when none is."""
    pattern = filter_pattern(list(FilteredWord.objects.values_list("word", flat=True)))
    if pattern is None:
        return ""
    for text in texts:
        found = pattern.search(text or "")
        if found:
            return found.group(0)
    return ""


# --- Reports ------------------------------------------------------------------------------------


def _checked_reason(reason: str) -> str:
    if reason not in HiddenReason.values or reason == HiddenReason.FILTER:
        raise InvalidInput(_("Choose a reason from the list."), field="reason")
    return reason


def report_content(
    *, actor: User, idea: Idea, reason: str, note: str = "", comment: Comment | None = None
) -> Report:
    """Ask a moderator to look at the idea or one of its comments; reporting twice adds nothing."""
    check_taking_part(actor, idea.board)
    if not may_see_idea(actor, idea):
        raise NotFound()
    if comment is not None and comment.idea_id != idea.pk:
        raise InvalidInput(_("Choose a comment of this idea."), field="comment")
    reason = _checked_reason(reason)
    details = plain(note)[:MAX_REPORT_NOTE_LENGTH]
    open_reports = Report.objects.filter(
        idea=idea, reporter=actor, comment=comment, resolved_at__isnull=True
    )
    with transaction.atomic(), set_actor(actor):
        existing = open_reports.first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                return Report.objects.create(
                    idea=idea, comment=comment, reporter=actor, reason=reason, note=details
                )
        except IntegrityError:  # the same person pressed twice at once
            return open_reports.get()


def _resolve(actor: User, idea: Idea, comment: Comment | None) -> int:
    return Report.objects.filter(idea=idea, comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor
    )


def resolve_reports(*, actor: User, idea: Idea, comment: Comment | None = None) -> int:
    """Close the open reports of the idea itself (or of one comment); how many were closed."""
    check_handling(actor, idea)
    if comment is not None and comment.idea_id != idea.pk:
        raise InvalidInput(_("Choose a comment of this idea."), field="comment")
    with transaction.atomic(), set_actor(actor):
        return _resolve(actor, idea, comment)


# --- Hiding and showing -------------------------------------------------------------------------


def _reason_text(author: User | None, reason: str) -> str:
    language = (author.preferred_language if author else "") or "fi"
    with translation.override(language):
        return str(HiddenReason(reason).label)


def hide_idea(*, actor: User, idea: Idea, reason: str, note: str = "") -> Idea:
    """Hide the idea from everyone but its author and handlers, saying why; reports close."""
    check_handling(actor, idea)
    reason = _checked_reason(reason)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        locked.hidden_reason = reason
        locked.hidden_note = plain(note)[:MAX_NOTE_LENGTH]
        locked.hidden_at = timezone.now()
        locked.save(update_fields=["hidden_reason", "hidden_note", "hidden_at", "updated_at"])
        event = record_event(locked, EventKind.HIDDEN, actor=actor)
        _resolve(actor, locked, None)
        if locked.author is not None and locked.author_id != actor.pk:
            tell_author(
                locked,
                locked.author,
                key="ideas.hidden",
                dedupe=f"hidden:{event.pk}",
                reason=_reason_text(locked.author, reason),
            )
    return refreshed(idea)


def show_idea(*, actor: User, idea: Idea) -> Idea:
    """Show a hidden or held idea again; its open reports close."""
    check_handling(actor, idea)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        if not locked.is_hidden:
            return refreshed(idea)
        locked.hidden_reason = ""
        locked.hidden_note = ""
        locked.hidden_at = None
        locked.save(update_fields=["hidden_reason", "hidden_note", "hidden_at", "updated_at"])
        record_event(locked, EventKind.SHOWN, actor=actor)
        _resolve(actor, locked, None)
    return refreshed(idea)


def _locked_comment(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment.pk)


def hide_comment(*, actor: User, comment: Comment, reason: str, note: str = "") -> Comment:
    """Hide a comment (a placeholder shows where it was), saying why; its reports close."""
    idea = comment.idea
    check_handling(actor, idea)
    reason = _checked_reason(reason)
    with transaction.atomic(), set_actor(actor):
        locked_idea(idea)
        locked = _locked_comment(comment)
        now = timezone.now()
        locked.hidden_reason = reason
        locked.hidden_note = plain(note)[:MAX_NOTE_LENGTH]
        locked.hidden_at = now
        locked.save(update_fields=["hidden_reason", "hidden_note", "hidden_at"])
        recount(idea.pk)
        _resolve(actor, idea, locked)
        if locked.author is not None and locked.author_id != actor.pk:
            tell_author(
                idea,
                locked.author,
                key="ideas.hidden",
                dedupe=f"comment-hidden:{locked.pk}:{now.timestamp()}",
                reason=_reason_text(locked.author, reason),
            )
    comment.refresh_from_db()
    return comment


def show_comment(*, actor: User, comment: Comment) -> Comment:
    idea = comment.idea
    check_handling(actor, idea)
    with transaction.atomic(), set_actor(actor):
        locked_idea(idea)
        locked = _locked_comment(comment)
        if locked.is_hidden:
            locked.hidden_reason = ""
            locked.hidden_note = ""
            locked.hidden_at = None
            locked.save(update_fields=["hidden_reason", "hidden_note", "hidden_at"])
            recount(idea.pk)
            _resolve(actor, idea, locked)
    comment.refresh_from_db()
    return comment
