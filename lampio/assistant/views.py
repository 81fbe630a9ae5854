"""Residents' assistant: ask a question (full page or the widget on every page), mark an answer
as not helpful.

The conversation so far lives in the session (see transcript.py): a plain form posts, the page
redirects back and shows it (no JavaScript needed); with htmx the new turn is swapped in.
"""

from __future__ import annotations

import contextlib
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from lampio.assistant import selectors
from lampio.assistant.forms import AskForm
from lampio.assistant.services import asking
from lampio.assistant.transcript import CONVERSATION_KEY, Transcript, Turn, exchange_from
from lampio.core.errors import DomainError, NotFound, RateLimited
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import check_rate_limit, rate_limit_posts
from lampio.tenancy import selectors as tenancy_selectors
from lampio.tenancy.context_processors import SESSION_KEY as CITY_KEY
from lampio.tenancy.models import Municipality

ASK_RATE = "20/m"
# The city picked in the assistant's own form when none is chosen for the whole site.
ASSISTANT_CITY_KEY = "assistant_municipality"


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def chosen_city(request: HttpRequest) -> Municipality | None:
    """The city the person chose for the site (tenancy:choose_city), if any."""
    slug = request.session.get(CITY_KEY, "")
    return tenancy_selectors.municipality_by_slug(slug) if slug else None


def _assistant_city(request: HttpRequest) -> Municipality | None:
    city = chosen_city(request)
    if city is None and (slug := request.session.get(ASSISTANT_CITY_KEY, "")):
        city = tenancy_selectors.municipality_by_slug(slug)
    return city


def _ask_form(request: HttpRequest, data: Any = None) -> AskForm:
    """The city is asked only when the person has not chosen one for the whole site."""
    if chosen_city(request) is not None:
        return AskForm(data)
    remembered = request.session.get(ASSISTANT_CITY_KEY, "")
    return AskForm(
        data,
        municipalities=tenancy_selectors.municipalities(),
        initial={"municipality": remembered or None},
    )


def _from_widget(request: HttpRequest) -> bool:
    return request.POST.get("widget") == "1" or request.GET.get("widget") == "1"


def _turn_url(turn: Turn) -> str:
    return f"{reverse('assistant:ask')}#turn-{turn.number}"


def _answered(request: HttpRequest, turn: Turn) -> HttpResponse:
    """The new turn: swapped into the page or the widget by htmx, else the page again (PRG)."""
    if not is_htmx(request):
        return redirect(_turn_url(turn))
    template = "assistant/_widget_answer.html" if _from_widget(request) else "assistant/_turn.html"
    return render(request, template, {"turn": turn, "latest": True})


def _refused(request: HttpRequest, message: str) -> HttpResponse:
    """An htmx refusal goes next to the form that asked (htmx swaps only 2xx answers)."""
    target = "#assistant-widget-answer" if _from_widget(request) else "#assistant-errors"
    response = render(request, "assistant/_refusal.html", {"message": message})
    return reswap(retarget(response, target), "innerHTML")


def _ask_and_keep(request: HttpRequest, question: str, municipality: Municipality | None) -> Turn:
    """Ask (counting the attempt in the rate limit) and add the turn to the conversation."""
    check_rate_limit(request, group="assistant-ask", rate=ASK_RATE)
    reply = asking.ask(
        question=question,
        actor=request.user if request.user.is_authenticated else None,
        language=get_language(),
        municipality=municipality,
    )
    return Transcript(request.session).add(Turn.from_reply(question, reply))


def _entry_turn(request: HttpRequest, key: str) -> Turn | None:
    """A suggested topic the person picked: its answer, without guessing again."""
    language = get_language() or "fi"
    entry = selectors.published_entry(key, language, _assistant_city(request))
    if entry is None:
        return None
    turn = Turn(
        question=entry.title,
        language=language,
        answer=entry.answer,
        entry=entry.key,
        link=entry.link,
        link_label=entry.link_label,
    )
    return Transcript(request.session).add(turn)


def _page(request: HttpRequest, form: AskForm, *, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "turns": Transcript(request.session).turns(),
        "city": chosen_city(request),
        "conversation_token": request.session.get(CONVERSATION_KEY, ""),
    }
    return render(request, "assistant/ask.html", context, status=status)


def _post(request: HttpRequest) -> HttpResponse:
    if "clear" in request.POST:
        Transcript(request.session).clear()
        return redirect("assistant:ask")
    form = _ask_form(request, request.POST)
    status = 200
    if form.is_valid():
        municipality = chosen_city(request)
        if municipality is None and "municipality" in form.fields:
            municipality = form.cleaned_data.get("municipality")
            if municipality is not None:
                request.session[ASSISTANT_CITY_KEY] = municipality.slug
            else:
                request.session.pop(ASSISTANT_CITY_KEY, None)
        try:
            turn = _ask_and_keep(request, form.cleaned_data["question"], municipality)
        except DomainError as error:
            add_domain_error(form, error)
            status = error.status if isinstance(error, RateLimited) else 200
        else:
            return _answered(request, turn)
    if is_htmx(request):
        errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
        return _refused(request, " ".join(errors))
    return _page(request, form, status=status)


def ask(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _post(request)
    if key := request.GET.get("entry", ""):
        turn = _entry_turn(request, key)
        if turn is not None:
            return _answered(request, turn)
        if is_htmx(request):
            return _refused(request, str(NotFound.default_message))
        messages.error(request, _("That topic was not found. Please ask in your own words."))
        return redirect("assistant:ask")
    if question := request.GET.get("q", "").strip():
        # A link that asks a question (e.g. from a help text): answered once, then the page.
        form = _ask_form(request, {"question": question})
        status = 200
        if form.is_valid():
            try:
                turn = _ask_and_keep(request, question, _assistant_city(request))
            except DomainError as error:
                add_domain_error(form, error)
                status = error.status if isinstance(error, RateLimited) else 200
            else:
                return _answered(request, turn)
        return _page(request, form, status=status)
    return _page(request, _ask_form(request))


@require_POST
@rate_limit_posts(group="assistant-not-helpful", rate="30/m")
def not_helpful(request: HttpRequest) -> HttpResponse:
    token = request.POST.get("exchange", "")
    exchange_id = exchange_from(token)
    if exchange_id is None:
        return HttpResponseBadRequest(_("This answer can no longer be rated."))
    # Purged since: nothing left to mark, and the person needs no error for it.
    with contextlib.suppress(NotFound):
        asking.mark_not_helpful(exchange_id=exchange_id)
    Transcript(request.session).mark_rated(exchange_id)
    thanks = _("Thank you. The assistant's keepers will look at this question.")
    if is_htmx(request):
        return render(request, "assistant/_thanks.html", {"message": thanks})
    messages.success(request, thanks)
    return redirect("assistant:ask")
