"""Permission-matrix entries of the notifications routes (see test_permission_matrix).

`objects(organisation)` registers a kind of message for the template pages (`message_key`),
gives B a failed message in its delivery log (`delivery_id`) and a resident's unsubscribe
link (`unsubscribe_token`). The demo outbox is off in tests, so it is 404 for everyone.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.notifications.models import Channel, Delivery, DeliveryStatus
from lampio.notifications.registry import MessageKind, register
from lampio.notifications.tokens import unsubscribe_token
from tests.matrix_cases import LOGIN_REQUIRED, STAFF_OF_B_ONLY, STAFF_OF_B_POST, Case, everyone

PAGES: dict[str, Case] = {
    "notifications:mine": Case(LOGIN_REQUIRED),
    "notifications:preferences": Case(LOGIN_REQUIRED),
    "notifications:unsubscribe": Case(everyone(200)),
    "notifications:outbox": Case(everyone(404)),
    "notifications_staff:templates": Case(STAFF_OF_B_ONLY),
    "notifications_staff:template_edit": Case(STAFF_OF_B_ONLY),
    "notifications_staff:template_restore": Case(STAFF_OF_B_POST, "post"),
    "notifications_staff:deliveries": Case(STAFF_OF_B_ONLY),
    "notifications_staff:retry": Case(STAFF_OF_B_POST, "post"),
}
API: dict[tuple[str, str], Case] = {}

MATRIX_KIND = MessageKind(
    key="matrix.notice",
    label=_("Notice"),
    essential=True,
    subject=_("Notice: {{ space }}"),
    body=_("{{ space }} has news."),
    sample={"space": "Sali"},
)


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    register(MATRIX_KIND)
    person = User.objects.create_user(email=f"matrix-messages@{organisation.slug}.example.fi")
    delivery = Delivery.objects.create(
        recipient=person,
        organisation=organisation,
        key=MATRIX_KIND.key,
        channel=Channel.EMAIL,
        to=person.email,
        language="fi",
        subject="Tiedote",
        body="Salissa on uutisia.",
        status=DeliveryStatus.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: closed",
    )
    return {
        "message_key": MATRIX_KIND.key,
        "delivery_id": delivery.pk,
        "unsubscribe_token": unsubscribe_token(person.pk),
    }
