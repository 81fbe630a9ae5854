"""The feedback bookers gave on the organisation's spaces, with each space's average.

Only staff who may manage the organisation see it; another organisation's list is 404.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lampio.bookings import review_selectors
from lampio.bookings.review_forms import SpaceFilterForm
from lampio.spaces.selectors import managed_spaces
from lampio.tenancy.access import organisation_in_url, staff_required
from lampio.tenancy.permissions import Action

PER_PAGE = 50


@staff_required
def review_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    spaces = list(managed_spaces(actor=request.user, organisation=org))
    form = SpaceFilterForm(request.GET or None, spaces=spaces)
    reviews = review_selectors.reviews_of_organisation(
        actor=request.user, organisation=org, space_id=form.space_id() if form.is_bound else None
    )
    page = Paginator(reviews, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "bookings/reviews/staff_list.html",
        {
            "organisation": org,
            "section": "reviews",
            "form": form,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "averages": review_selectors.averages_per_space(actor=request.user, organisation=org),
        },
    )
