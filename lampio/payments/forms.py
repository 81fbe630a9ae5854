"""The checkout form: who pays, at which price group, how; billing details for invoices.

Without JavaScript every field is on the page; the billing fieldset says it is for invoices.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.payments.models import BILLING_FIELDS, PaymentMethod, PriceGroup
from lampio.payments.services.checkout import BillingDetails, PaymentChoice
from lampio.tenancy.models import Organisation

MYSELF = "me"


class CheckoutForm(forms.Form):
    payer = forms.ChoiceField(label=_("Who pays"), widget=forms.RadioSelect)
    group = forms.ChoiceField(
        label=_("Price group"),
        widget=forms.RadioSelect,
        choices=PriceGroup.choices,
        initial=PriceGroup.ADULT,
        help_text=_(
            "Reduced price: pensioners, students and the unemployed; be ready to show proof. "
            "Association price: registered associations paying for themselves."
        ),
    )
    method = forms.ChoiceField(label=_("How to pay"), widget=forms.RadioSelect)
    billing_name = forms.CharField(label=_("Name on the invoice"), max_length=200, required=False)
    billing_business_id = forms.CharField(
        label=_("Business ID"), max_length=9, required=False, help_text=_("For example 1234567-8")
    )
    billing_address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    billing_postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    billing_city = forms.CharField(label=_("Town"), max_length=100, required=False)
    billing_email = forms.EmailField(label=_("Email for the invoice"), required=False)
    einvoice_address = forms.CharField(label=_("E-invoice address"), max_length=35, required=False)
    einvoice_operator = forms.CharField(
        label=_("E-invoice operator"), max_length=35, required=False
    )
    customer_reference = forms.CharField(
        label=_("Your reference"),
        max_length=70,
        required=False,
        help_text=_("Shown on the invoice, e.g. a cost centre or a project."),
    )

    def __init__(
        self, *args: Any, organisations: list[Organisation], methods: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(org.pk): org for org in organisations}
        self.fields["payer"].choices = [  # type: ignore[attr-defined]
            (MYSELF, _("I pay myself")),
            *((key, org.name) for key, org in self.organisations.items()),
        ]
        self.fields["payer"].initial = MYSELF
        labels = dict(PaymentMethod.choices)
        self.fields["method"].choices = [  # type: ignore[attr-defined]
            (m, labels[m]) for m in methods
        ]
        if methods:
            self.fields["method"].initial = methods[0]
        self.fields["group"].widget.attrs["class"] = "radio-list"

    def choice(self) -> PaymentChoice:
        data = self.cleaned_data
        payer = self.organisations.get(data["payer"])
        billing = BillingDetails(
            name=data["billing_name"],
            business_id=data["billing_business_id"],
            address=data["billing_address"],
            postcode=data["billing_postcode"],
            city=data["billing_city"],
            email=data["billing_email"],
            einvoice_address=data["einvoice_address"],
            einvoice_operator=data["einvoice_operator"],
            reference=data["customer_reference"],
        )
        return PaymentChoice(
            method=data["method"], group=data["group"], payer=payer, billing=billing
        )

    def billing_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in BILLING_FIELDS]

    def choice_fields(self) -> list[forms.BoundField]:
        return [self["payer"], self["group"], self["method"]]
