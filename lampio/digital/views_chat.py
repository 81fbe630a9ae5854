"""The chat without JavaScript: read the last messages, write one, clap; POST-redirect-GET.

With JavaScript on, live.js sends the same things over the session's socket instead.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.digital.audience import may_watch
from lampio.digital.consumers import SHOW_NAME
from lampio.digital.models import MessageKind, ReactionKind
from lampio.digital.phase import session_phase
from lampio.digital.services import chat as chat_services
from lampio.offerings.models import Occurrence, OfferingStatus


class ChatForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=chat_services.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Who is it for?"),
        choices=[
            (MessageKind.CHAT, gettext_lazy("Everyone watching (chat)")),
            (MessageKind.QUESTION, gettext_lazy("A question to the performer")),
        ],
        initial=MessageKind.CHAT,
        widget=forms.RadioSelect,
    )
    show_name = forms.BooleanField(
        label=gettext_lazy("Show my first name"),
        required=False,
        help_text=gettext_lazy("Otherwise your message shows as “Viewer”."),
    )


def watched_occurrence(occurrence_id: int) -> Occurrence:
    occurrence = (
        Occurrence.objects.select_related("offering__organisation", "broadcast")
        .filter(pk=occurrence_id, offering__status=OfferingStatus.PUBLISHED)
        .first()
    )
    if occurrence is None:
        raise Http404
    return occurrence


def session_url(occurrence: Occurrence) -> str:
    """The session page (its chat panel), or the chat page until that page exists."""
    try:
        return reverse("digital:session", kwargs={"occurrence_id": occurrence.pk})
    except NoReverseMatch:
        return reverse("digital:chat", kwargs={"occurrence_id": occurrence.pk})


def back_to(request: HttpRequest, occurrence: Occurrence) -> HttpResponseRedirect:
    """Back where the form was (the session page, the care unit's screen), at the chat."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = session_url(occurrence)
    return HttpResponseRedirect(target.split("#", 1)[0] + "#chat")


def _refuse(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise DjangoPermissionDenied


def _chat_page(
    request: HttpRequest, occurrence: Occurrence, form: ChatForm | None = None, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "occurrence": occurrence,
        "offering": occurrence.offering,
        "now": timezone.now(),
        "chat_form": form,
        "chat_page": True,
        "session_url": session_url(occurrence),
    }
    context["phase"] = session_phase(occurrence, context["now"])
    return render(request, "digital/chat.html", context, status=status)


def chat(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    """The chat on a page of its own: for refreshing without the player, and for errors."""
    occurrence = watched_occurrence(occurrence_id)
    if not may_watch(request.user, occurrence):
        return _refuse(request)
    return _chat_page(request, occurrence)


@require_POST
@rate_limit_posts(group="digital-chat", rate="20/m")
def chat_send(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    occurrence = watched_occurrence(occurrence_id)
    if not request.user.is_authenticated or not may_watch(request.user, occurrence):
        return _refuse(request)
    form = ChatForm(request.POST)
    if form.is_valid():
        show_name = form.cleaned_data["show_name"]
        request.session[SHOW_NAME] = show_name
        try:
            chat_services.post_message(
                actor=request.user,
                occurrence=occurrence,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                show_name=show_name,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if form.cleaned_data["kind"] == MessageKind.QUESTION:
                messages.success(request, _("Thank you. Your question went to the performer."))
            return back_to(request, occurrence)
    return _chat_page(request, occurrence, form)


@require_POST
@rate_limit_posts(group="digital-react", rate="60/m")
def react(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    occurrence = watched_occurrence(occurrence_id)
    if not may_watch(request.user, occurrence):
        return _refuse(request)
    kind = request.POST.get("kind", ReactionKind.APPLAUSE)
    try:
        chat_services.react(actor=request.user, occurrence=occurrence, kind=kind)
    except DomainError as error:
        messages.error(request, str(error.message))
    return back_to(request, occurrence)
