"""iCalendar feeds of public culture offerings, per municipality and per provider.

Calendar apps subscribe to these without logging in and without a language in the URL; the
texts come in the language of `?lang=fi|sv|en`, else the Accept-Language header, else Finnish.
A feed lists the public, upcoming times of published offerings for the next
`FEED_DAYS` days (at most `FEED_LIMIT` of them), cancellations included so that subscribers see
them change. Feeds may be cached by browsers and proxies for a short while.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from lampio.offerings import ical, selectors
from lampio.tenancy import selectors as tenancy_selectors

FEED_DAYS = 180
FEED_LIMIT = 2000
FEED_MAX_AGE = 15 * 60  # seconds


def _language(request: HttpRequest) -> str:
    wanted = request.GET.get("lang", "")
    if wanted in dict(settings.LANGUAGES):
        return wanted
    return translation.get_language() or settings.LANGUAGE_CODE


def _feed(request: HttpRequest, name: str, filters: selectors.OfferingFilters) -> HttpResponse:
    occurrences = selectors.search_occurrences(filters)[:FEED_LIMIT]
    response = HttpResponse(
        ical.feed_ics(name, occurrences), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="offerings.ics"'
    response["Content-Language"] = translation.get_language()
    return response


def _window() -> tuple[datetime, datetime]:
    now = timezone.now()
    return now, now + timedelta(days=FEED_DAYS)


@require_safe
@cache_control(public=True, max_age=FEED_MAX_AGE)
def municipality_feed(request: HttpRequest, municipality: str) -> HttpResponse:
    """Every public upcoming time of published offerings in one municipality."""
    place = tenancy_selectors.municipality_by_slug(municipality)
    if place is None:
        raise Http404
    start, end = _window()
    with translation.override(_language(request)):
        name = _("Culture in %(municipality)s") % {"municipality": place.name}
        filters = selectors.OfferingFilters(municipality=place.slug, start=start, end=end)
        return _feed(request, name, filters)


@require_safe
@cache_control(public=True, max_age=FEED_MAX_AGE)
def provider_feed(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    """Every public upcoming time of one provider's published offerings."""
    provider = (
        tenancy_selectors.public_organisations()
        .filter(municipality__slug=municipality, slug=organisation)
        .first()
    )
    if provider is None:
        raise Http404
    start, end = _window()
    with translation.override(_language(request)):
        name = _("%(provider)s: culture offerings") % {"provider": provider.name}
        filters = selectors.OfferingFilters(provider=provider.pk, start=start, end=end)
        return _feed(request, name, filters)
