"""Staff pages of the maturity self-assessment: the network heat map, an organisation's
history, and its draft (scores per dimension, evidence links, submit).

An organisation's pages need VIEW there (another organisation's answer 404); changes MANAGE."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lampio.accounts.auth import acting_user
from lampio.capability.forms_maturity import AssessmentForm, EvidenceLinkForm, HeatMapFilterForm
from lampio.capability.models import LEVELS, AssessmentStatus, SelfAssessment
from lampio.capability.selectors import maturity as selectors
from lampio.capability.services import maturity as services
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

RATE = "60/m"
RATE_GROUP = "staff-capability"


@staff_required
def maturity_map(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    heat = selectors.heat_map(actor=user)
    form = HeatMapFilterForm(request.GET or None, municipalities=heat.municipalities)
    if chosen := form.chosen():
        heat = selectors.heat_map(actor=user, municipality=chosen)
    return render(
        request,
        "capability/staff/maturity/map.html",
        {
            "heat": heat,
            "form": form,
            "levels": LEVELS,
            "own_organisations": selectors.organisations_to_assess(actor=user),
        },
    )


@staff_required
def maturity_organisation(
    request: HttpRequest, municipality: str, organisation: str
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    user = acting_user(request)
    return render(
        request,
        "capability/staff/maturity/organisation.html",
        {
            "organisation": org,
            "history": selectors.assessment_history(actor=user, organisation=org),
            "dimensions": selectors.active_dimensions(),
            "draft": selectors.draft_of(actor=user, organisation=org),
            "may_manage": can(user, Action.MANAGE, org),
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def maturity_start(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    draft = services.start_assessment(actor=acting_user(request), organisation=org)
    return redirect(
        "capability_staff:maturity_assessment", **org_url_kwargs(org), assessment_id=draft.pk
    )


def _assessment_in_url(
    request: HttpRequest, municipality: str, organisation: str, assessment_id: int, action: Action
) -> tuple[Organisation, SelfAssessment]:
    org = organisation_in_url(request, municipality, organisation, action)
    assessment = found(
        selectors.assessment_for,
        actor=acting_user(request),
        organisation=org,
        assessment_id=assessment_id,
    )
    return org, assessment


def _blank_form(
    editable: bool, answers: list[selectors.DimensionAnswer], assessment: SelfAssessment
) -> AssessmentForm | None:
    if not editable:
        return None
    return AssessmentForm(answers=answers, initial={"summary": assessment.summary})


def _assessment_page(
    request: HttpRequest,
    org: Organisation,
    assessment: SelfAssessment,
    form: AssessmentForm | None = None,
    link_form: EvidenceLinkForm | None = None,
    status: int = 200,
) -> HttpResponse:
    answers = selectors.assessment_answers(assessment)
    user = acting_user(request)
    editable = assessment.status == AssessmentStatus.DRAFT and can(user, Action.MANAGE, org)
    return render(
        request,
        "capability/staff/maturity/assessment.html",
        {
            "organisation": org,
            "assessment": assessment,
            "answers": answers,
            "editable": editable,
            "form": form or _blank_form(editable, answers, assessment),
            "link_form": link_form or (EvidenceLinkForm() if editable else None),
            "levels": LEVELS,
        },
        status=status,
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def maturity_assessment(
    request: HttpRequest, municipality: str, organisation: str, assessment_id: int
) -> HttpResponse:
    action = Action.MANAGE if request.method == "POST" else Action.VIEW
    org, assessment = _assessment_in_url(request, municipality, organisation, assessment_id, action)
    if request.method != "POST":
        return _assessment_page(request, org, assessment)
    user = acting_user(request)
    answers = selectors.assessment_answers(assessment)
    form = AssessmentForm(request.POST, answers=answers)
    if not form.is_valid():
        return _assessment_page(request, org, assessment, form=form)
    submitting = request.POST.get("action") == "submit"
    try:
        services.save_scores(
            actor=user,
            assessment=assessment,
            scores=form.score_data(),
            summary=form.cleaned_data.get("summary") or "",
        )
        if submitting:
            services.submit_assessment(actor=user, assessment=assessment)
    except DomainError as error:
        add_domain_error(form, error)
        return _assessment_page(request, org, assessment, form=form)
    if submitting:
        messages.success(request, _("The self-assessment was submitted. Thank you!"))
        return redirect("capability_staff:maturity_organisation", **org_url_kwargs(org))
    messages.success(request, _("The draft was saved."))
    return redirect(
        "capability_staff:maturity_assessment", **org_url_kwargs(org), assessment_id=assessment.pk
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def maturity_link_add(
    request: HttpRequest, municipality: str, organisation: str, assessment_id: int
) -> HttpResponse:
    org, assessment = _assessment_in_url(
        request, municipality, organisation, assessment_id, Action.MANAGE
    )
    link_form = EvidenceLinkForm(request.POST)
    if link_form.is_valid():
        try:
            services.add_evidence_link(
                actor=acting_user(request),
                assessment=assessment,
                dimension=link_form.cleaned_data["dimension"],
                title=link_form.cleaned_data["title"],
                url=link_form.cleaned_data["url"],
            )
        except DomainError as error:
            add_domain_error(link_form, error)
        else:
            messages.success(request, _("The link was added."))
            return redirect(
                "capability_staff:maturity_assessment",
                **org_url_kwargs(org),
                assessment_id=assessment.pk,
            )
    return _assessment_page(request, org, assessment, link_form=link_form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def maturity_link_remove(
    request: HttpRequest,
    municipality: str,
    organisation: str,
    assessment_id: int,
    maturity_link_id: int,
) -> HttpResponse:
    org, assessment = _assessment_in_url(
        request, municipality, organisation, assessment_id, Action.MANAGE
    )
    try:
        services.remove_evidence_link(
            actor=acting_user(request), assessment=assessment, link_id=maturity_link_id
        )
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The link was removed."))
    return redirect(
        "capability_staff:maturity_assessment", **org_url_kwargs(org), assessment_id=assessment.pk
    )
