"""Residents' feedback pages: give feedback, the receipt, tracking, published feedback, photos.

Whoever holds a tracking link may read that message's progress and see its photos; nothing
else about a message is visible to residents unless the staff published it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lampio.core.errors import DomainError, NotFound, RateLimited
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import check_rate_limit, client_ip, user_or_ip
from lampio.feedback import resident_selectors, selectors, subjects
from lampio.feedback.forms import FeedbackForm
from lampio.feedback.models import EventKind, Feedback, FeedbackCategory
from lampio.feedback.services.submission import submit_feedback
from lampio.tenancy.access import found
from lampio.tenancy.context_processors import SESSION_KEY
from lampio.tenancy.models import Municipality

# Per person (or per address when not logged in), and per address for many accounts at once.
ACCOUNT_RATE, IP_RATE = "5/m", "20/h"
PUBLIC_PER_PAGE = 20


def _municipality_for(request: HttpRequest, chosen: subjects.ChosenSubject) -> Municipality | None:
    if chosen.municipality is not None:
        return chosen.municipality
    asked = request.GET.get("municipality", "")
    if asked:
        return subjects.municipality_taking_feedback(asked)
    return subjects.default_municipality(request.session.get(SESSION_KEY, "") or "")


def _initial(request: HttpRequest, chosen: subjects.ChosenSubject) -> dict[str, Any]:
    initial: dict[str, Any] = {"category": chosen.likely_category or None}
    user = request.user
    if user.is_authenticated:
        initial.update(
            contact_name=user.get_full_name(),
            contact_email=user.email or "",
            contact_phone=user.phone or "",
        )
    return initial


def _rate_limited(request: HttpRequest) -> RateLimited | None:
    """Count the attempt in both limits (so neither can be dodged through the other)."""
    refusal: RateLimited | None = None
    for group, rate, key in (
        ("feedback-give", ACCOUNT_RATE, user_or_ip),
        ("feedback-give-ip", IP_RATE, client_ip),
    ):
        try:
            check_rate_limit(request, group=group, rate=rate, key=key)
        except RateLimited as error:
            refusal = error
    return refusal


def _ask_for_photos_again(request: HttpRequest, form: FeedbackForm) -> None:
    """A browser cannot keep chosen files across a failed send: say so next to the field."""
    if request.FILES.getlist("photos"):
        form.add_error("photos", _("The photos were not sent. Choose them again before you send."))


def give(request: HttpRequest) -> HttpResponse:
    chosen = found(subjects.subject_from_query, actor=request.user, query=request.GET)
    municipality = _municipality_for(request, chosen)
    context: dict[str, Any] = {
        "chosen": chosen,
        "municipality": municipality,
        "municipalities": subjects.municipalities_taking_feedback(),
        "map_tile_url": settings.LAMPIO_MAP_TILE_URL,
        "map_attribution": settings.LAMPIO_MAP_ATTRIBUTION,
    }
    if municipality is None or not subjects.takes_feedback(municipality):
        return render(request, "feedback/give.html", {**context, "form": None})
    categories = selectors.categories_of(municipality.pk)
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST, request.FILES, categories=categories)
        limited = _rate_limited(request)
        if limited is not None:
            form.is_valid()  # keep what was typed; the refusal goes at the top
            form.add_error(None, str(limited.message))
            status = 429
        elif form.is_valid():
            try:
                feedback = submit_feedback(
                    actor=request.user if request.user.is_authenticated else None,
                    municipality=municipality,
                    draft=form.draft(subject=chosen.subject, language=get_language() or "fi"),
                    photos=form.photo_uploads(),
                    share_photo_location=form.cleaned_data["share_photo_location"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                return redirect("feedback:receipt", feedback_token=feedback.tracking_token)
        _ask_for_photos_again(request, form)
    else:
        form = FeedbackForm(initial=_initial(request, chosen), categories=categories)
    return render(request, "feedback/give.html", {**context, "form": form}, status=status)


def _tracking_context(request: HttpRequest, feedback: Feedback) -> dict[str, Any]:
    link = request.build_absolute_uri(
        reverse("feedback:track", kwargs={"feedback_token": feedback.tracking_token})
    )
    return {
        "feedback": feedback,
        "tracking_link": link,
        "answer_day": resident_selectors.answer_day(feedback),
        "photos": resident_selectors.photos_of(feedback),
    }


def _private(response: HttpResponse) -> HttpResponse:
    # The token in the address is the key: keep these pages out of shared caches. (The site's
    # same-origin referrer policy already keeps it from other sites.)
    response["Cache-Control"] = "private, no-store"
    return response


def receipt(request: HttpRequest, feedback_token: str) -> HttpResponse:
    feedback = found(selectors.tracked_feedback, token=feedback_token)
    return _private(render(request, "feedback/receipt.html", _tracking_context(request, feedback)))


def track(request: HttpRequest, feedback_token: str) -> HttpResponse:
    feedback = found(selectors.tracked_feedback, token=feedback_token)
    events = list(resident_selectors.public_timeline(feedback))
    context = {
        **_tracking_context(request, feedback),
        "events": events,
        "answers": [event for event in events if event.kind == EventKind.REPLY],
    }
    return _private(render(request, "feedback/track.html", context))


def public(request: HttpRequest) -> HttpResponse:
    municipalities = subjects.municipalities_taking_feedback()
    asked = request.GET.get("municipality")
    municipality = (
        subjects.municipality_taking_feedback(asked)
        if asked is not None
        else subjects.municipality_taking_feedback(request.session.get(SESSION_KEY, "") or "")
    )
    categories = (
        selectors.categories_of(municipality.pk)
        if municipality is not None
        else FeedbackCategory.objects.none()
    )
    category = request.GET.get("category", "")
    if category and not categories.filter(code=category).exists():
        category = ""
    items = resident_selectors.published_feedback(municipality=municipality, category_code=category)
    page = Paginator(items, PUBLIC_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "municipalities": municipalities,
        "municipality": municipality,
        "categories": categories,
        "category": category,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
    }
    return render(request, "feedback/public.html", context)


def photo(request: HttpRequest, feedback_photo_id: int) -> HttpResponseBase:
    try:
        access = resident_selectors.photo_for(
            actor=request.user, photo_id=feedback_photo_id, token=request.GET.get("t", "")
        )
        image = access.photo.image.open("rb")
    except (NotFound, FileNotFoundError) as error:
        raise Http404 from error
    response = FileResponse(image)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if access.is_public else "private, no-store"
    return response
