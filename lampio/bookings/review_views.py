"""Quick feedback after a booking, through the secret link in the feedback request (no login).

The link carries the booking's `feed_token`; an unknown or cancelled booking's link is 404.
"""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from lampio.bookings import review_selectors
from lampio.bookings.review_forms import ReviewForm
from lampio.bookings.review_services import give_review
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found


@never_cache
@rate_limit_posts(group="booking-review", rate="10/m")
def give(request: HttpRequest, booking_token: UUID) -> HttpResponse:
    booking = found(review_selectors.booking_for_review, token=booking_token)
    now = timezone.now()
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            give_review(
                booking=booking,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                now=now,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("booking_review:thanks", booking_token=booking.feed_token)
    return render(
        request,
        "bookings/reviews/give.html",
        {
            "form": form,
            "booking": booking,
            "space": booking.space,
            "has_ended": booking.ends_at <= now,
            "already_given": review_selectors.has_review(booking),
        },
    )


@never_cache
def thanks(request: HttpRequest, booking_token: UUID) -> HttpResponse:
    booking = found(review_selectors.booking_for_review, token=booking_token)
    return render(request, "bookings/reviews/thanks.html", {"booking": booking})
