"""Pages that compose several domains, like urls.py and api.py do at the project level."""

from __future__ import annotations

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lampio.tenancy import selectors as tenancy
from lampio.tenancy.context_processors import SESSION_KEY


def home(request: HttpRequest) -> HttpResponse:
    """The resident front page: the chosen city's culture organisations, grouped by kind."""
    slug = request.session.get(SESSION_KEY)
    city = tenancy.municipality_by_slug(slug) if slug else None
    groups = []
    if city is not None:
        organisations = sorted(
            tenancy.public_organisations(municipality=city), key=lambda org: (org.kind, org.name)
        )
        groups = [
            (organisations_of_kind[0].get_kind_display(), organisations_of_kind)
            for _kind, group in groupby(organisations, key=lambda org: org.kind)
            if (organisations_of_kind := list(group))
        ]
    return render(
        request,
        "home.html",
        {"city": city, "groups": groups, "municipalities": tenancy.municipalities()},
    )
