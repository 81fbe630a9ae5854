"""Residents' message pages: my messages, my choices, the unsubscribe link, the demo outbox."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lampio.accounts.auth import acting_user
from lampio.core.errors import NotFound
from lampio.core.ratelimit import rate_limit_posts
from lampio.notifications import selectors, services
from lampio.notifications.forms import PreferenceForm

RATE = "10/m"


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    person = acting_user(request)
    return render(
        request,
        "notifications/mine.html",
        {
            "deliveries": selectors.my_messages(person=person),
            "wants_non_essential": services.wants_non_essential(person),
        },
    )


@login_required
@rate_limit_posts(group="message-preferences", rate=RATE)
def preferences(request: HttpRequest) -> HttpResponse:
    person = acting_user(request)
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            wanted = form.cleaned_data["non_essential"]
            services.set_non_essential(person=person, wanted=wanted)
            if wanted:
                messages.success(
                    request, _("You will get reminders, alerts and feedback requests.")
                )
            else:
                messages.success(
                    request, _("You will no longer get reminders, alerts or feedback requests.")
                )
            return redirect("notifications:preferences")
    else:
        form = PreferenceForm(initial={"non_essential": services.wants_non_essential(person)})
    return render(request, "notifications/preferences.html", {"form": form})


@rate_limit_posts(group="message-unsubscribe", rate=RATE)
def unsubscribe(request: HttpRequest, unsubscribe_token: str) -> HttpResponse:
    """Works without logging in: the signed token in the link names the person."""
    if request.method == "POST":
        try:
            services.unsubscribe(token=unsubscribe_token)
        except NotFound as error:
            raise Http404 from error
        messages.success(
            request, _("Done. You will no longer get reminders, alerts or feedback requests.")
        )
        return redirect("notifications:unsubscribe", unsubscribe_token=unsubscribe_token)
    person = selectors.person_for_token(unsubscribe_token)
    if person is None:
        raise Http404
    return render(
        request,
        "notifications/unsubscribe.html",
        {"subscribed": services.wants_non_essential(person)},
    )


def outbox(request: HttpRequest) -> HttpResponse:
    """What the demo "sent": only in demo mode, where no real message leaves the server."""
    if not getattr(settings, "LAMPIO_DEMO", False):
        raise Http404
    return render(request, "notifications/outbox.html", {"deliveries": selectors.demo_outbox()})
