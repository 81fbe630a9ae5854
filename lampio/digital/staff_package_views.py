"""The provider's season packages: plans to sell, and which care units bought them and used how
much. An organisation the person does not work for, or a plan of another organisation, answers
404; a member who may not publish answers 403."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lampio.accounts.auth import acting_user
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.digital import package_selectors as selectors
from lampio.digital.services import packages as services
from lampio.digital.staff_package_forms import PlanForm
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.permissions import Action

RATE = "60/m"
RATE_GROUP = "staff-packages"


@staff_required
def package_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    plans = selectors.plans_of(actor=acting_user(request), provider=org)
    return render(request, "digital/staff/packages.html", {"organisation": org, "plans": plans})


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def package_create(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    form = PlanForm(request.POST or None, initial={"is_on_sale": True})
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.create_plan(actor=user, provider=org, details=form.details()),
        success=_("The season package was saved."),
    ):
        return redirect("digital_staff:packages", **org_url_kwargs(org))
    context = {"organisation": org, "form": form, "plan": None}
    return render(request, "digital/staff/package_form.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def package_edit(
    request: HttpRequest, municipality: str, organisation: str, plan_id: int
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    plan = found(selectors.managed_plan, actor=user, provider=org, plan_id=plan_id)
    form = PlanForm(request.POST or None, initial=PlanForm.initial_for(plan))
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.update_plan(actor=user, plan=plan, details=form.details()),
        success=_("The season package was saved."),
    ):
        return redirect(request.path)
    context = {
        "organisation": org,
        "form": form,
        "plan": plan,
        "sales": selectors.sales_of(plan),
    }
    return render(request, "digital/staff/package_form.html", context)
