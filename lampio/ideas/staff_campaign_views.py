"""Staff pages around the ideas: the moderation queue, the organisation's campaigns (list, new,
change) and a campaign's ideas and supports as CSV for the steering group.

Reads need VIEW on the organisation in the address (the queue and campaign forms MANAGE);
another organisation's campaign answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.ideas import exports, services, staff_selectors
from lampio.ideas.models import Campaign
from lampio.ideas.staff_forms import CampaignForm
from lampio.tenancy.access import org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

RATE = "60/m"
RATE_GROUP = "staff-ideas"


@staff_required
def queue(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    found = staff_selectors.moderation_queue(actor=acting_user(request), organisation=org)
    return render(
        request,
        "ideas/staff/queue.html",
        {"organisation": org, "section": "queue", "queue": found},
    )


# --- Campaigns ----------------------------------------------------------------------------------


def campaign_in_url(
    request: HttpRequest, municipality: str, organisation: str, campaign_id: int, action: Action
) -> tuple[Organisation, Campaign]:
    org = organisation_in_url(request, municipality, organisation, action)
    campaign = (
        staff_selectors.staff_campaigns(actor=acting_user(request), organisation=org)
        .filter(pk=campaign_id)
        .first()
    )
    if campaign is None:
        raise Http404
    return org, campaign


@staff_required
def campaigns(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    user = acting_user(request)
    today = timezone.localdate()
    return render(
        request,
        "ideas/staff/campaigns.html",
        {
            "organisation": org,
            "section": "campaigns",
            "campaigns": list(staff_selectors.staff_campaigns(actor=user, organisation=org)),
            "has_boards": staff_selectors.organisation_boards(
                actor=user, organisation=org
            ).exists(),
            "today": today,
            "may_manage": can(user, Action.MANAGE, org),
        },
    )


def _campaign_form_page(
    request: HttpRequest, org: Organisation, form: CampaignForm, campaign: Campaign | None
) -> HttpResponse:
    return render(
        request,
        "ideas/staff/campaign_form.html",
        {"organisation": org, "section": "campaigns", "form": form, "campaign": campaign},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def campaign_new(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    user = acting_user(request)
    boards = staff_selectors.organisation_boards(actor=user, organisation=org)
    form = CampaignForm(request.POST or None, boards=boards)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_campaign(
                actor=user, board=form.cleaned_data["board"], data=form.data_for_service()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The campaign was created."))
            return redirect("ideas_staff:campaigns", **org_url_kwargs(org))
    return _campaign_form_page(request, org, form, None)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def campaign_edit(
    request: HttpRequest, municipality: str, organisation: str, campaign_id: int
) -> HttpResponse:
    org, campaign = campaign_in_url(request, municipality, organisation, campaign_id, Action.MANAGE)
    user = acting_user(request)
    boards = staff_selectors.organisation_boards(actor=user, organisation=org)
    form = CampaignForm(request.POST or None, boards=boards, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_campaign(
                actor=user, board=campaign.board, data=form.data_for_service(), campaign=campaign
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The campaign was saved."))
            return redirect("ideas_staff:campaigns", **org_url_kwargs(org))
    return _campaign_form_page(request, org, form, campaign)


# --- CSV for the steering group -----------------------------------------------------------------


def _csv(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_required
def campaign_ideas_csv(
    request: HttpRequest, municipality: str, organisation: str, campaign_id: int
) -> HttpResponse:
    _org, campaign = campaign_in_url(request, municipality, organisation, campaign_id, Action.VIEW)
    return _csv(exports.ideas_csv(campaign), f"campaign-{campaign.slug}-ideas.csv")


@staff_required
def campaign_supports_csv(
    request: HttpRequest, municipality: str, organisation: str, campaign_id: int
) -> HttpResponse:
    _org, campaign = campaign_in_url(request, municipality, organisation, campaign_id, Action.VIEW)
    period = request.GET.get("period", "day")
    if period not in exports.PERIODS:
        period = "day"
    return _csv(
        exports.supports_csv(campaign, period), f"campaign-{campaign.slug}-supports-{period}.csv"
    )
