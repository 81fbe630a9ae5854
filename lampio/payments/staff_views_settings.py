"""Staff pages of an organisation's invoice exports and payment settings (how it takes money,
price rules of its spaces, who pays nothing). Same gate as the order pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.payments import staff_selectors
from lampio.payments.pricing import seller_settings
from lampio.payments.services import invoices
from lampio.payments.services import settings as settings_services
from lampio.payments.staff_forms import FreeOfChargeForm, PriceRuleForm, SellerSettingsForm
from lampio.payments.staff_views import RATE, csv_response, seller_in_url
from lampio.tenancy.access import org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

# Exports


@staff_required
@require_GET
def exports(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    actor = acting_user(request)
    return render(
        request,
        "payments/staff/exports.html",
        {
            "organisation": org,
            "section": "exports",
            "exports": staff_selectors.invoice_exports(actor=actor, seller=org),
            "waiting": staff_selectors.rows_waiting_for_export(actor=actor, seller=org),
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def export_create(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    try:
        export = invoices.export_invoice_rows(actor=acting_user(request), seller=org)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        done = ngettext(
            "%(count)s invoice row was exported. Download the file below.",
            "%(count)s invoice rows were exported. Download the file below.",
            export.row_count,
        )
        messages.success(request, done % {"count": export.row_count})
    return redirect("payments_staff:exports", **org_url_kwargs(org))


@staff_required
@require_GET
def export_csv(
    request: HttpRequest, municipality: str, organisation: str, export_id: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    try:
        export = staff_selectors.invoice_export(
            actor=acting_user(request), seller=org, export_id=export_id
        )
    except NotFound as error:
        raise Http404 from error
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.INVOICE_EXPORT,
        subject=export,
        organisation_id=org.pk,
        count=staff_selectors.export_rows(export).values("order_id").distinct().count(),
    )
    made = timezone.localtime(export.created_at).strftime("%Y%m%d-%H%M")
    return csv_response(invoices.export_csv(export), f"invoices-{made}-{export.pk}.csv")


# Settings


def _settings_page(
    request: HttpRequest,
    org: Organisation,
    *,
    settings_form: SellerSettingsForm | None = None,
    rule_form: PriceRuleForm | None = None,
    free_form: FreeOfChargeForm | None = None,
) -> HttpResponse:
    actor = acting_user(request)
    spaces = staff_selectors.seller_spaces(actor=actor, seller=org)
    offerings = staff_selectors.seller_offerings(actor=actor, seller=org)
    organisations = staff_selectors.beneficiary_choices(actor=actor, seller=org)
    context = {
        "organisation": org,
        "section": "settings",
        "settings_form": settings_form
        or SellerSettingsForm(instance=seller_settings(org.pk), prefix="settings"),
        "rule_form": rule_form or PriceRuleForm(spaces=spaces, offerings=offerings, prefix="rule"),
        "free_form": free_form
        or FreeOfChargeForm(spaces=spaces, organisations=organisations, prefix="free"),
        "spaces": staff_selectors.price_rules_by_space(actor=actor, seller=org),
        "offerings": staff_selectors.price_rules_by_offering(actor=actor, seller=org),
        "free_of_charge": staff_selectors.free_of_charge_of(actor=actor, seller=org),
    }
    return render(request, "payments/staff/settings.html", context)


def _back(org: Organisation, anchor: str = "") -> HttpResponse:
    response = redirect("payments_staff:settings", **org_url_kwargs(org))
    response["Location"] += anchor
    return response


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group="staff-payments", rate=RATE)
def settings_page(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    if request.method != "POST":
        return _settings_page(request, org)
    form = SellerSettingsForm(request.POST, instance=seller_settings(org.pk), prefix="settings")
    if form.is_valid():
        try:
            settings_services.save_seller_settings(
                actor=acting_user(request), organisation=org, data=form.to_input()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The payment settings were saved."))
            return _back(org)
    return _settings_page(request, org, settings_form=form)


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def rule_add(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    actor = acting_user(request)
    form = PriceRuleForm(
        request.POST,
        spaces=staff_selectors.seller_spaces(actor=actor, seller=org),
        offerings=staff_selectors.seller_offerings(actor=actor, seller=org),
        prefix="rule",
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            settings_services.add_price_rule(
                actor=actor,
                organisation=org,
                **form.target_ids(),
                group=data["group"],
                basis=data["basis"],
                amount=data["amount"],
                vat_rate=data["vat_rate"],
                valid_from=data["valid_from"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The price was added."))
            return _back(org, "#prices")
    return _settings_page(request, org, rule_form=form)


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def rule_delete(
    request: HttpRequest, municipality: str, organisation: str, rule_id: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    try:
        settings_services.delete_price_rule(
            actor=acting_user(request), organisation=org, rule_id=rule_id
        )
    except NotFound as error:
        raise Http404 from error
    messages.success(request, _("The price was deleted."))
    return _back(org, "#prices")


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def free_add(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    actor = acting_user(request)
    form = FreeOfChargeForm(
        request.POST,
        spaces=staff_selectors.seller_spaces(actor=actor, seller=org),
        organisations=staff_selectors.beneficiary_choices(actor=actor, seller=org),
        prefix="free",
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            settings_services.add_free_of_charge(
                actor=actor,
                organisation=org,
                beneficiary_id=data["beneficiary"].pk,
                space_id=data["space"].pk if data["space"] else None,
                note=data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The organisation is now free of charge."))
            return _back(org, "#free-of-charge")
    return _settings_page(request, org, free_form=form)


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def free_delete(
    request: HttpRequest, municipality: str, organisation: str, free_id: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    try:
        settings_services.delete_free_of_charge(
            actor=acting_user(request), organisation=org, free_id=free_id
        )
    except NotFound as error:
        raise Http404 from error
    messages.success(request, _("The organisation pays again."))
    return _back(org, "#free-of-charge")
