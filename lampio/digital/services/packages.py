"""Season packages: a provider sells N sessions for a season; a care unit buys and uses them.

Using a session raises `sessions_used` by one conditional UPDATE
(`sessions_used < sessions_included`), so two care workers paying for orders at the same moment
can never spend more sessions than the package holds; the check constraint
`package_never_overused` refuses any other write that would. An order is paid from a package at
most once (PackageUse.order is one-to-one). When the order is cancelled or declined the session
comes back (`release_package_use`, run on the order's save, see the receiver at the end).

Writes run inside `set_actor(actor)`, so django-auditlog records who did what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.core.multilingual import Translated, set_translated
from lampio.digital.models import PackagePlan, PackageUse, SeasonPackage
from lampio.offerings.models import GroupOrder, OrderStatus
from lampio.offerings.services.orders import ORDERING_KINDS
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

# Orders a package can pay for, and the statuses that give the session back.
PAYABLE_STATUSES = [OrderStatus.PENDING, OrderStatus.ACCEPTED]
RELEASING_STATUSES = [OrderStatus.CANCELLED, OrderStatus.DECLINED]
MAX_SESSIONS = 200
MAX_PRICE = Decimal("100000")


class PackageUsedUp(Conflict):
    code = "package_used_up"


@dataclass(frozen=True)
class PlanDetails:
    name: Translated
    sessions_included: int
    price: Decimal
    season_starts: date
    season_ends: date
    description: Translated = Translated()
    is_on_sale: bool = True


def _check_plan(details: PlanDetails) -> None:
    if not details.name.fi.strip():
        raise InvalidInput(_("Give the name in Finnish."), field="name_fi")
    if not 1 <= details.sessions_included <= MAX_SESSIONS:
        raise InvalidInput(
            _("A package holds from 1 to %(count)d sessions.") % {"count": MAX_SESSIONS},
            field="sessions_included",
        )
    if not Decimal(0) <= details.price <= MAX_PRICE:
        raise InvalidInput(_("Check the price."), field="price")
    if details.season_ends < details.season_starts:
        raise InvalidInput(_("The season must end after it starts."), field="season_ends")


def _apply_plan(plan: PackagePlan, details: PlanDetails) -> None:
    set_translated(plan, "name", details.name)
    set_translated(plan, "description", details.description)
    plan.sessions_included = details.sessions_included
    plan.price = details.price
    plan.season_starts, plan.season_ends = details.season_starts, details.season_ends
    plan.is_on_sale = details.is_on_sale


def create_plan(*, actor: User, provider: Organisation, details: PlanDetails) -> PackagePlan:
    """A provider's new package. Bought packages copy it, so later changes touch none of them."""
    if not can(actor, Action.PUBLISH, provider):
        raise NotFound()
    _check_plan(details)
    plan = PackagePlan(provider=provider)
    _apply_plan(plan, details)
    with transaction.atomic(), set_actor(actor):
        plan.save()
    return plan


def update_plan(*, actor: User, plan: PackagePlan, details: PlanDetails) -> PackagePlan:
    if not can(actor, Action.PUBLISH, plan):
        raise NotFound()
    _check_plan(details)
    _apply_plan(plan, details)
    with transaction.atomic(), set_actor(actor):
        plan.save()
    return plan


def buy_package(
    *, actor: User, unit: Organisation, plan: PackagePlan, today: date | None = None
) -> SeasonPackage:
    """A care unit buys a plan on sale: sessions and price are copied from the plan."""
    today = today or timezone.localdate()
    if not can(actor, Action.ORDER, unit) or unit.kind not in ORDERING_KINDS:
        raise PermissionDenied(_("Only staff of a care unit or a school can buy packages."))
    if not plan.is_on_sale or plan.season_ends < today:
        raise Conflict(_("This package is no longer on sale."))
    with transaction.atomic(), set_actor(actor):
        return SeasonPackage.objects.create(
            plan=plan,
            unit=unit,
            bought_by=actor,
            sessions_included=plan.sessions_included,
            price=plan.price,
        )


def _check_use(order: GroupOrder, package: SeasonPackage) -> None:
    if package.is_cancelled:
        raise Conflict(_("This package has been cancelled."))
    if package.plan.provider_id != order.offering.organisation_id:
        raise InvalidInput(_("This package is for another provider's sessions."))
    if order.status not in PAYABLE_STATUSES:
        raise Conflict(_("Only a waiting or accepted order can be paid with a package."))
    occurrence = order.occurrence
    if occurrence is None:
        raise InvalidInput(_("The order has no agreed time yet."))
    day = timezone.localtime(occurrence.starts_at).date()
    if not package.plan.season_starts <= day <= package.plan.season_ends:
        raise InvalidInput(_("The session is outside the package's season."))


def use_package(*, actor: User, order: GroupOrder, package: SeasonPackage) -> PackageUse:
    """Pay `order` with one session of `package` (both of the same care unit).

    Locks the order row, so one order is paid once; the package's count is raised by a
    conditional UPDATE, so concurrent uses never pass `sessions_included`.
    """
    if not can(actor, Action.ORDER, order.unit) or package.unit_id != order.unit_id:
        raise NotFound()
    try:
        with transaction.atomic(), set_actor(actor):
            current = (
                GroupOrder.objects.select_for_update(of=("self",))
                .select_related("offering", "occurrence")
                .get(pk=order.pk)
            )
            _check_use(current, package)
            if PackageUse.objects.filter(order=current).exists():
                raise Conflict(_("This order has already been paid with a package."))
            spent = SeasonPackage.objects.filter(
                pk=package.pk, is_cancelled=False, sessions_used__lt=F("sessions_included")
            ).update(sessions_used=F("sessions_used") + 1)
            if not spent:
                raise PackageUsedUp(_("All the sessions of this package have been used."))
            return PackageUse.objects.create(package=package, order=current)
    except IntegrityError as error:  # the same order paid at the same moment elsewhere
        raise Conflict(_("This order has already been paid with a package.")) from error


def release_package_use(order: GroupOrder) -> bool:
    """Give the session back when the order paid with it is cancelled or declined."""
    with transaction.atomic():
        use = PackageUse.objects.select_for_update().filter(order=order).first()
        if use is None:
            return False
        SeasonPackage.objects.filter(pk=use.package_id, sessions_used__gt=0).update(
            sessions_used=F("sessions_used") - 1
        )
        use.delete()
    return True


@receiver(post_save, sender=GroupOrder, dispatch_uid="digital_release_package_use")
def _order_saved(sender: Any, instance: GroupOrder, **kwargs: Any) -> None:
    """Offerings knows nothing of packages; its cancel and decline save the order, so we hook
    here (inside the same transaction) instead of in `offerings.services.orders`."""
    if instance.status in RELEASING_STATUSES:
        release_package_use(instance)
