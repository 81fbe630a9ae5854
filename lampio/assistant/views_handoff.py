"""Talk to a person: the hand-off form, the live conversation page and its polling partial.

Whoever holds a conversation's token (in the address) may read and write in it, signed in or
not, like a feedback tracking link. When nobody is on duty the hand-off becomes a feedback
message and the same address shows its receipt with the tracking link.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseStopPolling, reswap, retarget, trigger_client_event

from lampio.assistant import handoff_selectors
from lampio.assistant.forms import HandoffForm, MessageForm
from lampio.assistant.models import Conversation, ConversationState
from lampio.assistant.services import handoff
from lampio.assistant.transcript import CONVERSATION_KEY, Transcript
from lampio.assistant.views import ASSISTANT_CITY_KEY, chosen_city, is_htmx
from lampio.core.errors import DomainError, RateLimited
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import check_rate_limit, rate_limit_posts
from lampio.feedback import subjects
from lampio.tenancy.access import found
from lampio.tenancy.models import Municipality

HANDOFF_RATE = "5/m"
MESSAGE_RATE = "30/m"
POLL_SECONDS = 3
REFRESH_EVENT = "assistant-conversation-refresh"


def _handoff_city(request: HttpRequest) -> Municipality | None:
    """The city whose staff answer: the one chosen (if it has a desk), else the only desk."""
    city = chosen_city(request)
    slug = city.slug if city else request.session.get(ASSISTANT_CITY_KEY, "")
    return subjects.default_municipality(slug or "")


def _initial(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "contact_name": user.get_full_name(),
        "contact_email": user.email or "",
        "contact_phone": user.phone or "",
    }


def handoff_page(request: HttpRequest) -> HttpResponse:
    city = _handoff_city(request)
    transcript = Transcript(request.session)
    turns = transcript.turns()
    options: dict[str, Any] = {
        "municipalities": None if city else subjects.municipalities_taking_feedback(),
        "has_transcript": bool(turns),
    }
    status = 200
    if request.method == "POST":
        form = HandoffForm(request.POST, **options)
        if form.is_valid():
            data = form.cleaned_data
            try:
                check_rate_limit(request, group="assistant-handoff", rate=HANDOFF_RATE)
                conversation = handoff.hand_off(
                    request=handoff.HandoffRequest(
                        municipality=city or data["municipality"],
                        language=get_language() or "fi",
                        transcript=transcript.as_handoff(),
                        message=data["message"],
                        contact_name=data["contact_name"],
                        contact_email=data["contact_email"],
                        contact_phone=data["contact_phone"],
                    ),
                    actor=request.user if request.user.is_authenticated else None,
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = error.status if isinstance(error, RateLimited) else 200
            else:
                transcript.clear()
                request.session[CONVERSATION_KEY] = conversation.token
                return redirect("assistant:conversation", conversation_token=conversation.token)
    else:
        form = HandoffForm(initial=_initial(request), **options)
    context = {
        "form": form,
        "city": city,
        "turns": turns,
        "on_duty": handoff.someone_on_duty(city) if city else None,
    }
    return render(request, "assistant/handoff.html", context, status=status)


def _private(response: HttpResponse) -> HttpResponse:
    # The token in the address is the key: keep these pages out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


def _conversation_context(conversation: Conversation, **extra: Any) -> dict[str, Any]:
    messages = list(handoff_selectors.messages_after(conversation))
    return {
        "conversation": conversation,
        "messages": messages,
        "last_id": messages[-1].pk if messages else 0,
        "is_open": conversation.state in handoff.OPEN_STATES,
        "poll_seconds": POLL_SECONDS,
        "refresh_event": REFRESH_EVENT,
        **extra,
    }


def conversation_page(request: HttpRequest, conversation_token: str) -> HttpResponse:
    conversation = found(handoff_selectors.conversation_for_resident, token=conversation_token)
    if conversation.state == ConversationState.TO_FEEDBACK:
        tracking = ""
        if conversation.feedback is not None:
            tracking = reverse(
                "feedback:track",
                kwargs={"feedback_token": conversation.feedback.tracking_token},
            )
        context = {"conversation": conversation, "tracking_url": tracking}
        return _private(render(request, "assistant/handoff_sent.html", context))
    status = 200
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                check_rate_limit(request, group="assistant-chat", rate=MESSAGE_RATE)
                handoff.post_resident_message(
                    conversation=conversation, text=form.cleaned_data["text"]
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = error.status if isinstance(error, RateLimited) else 200
            else:
                if is_htmx(request):
                    # The poller fetches the new message at once: one place appends messages.
                    return trigger_client_event(HttpResponse(status=204), REFRESH_EVENT)
                return redirect(
                    f"{reverse('assistant:conversation', args=[conversation.token])}#message-form"
                )
        if is_htmx(request):
            errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
            response = render(request, "assistant/_refusal.html", {"message": " ".join(errors)})
            return reswap(retarget(response, "#message-errors"), "innerHTML")
    else:
        form = MessageForm()
    context = _conversation_context(conversation, form=form)
    return _private(render(request, "assistant/conversation.html", context, status=status))


def _after(request: HttpRequest) -> int:
    value = request.GET.get("after") or "0"
    return int(value) if value.isdigit() and len(value) < 12 else 0


def _new_messages(request: HttpRequest, conversation: Conversation, *, after: int) -> HttpResponse:
    messages = list(handoff_selectors.messages_after(conversation, after))
    context = {
        "conversation": conversation,
        "messages": messages,
        "last_id": messages[-1].pk if messages else after,
        "is_open": conversation.state in handoff.OPEN_STATES,
        "poll_seconds": POLL_SECONDS,
        "refresh_event": REFRESH_EVENT,
        # The status is swapped (and so announced) only when it changed.
        "state_changed": request.GET.get("state") != conversation.state,
    }
    response = render(request, "assistant/_conversation_poll.html", context)
    if not context["is_open"] and is_htmx(request):
        # 286 tells htmx to stop polling; it still swaps the last messages in.
        response.status_code = HttpResponseStopPolling.status_code
    return _private(response)


def conversation_messages(request: HttpRequest, conversation_token: str) -> HttpResponse:
    """New messages after `?after=<id>` for htmx polling (appended to the log), with the status."""
    conversation = found(handoff_selectors.conversation_for_resident, token=conversation_token)
    return _new_messages(request, conversation, after=_after(request))


@require_POST
@rate_limit_posts(group="assistant-chat-close", rate="10/m")
def conversation_close(request: HttpRequest, conversation_token: str) -> HttpResponse:
    conversation = found(handoff_selectors.conversation_for_resident, token=conversation_token)
    handoff.close_conversation(actor=None, conversation=conversation)
    if request.session.get(CONVERSATION_KEY) == conversation.token:
        del request.session[CONVERSATION_KEY]
    return redirect("assistant:conversation", conversation_token=conversation.token)
