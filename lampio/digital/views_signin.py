"""Taking part without a password: the address page, the code page, and the signed-in button.

Both POSTs are rate limited per client address (and per account when signed in); the service
also limits codes per email address. What the pages say never depends on whether an address
already has an account.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, RateLimited
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import check_rate_limit, rate_limit_posts
from lampio.digital import selectors
from lampio.digital.forms_signin import AddressForm, CodeForm
from lampio.digital.services import signin
from lampio.offerings.models import Occurrence
from lampio.tenancy.access import found

SESSION_ADDRESS = "digital_signin_address"


def _session_page(occurrence: Occurrence) -> str:
    return reverse("digital:session", kwargs={"occurrence_id": occurrence.pk})


def _tell_outcome(request: HttpRequest, result: signin.TakePartResult) -> None:
    if result.outcome == signin.TakePartOutcome.CONFIRMED:
        text = _(
            "You are taking part. We will remind you the day before and 15 minutes before "
            "the start."
        )
    elif result.outcome == signin.TakePartOutcome.WAITLISTED:
        text = _(
            "The session is full, so you are on the waiting list. If a place frees up, it is "
            "yours, and we will let you know."
        )
    elif result.outcome == signin.TakePartOutcome.DROP_IN:
        text = _("No enrolment is needed – just come back at the start time.")
    else:
        text = _("You are already taking part.")
    messages.success(request, text)


def _render(
    request: HttpRequest,
    template: str,
    occurrence: Occurrence,
    status: int = 200,
    **context: object,
) -> HttpResponse:
    context |= {"occurrence": occurrence, "offering": occurrence.offering}
    return render(request, template, context, status=status)


@never_cache
@rate_limit_posts(group="digital-take-part", rate="10/m")
def take_part(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    """Signed in: one button that enrols. Not signed in: the address to send a code to."""
    occurrence = found(selectors.public_session, occurrence_id=occurrence_id)
    if request.user.is_authenticated:
        return _take_part_signed_in(request, occurrence)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["address"]
        try:
            check_rate_limit(request, group="digital-take-part-hour", rate="60/h")
            code_page = request.build_absolute_uri(
                reverse("digital:take_part_code", kwargs={"occurrence_id": occurrence.pk})
            )
            signin.request_sign_in_code(
                address=address,
                occurrence=occurrence,
                code_page_url=code_page,
                language=translation.get_language() or "fi",
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = 429 if isinstance(error, RateLimited) else 200
            return _render(request, "digital/take_part.html", occurrence, status, form=form)
        request.session[SESSION_ADDRESS] = address
        return redirect("digital:take_part_code", occurrence_id=occurrence.pk)
    return _render(request, "digital/take_part.html", occurrence, form=form)


def _take_part_signed_in(request: HttpRequest, occurrence: Occurrence) -> HttpResponse:
    error = ""
    if request.method == "POST":
        try:
            result = signin.take_part(actor=acting_user(request), occurrence=occurrence)
        except DomainError as refusal:
            error = str(refusal.message)
        else:
            _tell_outcome(request, result)
            return redirect(_session_page(occurrence))
    return _render(request, "digital/take_part.html", occurrence, error=error)


@never_cache
@rate_limit_posts(group="digital-take-part-code", rate="10/m")
def take_part_code(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    """Type the code; a right one signs in (remembered on this device) and takes part."""
    occurrence = found(selectors.public_session, occurrence_id=occurrence_id)
    ticket = request.GET.get("ticket", "")
    known = (signin.address_from_ticket(ticket) if ticket else "") or request.session.get(
        SESSION_ADDRESS, ""
    )
    initial = {"address": known} if known else {}
    form = CodeForm(request.POST or None, initial=initial, address_known=bool(known))
    if request.method == "POST" and form.is_valid():
        try:
            person = signin.redeem_sign_in_code(
                address=form.cleaned_data["address"],
                code=form.cleaned_data["code"],
                language=translation.get_language() or "fi",
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            login(request, person, backend="django.contrib.auth.backends.ModelBackend")
            request.session.set_expiry(signin.REMEMBER_FOR)
            request.session.pop(SESSION_ADDRESS, None)
            messages.success(request, _("You are signed in on this device."))
            try:
                _tell_outcome(request, signin.take_part(actor=person, occurrence=occurrence))
            except DomainError as refusal:
                messages.error(request, str(refusal.message))
            return redirect(_session_page(occurrence))
    return _render(request, "digital/take_part_code.html", occurrence, form=form, address=known)
