"""Roadmap services: who may change which initiative, indicators and measured values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from lampio.capability.models import CompassPoint, InitiativeStatus
from lampio.capability.services.roadmap import (
    IndicatorData,
    InitiativeData,
    add_indicator,
    record_measurement,
    save_initiative,
)
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


def data(**changes) -> InitiativeData:
    values = {
        "title": Translated("Digituki kirjastoihin", "Digistöd", "Digital support"),
        "description": Translated("Kuvaus"),
        "owner_name": "Kirjastotoimenjohtaja",
        "compass_point": CompassPoint.SKILLS,
        "dimension": None,
        "status": InitiativeStatus.IN_PROGRESS,
        "starts_on": date(2025, 1, 1),
        "ends_on": date(2026, 12, 31),
    }
    values.update(changes)
    return InitiativeData(**values)


def indicator_data(**changes) -> IndicatorData:
    values = {
        "name": Translated("Digitukikäynnit", "Besök", "Visits"),
        "unit": "kpl",
        "baseline": Decimal(100),
        "target": Decimal(400),
    }
    values.update(changes)
    return IndicatorData(**values)


def test_network_initiatives_are_for_network_admins(make_user, make_organisation, make_member):
    admin = make_user(is_network_admin=True)
    staff = make_member(make_organisation(), role=Role.ADMIN)
    with pytest.raises(PermissionDenied):
        save_initiative(actor=staff, data=data())
    initiative = save_initiative(actor=admin, data=data())
    assert initiative.organisation is None
    assert initiative.title_sv == "Digistöd"
    assert LogEntry.objects.get_for_object(initiative).get().actor == admin
    with pytest.raises(PermissionDenied):
        save_initiative(actor=staff, data=data(), initiative=initiative)


def test_organisation_initiative_needs_manage_there(make_organisation, make_member):
    a, b = make_organisation(), make_organisation()
    staff_a, staff_b = make_member(a), make_member(b)
    initiative = save_initiative(actor=staff_b, data=data(), organisation=b)
    with pytest.raises(PermissionDenied):
        save_initiative(actor=staff_a, data=data(), organisation=b)
    with pytest.raises(PermissionDenied):
        save_initiative(actor=staff_a, data=data(status="done"), initiative=initiative)
    with pytest.raises(PermissionDenied):
        add_indicator(actor=staff_a, initiative=initiative, data=indicator_data())
    with pytest.raises(PermissionDenied):
        save_initiative(actor=make_member(b, role=Role.VIEWER), data=data(), initiative=initiative)
    changed = save_initiative(actor=staff_b, data=data(status="done"), initiative=initiative)
    assert changed.status == "done" and changed.organisation == b


def test_initiative_checks(make_user):
    admin = make_user(is_network_admin=True)
    with pytest.raises(InvalidInput) as raised:
        save_initiative(actor=admin, data=data(title=Translated("", "Bara svenska")))
    assert raised.value.field == "title_fi"
    with pytest.raises(InvalidInput) as raised:
        save_initiative(actor=admin, data=data(ends_on=date(2024, 12, 31)))
    assert raised.value.field == "ends_on"


def test_indicator_target_must_lie_in_the_chosen_direction(make_user):
    admin = make_user(is_network_admin=True)
    initiative = save_initiative(actor=admin, data=data())
    with pytest.raises(InvalidInput) as raised:
        add_indicator(
            actor=admin,
            initiative=initiative,
            data=indicator_data(higher_is_better=False),
        )
    assert raised.value.field == "target"
    lower = add_indicator(
        actor=admin,
        initiative=initiative,
        data=indicator_data(baseline=Decimal(14), target=Decimal(5), higher_is_better=False),
    )
    assert lower.higher_is_better is False


def test_one_value_per_indicator_and_day(make_user, make_organisation, make_member):
    admin = make_user(is_network_admin=True)
    initiative = save_initiative(actor=admin, data=data())
    indicator = add_indicator(actor=admin, initiative=initiative, data=indicator_data())
    record_measurement(
        actor=admin, indicator=indicator, measured_on=date(2026, 3, 1), value=Decimal(180)
    )
    with pytest.raises(Conflict) as raised:
        record_measurement(
            actor=admin, indicator=indicator, measured_on=date(2026, 3, 1), value=Decimal(190)
        )
    assert raised.value.field == "measured_on"
    with pytest.raises(PermissionDenied):
        record_measurement(
            actor=make_member(make_organisation()),
            indicator=indicator,
            measured_on=date(2026, 4, 1),
            value=Decimal(1),
        )
    assert indicator.measurements.count() == 1
