"""The network's publication choices: only network admins, never below the floor, audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from auditlog.models import LogEntry

from lampio.accounts.models import User
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.insights.forms import MeasureSettingForm
from lampio.insights.models import MeasureSetting
from lampio.insights.services.publication import measure_settings, update_measure_setting
from lampio.tenancy.models import Organisation


@pytest.fixture
def admin(make_user: Callable[..., User]) -> User:
    return make_user(is_network_admin=True)


def test_admin_publishes_a_measure_and_it_is_audited(admin: User) -> None:
    setting = update_measure_setting(actor=admin, key="bookings", threshold=8, is_open_data=True)
    assert (setting.threshold, setting.is_open_data, setting.updated_by) == (8, True, admin)
    entry = LogEntry.objects.get_for_object(setting).get()
    assert entry.actor == admin
    again = update_measure_setting(actor=admin, key="bookings", threshold=None, is_open_data=False)
    assert again.pk == setting.pk and MeasureSetting.objects.count() == 1
    assert LogEntry.objects.get_for_object(setting).count() == 2


def test_organisation_admins_may_not_publish(
    make_member: Callable[..., User], make_organisation: Callable[..., Organisation]
) -> None:
    boss = make_member(make_organisation(), role="admin")
    with pytest.raises(PermissionDenied):
        update_measure_setting(actor=boss, key="bookings", threshold=None, is_open_data=True)
    assert not MeasureSetting.objects.exists()


def test_unknown_measure_is_not_found(admin: User) -> None:
    with pytest.raises(NotFound):
        update_measure_setting(actor=admin, key="nope", threshold=None, is_open_data=True)


@pytest.mark.parametrize("threshold", [0, 2, 4, 101])
def test_threshold_outside_floor_and_ceiling_is_refused(admin: User, threshold: int) -> None:
    with pytest.raises(InvalidInput) as refused:
        update_measure_setting(actor=admin, key="bookings", threshold=threshold, is_open_data=False)
    assert refused.value.field == "threshold"


def test_measure_settings_lists_every_measure(admin: User) -> None:
    update_measure_setting(actor=admin, key="bookings", threshold=7, is_open_data=True)
    listed = measure_settings()
    assert listed["bookings"].threshold == 7 and listed["satisfaction"].pk is None


def test_setting_form_refuses_below_the_floor(db: None) -> None:
    form = MeasureSettingForm({"bookings-threshold": "3"}, prefix="bookings")
    assert not form.is_valid() and "threshold" in form.errors
    form = MeasureSettingForm(
        {"bookings-threshold": "", "bookings-is_open_data": "on"}, prefix="bookings"
    )
    assert form.is_valid() and form.cleaned_data == {"threshold": None, "is_open_data": True}
    initial = MeasureSettingForm.for_setting(MeasureSetting(measure="x", threshold=9))
    assert initial.prefix == "x" and initial.initial["threshold"] == 9
