"""Season packages for care units: plans on sale, buying one, "our packages", and paying a
group order with a package. Only people who may order for the care unit in the address reach
these pages; another unit's package or order answers 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.ratelimit import rate_limit_posts
from lampio.digital import package_selectors as selectors
from lampio.digital.services import packages as services
from lampio.offerings.services.orders import ORDERING_KINDS
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "30/m"
RATE_GROUP = "care-packages"


def care_unit_in_url(request: HttpRequest, municipality: str, organisation: str) -> Organisation:
    """The care unit (or school) in the address, if the person may order for it."""
    unit = organisation_in_url(request, municipality, organisation, Action.ORDER)
    if unit.kind not in ORDERING_KINDS:
        raise Http404
    return unit


@staff_required
def care_packages(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    unit = care_unit_in_url(request, municipality, organisation)
    context = {
        "unit": unit,
        "packages": selectors.packages_of_unit(unit),
        "plans": selectors.plans_on_sale(),
    }
    return render(request, "digital/care_packages.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def care_package_buy(
    request: HttpRequest, municipality: str, organisation: str, plan_id: int
) -> HttpResponse:
    """A confirmation page first; the POST buys."""
    unit = care_unit_in_url(request, municipality, organisation)
    plan = found(selectors.plan_on_sale, plan_id=plan_id)
    error_message = ""
    if request.method == "POST":
        try:
            package = services.buy_package(actor=acting_user(request), unit=unit, plan=plan)
        except DomainError as error:
            error_message = str(error.message)
        else:
            messages.success(request, _("The season package is bought."))
            return redirect("digital:care_package", package_id=package.pk, **org_url_kwargs(unit))
    context = {"unit": unit, "plan": plan, "error_message": error_message}
    return render(request, "digital/care_packages_buy.html", context)


@staff_required
def care_package(
    request: HttpRequest, municipality: str, organisation: str, package_id: int
) -> HttpResponse:
    unit = care_unit_in_url(request, municipality, organisation)
    package = found(selectors.package_of_unit, unit=unit, package_id=package_id)
    uses = package.uses.select_related("order__offering", "order__occurrence").order_by(
        "order__occurrence__starts_at"
    )
    context = {"unit": unit, "package": package, "uses": uses}
    return render(request, "digital/care_packages_detail.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def use_package(
    request: HttpRequest, municipality: str, organisation: str, order_id: int
) -> HttpResponse:
    """Pay the unit's group order with one session of the chosen package."""
    unit = care_unit_in_url(request, municipality, organisation)
    order = found(selectors.order_of_unit, unit=unit, order_id=order_id)
    package_id = request.POST.get("package", "")
    try:
        if not package_id.isdigit():
            raise NotFound(_("Choose the season package to pay with."))
        package = selectors.package_of_unit(unit, int(package_id))
        services.use_package(actor=acting_user(request), order=order, package=package)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The order is paid with the season package."))
    return redirect("offerings:unit_order", order_id=order.pk)
