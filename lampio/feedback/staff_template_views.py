"""Staff pages beside the inbox: the organisation's reply templates and the weekly summary."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.feedback import staff_selectors as selectors
from lampio.feedback import summary_selectors
from lampio.feedback.services import reply_templates as services
from lampio.feedback.staff_forms import ReplyTemplateForm
from lampio.feedback.staff_views import RATE, RATE_GROUP
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.permissions import Action, can


@staff_required
def templates(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    user = acting_user(request)
    context = {
        "organisation": org,
        "templates": selectors.reply_templates_of(actor=user, organisation=org),
        "may_manage": can(user, Action.MANAGE, org),
    }
    return render(request, "feedback/staff/templates.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def template_new(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    user = acting_user(request)
    form = ReplyTemplateForm(request.POST or None)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.create_reply_template(
            actor=user, organisation=org, name=form.name(), body=form.body()
        ),
        success=_("The reply template was saved."),
    ):
        return redirect("feedback_staff:templates", **org_url_kwargs(org))
    return render(request, "feedback/staff/template_form.html", {"organisation": org, "form": form})


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def template_edit(
    request: HttpRequest, municipality: str, organisation: str, template_id: int
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    user = acting_user(request)
    template = found(
        selectors.reply_template, actor=user, organisation=org, template_id=template_id
    )
    form = ReplyTemplateForm(request.POST or None, initial=ReplyTemplateForm.initial_for(template))
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.update_reply_template(
            actor=user, template=template, name=form.name(), body=form.body()
        ),
        success=_("The reply template was saved."),
    ):
        return redirect("feedback_staff:templates", **org_url_kwargs(org))
    context = {"organisation": org, "form": form, "template": template}
    return render(request, "feedback/staff/template_form.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def template_delete(
    request: HttpRequest, municipality: str, organisation: str, template_id: int
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    user = acting_user(request)
    template = found(
        selectors.reply_template, actor=user, organisation=org, template_id=template_id
    )
    services.delete_reply_template(actor=user, template=template)
    messages.success(request, _("The reply template was removed."))
    return redirect("feedback_staff:templates", **org_url_kwargs(org))


def _week(value: str | None) -> date:
    """The Monday of the week asked for (`?week=2025-03-10`); the previous week by default."""
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return summary_selectors.previous_week_start(timezone.localdate())
    return day - timedelta(days=day.weekday())


@staff_required
def summary(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    week_start = _week(request.GET.get("week"))
    this_week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    context = {
        "organisation": org,
        "summary": summary_selectors.weekly_summary(org, week_start),
        "previous_week": week_start - timedelta(days=7),
        "next_week": week_start + timedelta(days=7) if week_start < this_week else None,
    }
    return render(request, "feedback/staff/summary.html", context)
