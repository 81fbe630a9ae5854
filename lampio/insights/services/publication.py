"""The network's publication choices per measure: its suppression threshold and whether its
figures are open data. Only network administrators decide; every change is audited."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.insights.measures import MEASURES
from lampio.insights.models import MeasureSetting
from lampio.tenancy.permissions import Actor, is_network_admin

# A higher bar than this would hide nearly every figure of a city network's monthly data.
MAX_THRESHOLD = 100


def threshold_floor() -> int:
    """The network-wide smallest group (the setting, never below 3): a measure may raise it."""
    return int(settings.LAMPIO_INSIGHTS_THRESHOLD)


def update_measure_setting(
    *, actor: Actor, key: str, threshold: int | None, is_open_data: bool
) -> MeasureSetting:
    """Set the threshold (None: the network's default) and open-data flag of measure `key`."""
    if not is_network_admin(actor):
        raise PermissionDenied()
    if key not in MEASURES:
        raise NotFound()
    floor = threshold_floor()
    if threshold is not None and threshold < floor:
        # Lowering the bar below the floor would undo the promise made to every city.
        raise InvalidInput(
            _("The smallest group shown cannot be below %(floor)d.") % {"floor": floor},
            field="threshold",
        )
    if threshold is not None and threshold > MAX_THRESHOLD:
        raise InvalidInput(
            _("The smallest group shown can be at most %(most)d.") % {"most": MAX_THRESHOLD},
            field="threshold",
        )
    with transaction.atomic(), set_actor(actor):
        setting = MeasureSetting.objects.select_for_update().filter(measure=key).first()
        setting = setting or MeasureSetting(measure=key)
        setting.threshold = threshold
        setting.is_open_data = is_open_data
        setting.updated_by = actor if actor.is_authenticated else None
        setting.save()
    return setting


def measure_settings() -> dict[str, MeasureSetting]:
    """Every measure's setting, unsaved defaults for those never changed (for the settings page)."""
    saved = {s.measure: s for s in MeasureSetting.objects.filter(measure__in=list(MEASURES))}
    return {key: saved.get(key) or MeasureSetting(measure=key) for key in MEASURES}
