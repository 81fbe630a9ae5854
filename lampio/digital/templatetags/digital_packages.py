"""The care unit's order page: "Pay with a season package" (season packages area)."""

from __future__ import annotations

from typing import Any

from django import template

from lampio.digital import package_selectors
from lampio.digital.models import PackagePlan, PackageUse, SeasonPackage
from lampio.digital.services.packages import PAYABLE_STATUSES
from lampio.tenancy.permissions import Action, can

register = template.Library()


@register.inclusion_tag("digital/includes/_order_package.html", takes_context=True)
def order_package_panel(context: Any, order: Any) -> dict[str, Any]:
    """Which package paid the order, or a choice of the unit's packages that could pay it.

    Shown only to people who may order for the unit, and only where a package is relevant: the
    order was paid with one, or it could be and the provider sells packages or the unit has one.
    """
    user = context.get("user")
    result: dict[str, Any] = {"show": False, "order": order}
    if not (user and user.is_authenticated and can(user, Action.ORDER, order.unit)):
        return result
    use = PackageUse.objects.filter(order=order).select_related("package__plan").first()
    packages: list[SeasonPackage] = []
    relevant = use is not None
    if use is None and order.status in PAYABLE_STATUSES and order.occurrence_id:
        packages = list(package_selectors.packages_for_order(order))
        provider_id = order.offering.organisation_id
        relevant = (
            bool(packages)
            or PackagePlan.objects.filter(provider_id=provider_id, is_on_sale=True).exists()
        )
    result.update(
        {
            "show": relevant,
            "use": use,
            "packages": packages,
            "csrf_token": context.get("csrf_token"),
        }
    )
    return result
