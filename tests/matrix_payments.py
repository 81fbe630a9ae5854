"""Permission-matrix entries of the payments routes (see test_permission_matrix).

`objects(organisation)` gives B a paid order of a person who is none of the matrix's actors:
its checkout and release answer 404 to everyone else, and its receipt opens by the secret
token for anyone holding the link.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lampio.accounts.models import User
from lampio.payments.models import (
    FreeOfCharge,
    InvoiceExport,
    Order,
    OrderRow,
    OrderStatus,
    PaymentMethod,
    PriceBasis,
    PriceGroup,
    PriceRule,
)
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation, OrganisationKind
from tests.matrix_cases import (
    ANON,
    LOGIN_REQUIRED,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
    everyone,
)

SOMEONE_ELSES = {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}

PAGES: dict[str, Case] = {
    "payments:mine": Case(LOGIN_REQUIRED),
    "payments:checkout": Case(SOMEONE_ELSES),
    "payments:release": Case(SOMEONE_ELSES, "post"),
    "payments:receipt": Case(everyone(200)),
    # Without the provider's signed parameters nothing is believed; the callback does not
    # exist while online payment is off (as in the matrix's settings).
    "payments:return": Case(everyone(400)),
    "payments_callback": Case(everyone(404)),
    "payments_refund_callback": Case(everyone(404)),
    # Staff pages of B's payments: {order_pk} is the invoiced order above, {export_id} an
    # earlier export of B, {rule_id} a price of B's space, {free_id} a free-of-charge entry.
    # The refund credits part of the order; the new export then takes its rows. Marking the
    # invoiced order paid on site is refused, which comes back as a message after a redirect.
    "payments_staff:orders": Case(STAFF_OF_B_ONLY),
    "payments_staff:orders_csv": Case(STAFF_OF_B_ONLY),
    "payments_staff:order": Case(STAFF_OF_B_ONLY),
    "payments_staff:order_refund": Case(
        STAFF_OF_B_POST, "post", {"refund-amount": "10.00", "refund-reason": "Matrix"}
    ),
    "payments_staff:order_paid_on_site": Case(STAFF_OF_B_POST, "post"),
    "payments_staff:order_resolve": Case(STAFF_OF_B_POST, "post"),
    "payments_staff:daily": Case(STAFF_OF_B_ONLY),
    "payments_staff:exports": Case(STAFF_OF_B_ONLY),
    "payments_staff:export_create": Case(STAFF_OF_B_POST, "post"),
    "payments_staff:export_csv": Case(STAFF_OF_B_ONLY),
    "payments_staff:settings": Case(STAFF_OF_B_ONLY),
    # Sent without a space or an organisation (their ids differ per run): the form comes back.
    "payments_staff:rule_add": Case(
        {**STAFF_OF_B_POST, OWN_STAFF: 200}, "post", {"rule-group": "adult"}
    ),
    "payments_staff:rule_delete": Case(STAFF_OF_B_POST, "post"),
    "payments_staff:free_add": Case(
        {**STAFF_OF_B_POST, OWN_STAFF: 200}, "post", {"free-note": "x"}
    ),
    "payments_staff:free_delete": Case(STAFF_OF_B_POST, "post"),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    person = User.objects.create_user(email=f"matrix-payer@{organisation.slug}.example.fi")
    order = Order.objects.create(
        seller=organisation,
        customer=person,
        method=PaymentMethod.INVOICE,
        status=OrderStatus.INVOICED,
        total=Decimal("40.00"),
        billing_name="Kuoro ry",
    )
    OrderRow.objects.create(
        order=order,
        description="Sali, 12.06.2030 18:00",
        quantity=Decimal(2),
        unit="h",
        unit_price=Decimal(20),
        vat_rate=Decimal(0),
        total=Decimal(40),
        service_date=order.created_at.date(),
    )
    space = Space.objects.filter(venue__organisation=organisation).first()
    rule = PriceRule.objects.create(
        organisation=organisation,
        space=space,
        group=PriceGroup.ASSOCIATION,
        basis=PriceBasis.PER_HOUR,
        amount=Decimal(10),
        vat_rate=Decimal(0),
        valid_from=order.created_at.date(),
    )
    association = Organisation.objects.create(
        municipality=organisation.municipality,
        slug=f"{organisation.slug}-ry",
        name="Kuoro ry",
        kind=OrganisationKind.ASSOCIATION,
    )
    free = FreeOfCharge.objects.create(seller=organisation, beneficiary=association)
    export = InvoiceExport.objects.create(seller=organisation)
    return {
        "order_pk": order.pk,
        "receipt_token": order.receipt_token,
        "rule_id": rule.pk,
        "free_id": free.pk,
        "export_id": export.pk,
    }
