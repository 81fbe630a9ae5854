"""Staff get their organisation's open survey links: one for the whole organisation and one per
venue, each with a QR code and a printable poster. Reading needs VIEW; there is nothing to
change here, and no answers are shown (results are in Insights, with small groups hidden).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lampio.core.errors import NotFound
from lampio.spaces.models import Venue
from lampio.spaces.qr import qr_svg
from lampio.surveys import selectors
from lampio.tenancy.access import organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

# A poster speaks to every visitor, whatever language the staff member reads the site in.
POSTER_LANGUAGES = ("fi", "sv", "en")


def _link(request: HttpRequest, organisation: Organisation, venue: Venue | None) -> str:
    token = selectors.visit_link_of(organisation, venue)
    return request.build_absolute_uri(
        reverse("surveys:visit", kwargs={"survey_visit_token": token})
    )


@staff_required
@require_GET
def links(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    venues = [
        {"venue": venue, "url": _link(request, org, venue)}
        for venue in selectors.venues_for_links(org)
    ]
    context = {"organisation": org, "organisation_url": _link(request, org, None), "venues": venues}
    return render(request, "surveys/staff/links.html", context)


def _poster(request: HttpRequest, org: Organisation, venue: Venue | None) -> HttpResponse:
    url = _link(request, org, venue)
    place = venue.name if venue is not None else org.name
    svg = qr_svg(url, title=_("QR code to the visitor survey: %(place)s") % {"place": place})
    if request.GET.get("format") == "svg":
        response = HttpResponse(svg, content_type="image/svg+xml")
        name = f"survey-venue-{venue.pk}" if venue is not None else f"survey-{org.slug}"
        response["Content-Disposition"] = f'attachment; filename="{name}-qr.svg"'
        return response
    context = {
        "organisation": org,
        "venue": venue,
        "place": place,
        "url": url,
        "svg": svg,
        "poster_languages": POSTER_LANGUAGES,
    }
    return render(request, "surveys/staff/poster.html", context)


@staff_required
@require_GET
def poster(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    """The whole organisation's poster (for a desk that serves several venues)."""
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    return _poster(request, org, None)


@staff_required
@require_GET
def venue_poster(
    request: HttpRequest, municipality: str, organisation: str, venue_id: int
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    try:
        venue = selectors.venue_of(org, venue_id)
    except NotFound as error:
        raise Http404 from error
    return _poster(request, org, venue)
