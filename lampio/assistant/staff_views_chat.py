"""The desk's live chat: duty, the queue of residents waiting for a person, one conversation.

The pages work as plain forms with "Refresh" links; with JavaScript, htmx polls the queue every
5 s and a conversation's new messages every 3 s. The writes are helper services in
services/handoff.py; taking a conversation someone else took first shows their Conflict message.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.models import User
from lampio.assistant import handoff_selectors as chat_selectors
from lampio.assistant import staff_selectors as selectors
from lampio.assistant.models import Conversation, ConversationState
from lampio.assistant.services import handoff as services
from lampio.assistant.staff_forms import LANGUAGE_NAMES, ChatReplyForm, DutyForm
from lampio.assistant.staff_views import RATE, RATE_GROUP, desk_in_url
from lampio.core.errors import DomainError
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

# Polling asks often; it must never be the thing that hits the rate limit of the desk's forms.
QUEUE_POLL_SECONDS = 5
MESSAGES_POLL_SECONDS = 3


def _queue_context(user: User, org: Organisation) -> dict[str, object]:
    now = timezone.now()
    shift = chat_selectors.current_shift(user, org)
    waiting = list(chat_selectors.waiting_conversations(org))
    mine = list(chat_selectors.active_conversations(org, user))
    # What the queue shows; the minute keeps the waiting times fresh.
    version = "-".join(
        [
            now.strftime("%H%M"),
            shift.ends_at.isoformat() if shift else "",
            ".".join(str(conversation.pk) for conversation in waiting),
            ".".join(
                f"{conversation.pk}:{conversation.updated_at.timestamp()}" for conversation in mine
            ),
        ]
    )
    return {
        "organisation": org,
        "shift": shift,
        "waiting": waiting,
        "mine": mine,
        "now": now,
        "version": version,
        "poll_seconds": QUEUE_POLL_SECONDS,
    }


@staff_required
def chats(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    context = _queue_context(user, org)
    if request.htmx:  # type: ignore[attr-defined]
        if request.GET.get("v") == context["version"]:
            return HttpResponse(status=204)  # nothing changed: htmx leaves the queue alone
        return render(request, "assistant/staff/_chat_queue.html", context)
    context["duty_form"] = DutyForm()
    return render(request, "assistant/staff/chats.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def duty(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    form = DutyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how many hours you are on duty."))
        return redirect("assistant_staff:chats", **org_url_kwargs(org))
    try:
        if form.cleaned_data["action"] == "start":
            services.start_duty(actor=user, organisation=org, hours=form.cleaned_data["hours"] or 4)
            messages.success(request, _("You are on duty. Residents can now reach you."))
        else:
            services.end_duty(actor=user, organisation=org)
            messages.success(request, _("Your duty ended."))
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("assistant_staff:chats", **org_url_kwargs(org))


def _conversation(
    request: HttpRequest, municipality: str, organisation: str, conversation_id: int
) -> tuple[User, Organisation, Conversation]:
    user, org, _place = desk_in_url(request, municipality, organisation)
    conversation = found(
        chat_selectors.conversation_for_staff,
        actor=user,
        organisation=org,
        conversation_id=conversation_id,
    )
    return user, org, conversation


def _chat_page(
    request: HttpRequest,
    user: User,
    org: Organisation,
    conversation: Conversation,
    form: ChatReplyForm | None = None,
) -> HttpResponse:
    transcript = list(chat_selectors.messages_after(conversation))
    mine = conversation.state == ConversationState.ACTIVE and conversation.taken_by_id == user.pk
    context = {
        "organisation": org,
        "conversation": conversation,
        "transcript": transcript,
        "last_id": transcript[-1].pk if transcript else 0,
        "mine": mine,
        "is_open": conversation.state in (ConversationState.WAITING, ConversationState.ACTIVE),
        "form": form or (ChatReplyForm() if mine else None),
        "language_name": LANGUAGE_NAMES.get(conversation.language, conversation.language),
        "poll_seconds": MESSAGES_POLL_SECONDS,
    }
    return render(request, "assistant/staff/chat.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def chat(
    request: HttpRequest, municipality: str, organisation: str, conversation_id: int
) -> HttpResponse:
    user, org, conversation = _conversation(request, municipality, organisation, conversation_id)
    if request.method != "POST":
        return _chat_page(request, user, org, conversation)
    form = ChatReplyForm(request.POST)
    if submitted(
        request,
        form,
        lambda: services.post_staff_reply(
            actor=user, conversation=conversation, text=form.cleaned_data["text"]
        ),
        success=_("Your answer was sent."),
    ):
        target = redirect(
            "assistant_staff:chat", **org_url_kwargs(org), conversation_id=conversation.pk
        )
        target["Location"] += "#reply-heading"
        return target
    return _chat_page(request, user, org, conversation, form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def chat_take(
    request: HttpRequest, municipality: str, organisation: str, conversation_id: int
) -> HttpResponse:
    user, org, conversation = _conversation(request, municipality, organisation, conversation_id)
    try:
        services.take_conversation(actor=user, conversation=conversation)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The conversation is yours. The resident sees your answers."))
    return redirect("assistant_staff:chat", **org_url_kwargs(org), conversation_id=conversation.pk)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def chat_close(
    request: HttpRequest, municipality: str, organisation: str, conversation_id: int
) -> HttpResponse:
    user, org, conversation = _conversation(request, municipality, organisation, conversation_id)
    try:
        services.close_conversation(actor=user, conversation=conversation)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(
            "assistant_staff:chat", **org_url_kwargs(org), conversation_id=conversation.pk
        )
    messages.success(request, _("The conversation was closed."))
    return redirect("assistant_staff:chats", **org_url_kwargs(org))


@staff_required
def chat_messages(
    request: HttpRequest, municipality: str, organisation: str, conversation_id: int
) -> HttpResponse:
    """htmx polling: the messages after `?after=<id>`, appended to the log out of band, and the
    poller itself with the new last id. No access is logged: the page itself logged it."""
    _user, org, _place = desk_in_url(request, municipality, organisation)
    conversation = found(
        selectors.conversation_of_desk, organisation=org, conversation_id=conversation_id
    )
    after_text = request.GET.get("after", "0")
    after = int(after_text) if after_text.isdigit() else 0
    newer = list(chat_selectors.messages_after(conversation, after))
    is_open = conversation.state in (ConversationState.WAITING, ConversationState.ACTIVE)
    if not newer and request.GET.get("state") == conversation.state:
        # Nothing new: 204 leaves the page as it is; 286 also tells htmx to stop polling.
        return HttpResponse(status=204 if is_open else 286)
    context = {
        "organisation": org,
        "conversation": conversation,
        "newer": newer,
        "last_id": newer[-1].pk if newer else after,
    }
    return render(request, "assistant/staff/_chat_messages.html", context)
