"""Reads of season packages: a provider's plans and sales, a care unit's packages.

Provider reads are scoped to the organisation in the address (PUBLISH); unit reads to the care
unit in the address (ORDER). A plan or package of another organisation is not found.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from lampio.core.errors import NotFound
from lampio.digital.models import PackagePlan, SeasonPackage
from lampio.offerings.models import GroupOrder
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can


def plans_of(*, actor: Actor, provider: Organisation) -> QuerySet[PackagePlan]:
    if not can(actor, Action.PUBLISH, provider):
        return PackagePlan.objects.none()
    return PackagePlan.objects.filter(provider=provider).annotate(
        sold=Count("purchases", filter=Q(purchases__is_cancelled=False))
    )


def managed_plan(*, actor: Actor, provider: Organisation, plan_id: int) -> PackagePlan:
    plan = plans_of(actor=actor, provider=provider).filter(pk=plan_id).first()
    if plan is None:
        raise NotFound()
    return plan


def sales_of(plan: PackagePlan) -> QuerySet[SeasonPackage]:
    """Who bought the plan and how much of it they have used (care units, not people)."""
    return plan.purchases.select_related("unit__municipality").order_by("-created_at", "-pk")


def plans_on_sale(*, today: date | None = None) -> QuerySet[PackagePlan]:
    return (
        PackagePlan.objects.filter(
            is_on_sale=True,
            season_ends__gte=today or timezone.localdate(),
            provider__is_active=True,
        )
        .select_related("provider__municipality")
        .order_by("provider__name_fi", "season_starts", "pk")
    )


def plan_on_sale(plan_id: int) -> PackagePlan:
    plan = plans_on_sale().filter(pk=plan_id).first()
    if plan is None:
        raise NotFound()
    return plan


def packages_of_unit(unit: Organisation) -> QuerySet[SeasonPackage]:
    return (
        SeasonPackage.objects.filter(unit=unit)
        .select_related("plan__provider")
        .order_by("is_cancelled", "-created_at", "-pk")
    )


def package_of_unit(unit: Organisation, package_id: int) -> SeasonPackage:
    package = packages_of_unit(unit).filter(pk=package_id).first()
    if package is None:
        raise NotFound()
    return package


def order_of_unit(unit: Organisation, order_id: int) -> GroupOrder:
    order = (
        GroupOrder.objects.filter(pk=order_id, unit=unit)
        .select_related("offering", "occurrence", "unit__municipality")
        .first()
    )
    if order is None:
        raise NotFound()
    return order


def packages_for_order(order: GroupOrder) -> QuerySet[SeasonPackage]:
    """The unit's packages that could pay this order: same provider, season, sessions left."""
    if order.occurrence is None:
        return SeasonPackage.objects.none()
    day = timezone.localtime(order.occurrence.starts_at).date()
    return packages_of_unit(order.unit).filter(
        is_cancelled=False,
        plan__provider_id=order.offering.organisation_id,
        plan__season_starts__lte=day,
        plan__season_ends__gte=day,
        sessions_used__lt=F("sessions_included"),
    )
