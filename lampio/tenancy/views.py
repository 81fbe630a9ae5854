from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, read_rows
from lampio.core.urlsafety import safe_next_url
from lampio.tenancy import selectors, services
from lampio.tenancy.access import organisation_in_url, staff_required
from lampio.tenancy.context_processors import SESSION_KEY
from lampio.tenancy.forms import AddMemberForm, ChangeRoleForm, CityPickerForm
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


@rate_limit_posts(group="city-picker", rate="60/m")
def choose_city(request: HttpRequest) -> HttpResponse:
    form = CityPickerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        slug = form.cleaned_data["municipality"]
        if slug and selectors.municipality_by_slug(slug) is None:
            form.add_error("municipality", _("Choose one of the listed cities."))
        else:
            if slug:
                request.session[SESSION_KEY] = slug
            else:
                request.session.pop(SESSION_KEY, None)
            return redirect(safe_next_url(request, form.cleaned_data["next"], reverse("home")))
    return render(
        request,
        "tenancy/choose_city.html",
        {
            "form": form,
            "municipalities": selectors.municipalities(),
            "next": safe_next_url(request, request.GET.get("next"), ""),
        },
    )


@staff_required
def staff_home(request: HttpRequest) -> HttpResponse:
    organisations = selectors.organisations_for(actor=request.user, action=Action.VIEW)
    return render(request, "tenancy/staff_home.html", {"organisations": organisations})


def _organisation(request: HttpRequest, municipality: str, organisation: str) -> Organisation:
    try:
        return selectors.organisation_for(
            actor=request.user, slug=organisation, municipality_slug=municipality
        )
    except NotFound as error:
        raise Http404 from error


@staff_required
@rate_limit_posts(group="staff-members", rate="30/m")
def organisation_detail(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    user = acting_user(request)
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_member(actor=user, organisation=org, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The member was added."))
            return redirect(request.path)
    return render(
        request,
        "tenancy/organisation_detail.html",
        {
            "organisation": org,
            "members": selectors.members_of(actor=user, organisation=org),
            "can_manage_members": can(user, Action.MANAGE_MEMBERS, org),
            "audit_entries": selectors.audit_trail(actor=user, organisation=org),
            "may_view_audit": can(user, Action.VIEW_AUDIT, org),
            "form": form,
            "role_form": ChangeRoleForm(),
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group="staff-members", rate="30/m")
def change_member(
    request: HttpRequest, municipality: str, organisation: str, membership_id: int
) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    user = acting_user(request)
    membership = selectors.membership_for(actor=user, organisation=org, membership_id=membership_id)
    remove = request.POST.get("action") == "remove"
    form = ChangeRoleForm(request.POST)
    try:
        if remove:
            services.remove_member(actor=user, membership=membership)
            messages.success(request, _("The member was removed."))
        elif form.is_valid():
            services.change_member_role(actor=user, membership=membership, **form.cleaned_data)
            messages.success(request, _("The role was changed."))
        else:
            messages.error(request, _("Choose one of the offered roles."))
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("tenancy:organisation", municipality=municipality, organisation=organisation)


@staff_required
def personal_data_reads(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    """Who read residents' personal data held by the organisation, and when."""
    org = organisation_in_url(request, municipality, organisation, Action.VIEW_AUDIT)
    kind = request.GET.get("kind", "")
    if kind not in PersonalDataRead.values:
        kind = ""
    entries = selectors.personal_data_reads(actor=acting_user(request), organisation=org, kind=kind)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "tenancy/personal_data_reads.html",
        {
            "organisation": org,
            "rows": read_rows(page.object_list),
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "kinds": PersonalDataRead.choices,
            "kind": kind,
        },
    )
