"""Shared setup of the pilot library's tests: two cities' organisations (A and B), their staff,
a network admin, and pilots made through the service as their lead would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lampio.accounts.models import User
from lampio.capability.models import CompassPoint, Initiative, Pilot, PilotStatus
from lampio.capability.services.pilots import PilotData, save_pilot
from lampio.core.multilingual import Translated
from lampio.tenancy.models import Organisation, Role


@dataclass
class World:
    a: Organisation
    b: Organisation
    staff_a: User
    staff_b: User
    viewer_b: User
    admin: User


@pytest.fixture(name="world")
def world_fixture(make_organisation: Any, make_member: Any, make_user: Any) -> World:
    a, b = make_organisation(), make_organisation()
    return World(
        a=a,
        b=b,
        staff_a=make_member(a, role=Role.STAFF),
        staff_b=make_member(b, role=Role.STAFF),
        viewer_b=make_member(b, role=Role.VIEWER),
        admin=make_user(is_network_admin=True),
    )


def make_pilot(
    actor: User,
    organisation: Organisation,
    *,
    title: str = "Suoratoistetut konsertit hoivakoteihin",
    summary: str = "Konsertit välitetään hoivakotien yhteisiin tiloihin.",
    status: str = PilotStatus.RUNNING,
    **fields: Any,
) -> Pilot:
    return save_pilot(
        actor=actor,
        data=PilotData(
            title=Translated(
                fi=title, sv=fields.pop("title_sv", ""), en=fields.pop("title_en", "")
            ),
            summary=Translated(fi=summary),
            organisation=organisation,
            status=status,
            starts_on=fields.pop("starts_on", timezone.localdate() - timedelta(days=30)),
            **fields,
        ),
    )


def make_initiative(organisation: Organisation | None, **fields: Any) -> Initiative:
    defaults: dict[str, Any] = {
        "title_fi": "Digitaaliset kulttuuripalvelut",
        "owner_name": "Kehittämispäällikkö",
        "compass_point": CompassPoint.PUBLIC_SERVICES,
        "starts_on": timezone.localdate(),
    }
    defaults.update(fields)
    return Initiative.objects.create(organisation=organisation, **defaults)
