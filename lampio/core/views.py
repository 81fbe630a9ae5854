from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language

from lampio.core.preferences import (
    CALM_CHOICES,
    CONTRASTS,
    TEXT_SIZES,
    DisplayPreferences,
    read_display_preferences,
    store_display_preferences,
)
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.retention import public_register
from lampio.core.urlsafety import safe_next_url

logger = logging.getLogger(__name__)


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    display_url = reverse("core:display_preferences")
    return render(request, "core/accessibility.html", {"display_url": display_url})


def privacy_notice(request: HttpRequest) -> HttpResponse:
    retention = {
        "assistant_days": settings.LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS,
        "feedback_contact_days": settings.LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS,
    }
    return render(request, "core/privacy.html", retention)


def retention_register(request: HttpRequest) -> HttpResponse:
    """What personal data Lämpiö keeps, for how long and why: the retention register."""
    return render(request, "core/retention.html", {"lines": public_register()})


class DisplayPreferencesForm(forms.Form):
    """Each setting left out keeps its current value: the header's calm view button sends only
    `calm`."""

    text_size = forms.ChoiceField(
        label=_("Text size"),
        choices=list(TEXT_SIZES.items()),
        widget=forms.RadioSelect,
        required=False,
    )
    contrast = forms.ChoiceField(
        label=_("Contrast"),
        choices=list(CONTRASTS.items()),
        widget=forms.RadioSelect,
        required=False,
    )
    calm = forms.ChoiceField(
        label=_("Calm view: large text, strong contrast, big buttons"),
        choices=list(CALM_CHOICES.items()),
        widget=forms.RadioSelect,
        required=False,
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


@rate_limit_posts(group="display-preferences", rate="60/m")
def display_preferences(request: HttpRequest) -> HttpResponse:
    current = read_display_preferences(request)
    if request.method == "POST":
        form = DisplayPreferencesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            target = safe_next_url(request, data["next"], reverse("home"))
            response = redirect(target)
            store_display_preferences(
                response,
                DisplayPreferences(
                    text_size=data["text_size"] or current.text_size,
                    contrast=data["contrast"] or current.contrast,
                    calm=data["calm"] or current.calm,
                ),
                secure=settings.HTTPS,
            )
            return response
    else:
        form = DisplayPreferencesForm(
            initial={
                "text_size": current.text_size,
                "contrast": current.contrast,
                "calm": current.calm,
                "next": safe_next_url(request, request.GET.get("next"), ""),
            }
        )
    return render(request, "core/display_preferences.html", {"form": form})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness for the load balancer: 200 only when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, resolving `next` in the language of its own URL prefix.

    translate_url() resolves the path with the active language, which for this unprefixed
    view comes from the browser; a Finnish page seen through an English browser would
    otherwise not be translated to /sv/… but sent back to /fi/….
    """
    next_url = request.POST.get("next", "")
    source_language = get_language_from_path(next_url) or translation.get_language()
    with translation.override(source_language):
        return set_language(request)
