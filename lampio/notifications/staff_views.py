"""Staff pages of an organisation's messages: its own texts per kind (with a preview) and the
log of what was sent, where a failed message can be sent again.

Everything answers 404 outside the organisations the person may manage.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.notifications import selectors, services, template_services
from lampio.notifications.forms import LogFilterForm, TemplateForm
from lampio.notifications.registry import MessageKind
from lampio.tenancy.access import org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "60/m"


def _organisation(request: HttpRequest, municipality: str, organisation: str) -> Organisation:
    return organisation_in_url(request, municipality, organisation, Action.MANAGE)


def _kind(request: HttpRequest, org: Organisation, key: str) -> MessageKind:
    try:
        return selectors.managed_kind(actor=acting_user(request), organisation=org, key=key)
    except NotFound as error:
        raise Http404 from error


@staff_required
def templates(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    rows = selectors.template_rows(actor=acting_user(request), organisation=org)
    return render(
        request,
        "notifications/staff/templates.html",
        {"organisation": org, "rows": rows, "section": "templates"},
    )


def _initial(org: Organisation, kind: MessageKind) -> dict[str, Any]:
    own = selectors.own_template(organisation=org, key=kind.key)
    if own is None:
        return {}
    return {name: getattr(own, name) or "" for name in template_services.field_names()}


@staff_required
@rate_limit_posts(group="staff-messages", rate=RATE)
def template_edit(
    request: HttpRequest, municipality: str, organisation: str, message_key: str
) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    kind = _kind(request, org, message_key)
    preview = None
    if request.method == "POST":
        form = TemplateForm(request.POST, kind=kind)
        if form.is_valid():
            if request.POST.get("action") == "preview":
                preview = template_services.preview(
                    kind=kind, texts=form.texts(), language=form.cleaned_data["language"]
                )
            else:
                try:
                    template_services.save_template(
                        actor=acting_user(request), organisation=org, kind=kind, texts=form.texts()
                    )
                except DomainError as error:
                    add_domain_error(form, error)
                else:
                    messages.success(request, _("The message texts were saved."))
                    return redirect("notifications_staff:templates", **org_url_kwargs(org))
    else:
        form = TemplateForm(initial=_initial(org, kind), kind=kind)
    return render(
        request,
        "notifications/staff/template_edit.html",
        {
            "organisation": org,
            "kind": kind,
            "form": form,
            "preview": preview,
            "customised": selectors.own_template(organisation=org, key=kind.key) is not None,
            "section": "templates",
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group="staff-messages", rate=RATE)
def template_restore(
    request: HttpRequest, municipality: str, organisation: str, message_key: str
) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    kind = _kind(request, org, message_key)
    if template_services.restore_default(actor=acting_user(request), organisation=org, kind=kind):
        messages.success(request, _("The default texts are in use again."))
    else:
        messages.info(request, _("The default texts were already in use."))
    return redirect("notifications_staff:templates", **org_url_kwargs(org))


@staff_required
def deliveries(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    filters = LogFilterForm(request.GET)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    rows = [
        (delivery, selectors.label_of(delivery.key), selectors.mask_address(delivery.to))
        for delivery in selectors.delivery_log(
            actor=acting_user(request), organisation=org, status=status
        )
    ]
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.DELIVERIES,
        subject=org,
        organisation_id=org.pk,
        count=len(rows),
    )
    return render(
        request,
        "notifications/staff/deliveries.html",
        {"organisation": org, "rows": rows, "filters": filters, "section": "deliveries"},
    )


@staff_required
@require_POST
@rate_limit_posts(group="staff-messages", rate=RATE)
def retry(
    request: HttpRequest, municipality: str, organisation: str, delivery_id: int
) -> HttpResponse:
    org = _organisation(request, municipality, organisation)
    try:
        services.retry_delivery(
            actor=acting_user(request), organisation=org, delivery_id=delivery_id
        )
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The message is being sent again."))
    return redirect("notifications_staff:deliveries", **org_url_kwargs(org))
