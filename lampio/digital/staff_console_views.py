"""The provider's session console: go live and end, the stream address, the chat switch,
the audience count (never who, unless a viewer chose to show their name), questions, chat
moderation and messages to the enrolled audience.

Every write is a POST that redirects back; console.js updates the lists live when it can.
An organisation the person does not work for, or a time outside it, answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.digital import selectors_chat
from lampio.digital.models import MessageKind
from lampio.digital.phase import broadcast_of, session_phase, stream_url
from lampio.digital.services import audience_messages, broadcast, chat
from lampio.digital.staff_console_forms import AudienceMessageForm, ModerateForm, StreamForm
from lampio.offerings import staff_selectors
from lampio.offerings.models import Occurrence
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "120/m"  # a moderator clicks fast during a busy concert
RATE_GROUP = "staff-console"


def _occurrence_in(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> tuple[User, Organisation, Occurrence]:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    occurrence = found(
        staff_selectors.managed_occurrence,
        actor=user,
        organisation=org,
        occurrence_id=occurrence_id,
    )
    return user, org, occurrence


def _to_console(org: Organisation, occurrence: Occurrence, anchor: str = "") -> HttpResponse:
    response = redirect("digital_staff:console", occurrence_id=occurrence.pk, **org_url_kwargs(org))
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _console_page(
    request: HttpRequest,
    org: Organisation,
    occurrence: Occurrence,
    *,
    stream_form: StreamForm | None = None,
    audience_form: AudienceMessageForm | None = None,
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    current = broadcast_of(occurrence)
    context: dict[str, Any] = {
        "organisation": org,
        "offering": occurrence.offering,
        "occurrence": occurrence,
        "section": "times",
        "phase": session_phase(occurrence, now),
        "broadcast": current,
        "chat_open": current.chat_open if current else True,
        "stream_url": stream_url(occurrence),
        "stream_form": stream_form
        or StreamForm(initial={"stream_url": current.stream_url if current else ""}),
        "audience_form": audience_form or AudienceMessageForm(),
        "audience": broadcast.audience_count(occurrence=occurrence, now=now),
        "named_viewers": broadcast.named_viewers(occurrence=occurrence, now=now),
        "questions": selectors_chat.console_messages(
            occurrence=occurrence, kind=MessageKind.QUESTION
        ),
        "chat_messages": selectors_chat.console_messages(
            occurrence=occurrence, kind=MessageKind.CHAT
        ),
        "muted": selectors_chat.muted_ids(occurrence=occurrence),
        "reactions": chat.reaction_counts(occurrence),
        "enrolled": len(audience_messages.audience_ids(occurrence)),
        "sent_messages": selectors_chat.sent_audience_messages(occurrence=occurrence),
    }
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.SESSION_CHAT,
        subject=occurrence,
        organisation_id=org.pk,
        count=len(context["named_viewers"]),
    )
    return render(request, "digital/staff/console.html", context, status=status)


@staff_required
def console(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    _user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    return _console_page(request, org, occurrence)


def _done(request: HttpRequest, action: Any, success: str) -> bool:
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error.message))
        return False
    messages.success(request, success)
    return True


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def go_live(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    _done(
        request,
        lambda: broadcast.go_live(actor=user, occurrence=occurrence),
        _("You are live. Viewers now see the player."),
    )
    return _to_console(org, occurrence)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def end(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    _done(
        request,
        lambda: broadcast.end_broadcast(actor=user, occurrence=occurrence),
        _("The session has ended. Viewers now see the feedback form."),
    )
    return _to_console(org, occurrence)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def stream(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = StreamForm(request.POST)
    if form.is_valid():
        try:
            broadcast.set_stream_url(
                actor=user, occurrence=occurrence, url=form.cleaned_data["stream_url"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The stream address was saved."))
            return _to_console(org, occurrence, "stream-heading")
    return _console_page(request, org, occurrence, stream_form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def chat_switch(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    is_open = request.POST.get("open") == "1"
    _done(
        request,
        lambda: broadcast.set_chat_open(actor=user, occurrence=occurrence, is_open=is_open),
        _("The chat is open.") if is_open else _("The chat is closed."),
    )
    return _to_console(org, occurrence, "chat-heading")


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def moderate(
    request: HttpRequest,
    municipality: str,
    organisation: str,
    occurrence_id: int,
    chat_message_id: int,
) -> HttpResponse:
    """Hide a message, mute its writer (which hides it too), or mark a question answered."""
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = ModerateForm(request.POST)
    action = form.cleaned_data["action"] if form.is_valid() else "hide"
    message_id = chat_message_id
    if action == "answered":
        _done(
            request,
            lambda: chat.mark_answered(actor=user, occurrence=occurrence, message_id=message_id),
            _("Marked as answered."),
        )
        return _to_console(org, occurrence, "questions-heading")
    if action == "mute":
        _done(
            request,
            lambda: chat.mute_person(actor=user, occurrence=occurrence, message_id=message_id),
            _("The person can no longer write in this session, and the message was hidden."),
        )
    else:
        _done(
            request,
            lambda: chat.hide_message(actor=user, occurrence=occurrence, message_id=message_id),
            _("The message was hidden."),
        )
    return _to_console(org, occurrence, "chat-heading")


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate="20/m")
def audience_message(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = AudienceMessageForm(request.POST)
    if form.is_valid():
        try:
            sent = audience_messages.send_audience_message(
                actor=user,
                occurrence=occurrence,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("The message is on its way to %(count)d people.") % {"count": sent.recipients},
            )
            return _to_console(org, occurrence, "audience-message-heading")
    return _console_page(request, org, occurrence, audience_form=form)
