"""The public learning library: what the network's pilots learned, for anyone to read.

Planned pilots are left out (they may still change); lessons show the organisation that wrote
them, never the person; uploaded files stay in the staff area, links and recordings are shown.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lampio.capability.forms_pilots import LibrarySearchForm
from lampio.capability.selectors import library as library_selectors
from lampio.capability.selectors import pilots as selectors
from lampio.tenancy.access import found


def library(request: HttpRequest) -> HttpResponse:
    form = LibrarySearchForm(
        request.GET or None, municipalities=selectors.all_municipalities(), public=True
    )
    filters = library_selectors.LibraryFilters(**form.values())
    return render(
        request,
        "capability/library/library.html",
        {
            "form": form,
            "filters": filters.cleaned(),
            "results": library_selectors.search_library(filters, public=True),
            "upcoming": selectors.upcoming_public_webinars(),
        },
    )


def library_pilot(request: HttpRequest, pilot_id: int) -> HttpResponse:
    pilot = found(selectors.public_pilot, pilot_id=pilot_id)
    return render(
        request,
        "capability/library/pilot.html",
        {
            "pilot": pilot,
            "phases": selectors.phases_in_order(pilot),
            "webinars": selectors.webinar_rows(pilot),
            "links": [document for document in pilot.own_documents if not document.file],
        },
    )
