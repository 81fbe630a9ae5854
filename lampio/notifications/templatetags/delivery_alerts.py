"""`{% delivery_alerts %}`: tells staff about messages that could not be sent (staff home and
the delivery log), so a failing email or SMS gateway is noticed by people, not only in logs."""

from __future__ import annotations

from typing import Any

from django import template

from lampio.accounts.models import User
from lampio.notifications.selectors import delivery_alerts as alerts_for
from lampio.tenancy.models import Organisation

register = template.Library()


@register.inclusion_tag("notifications/staff/_delivery_alerts.html", takes_context=True)
def delivery_alerts(
    context: dict[str, Any], organisation: Organisation | None = None
) -> dict[str, Any]:
    user = getattr(context.get("request"), "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {"alerts": []}
    return {"alerts": alerts_for(actor=user, organisation=organisation)}
