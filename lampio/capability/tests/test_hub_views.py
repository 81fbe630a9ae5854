"""The capability hub: links to every part and the current figures."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.capability.models import Initiative, InitiativeStatus
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


def test_hub_links_every_part_with_figures(client, settings, make_organisation, make_member):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    for status in (InitiativeStatus.IN_PROGRESS, InitiativeStatus.IN_PROGRESS, "planned"):
        Initiative.objects.create(
            title_fi="Hanke",
            owner_name="X",
            compass_point="skills",
            status=status,
            starts_on=date(2025, 1, 1),
        )
    client.force_login(make_member(make_organisation(), role=Role.VIEWER))
    with translation.override("en"):
        response = client.get(reverse("capability_staff:index"))
        html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "surveys_engine:rounds",
        "surveys_engine:questionnaires",
        "insights_staff:survey_rounds",
        "capability_staff:maturity_map",
        "capability_staff:roadmap",
        "capability_staff:pilots",
    ):
        assert f'href="{reverse(name).replace("/fi/", "/en/")}"' in html
    assert "2 initiatives in progress" in html
    assert "0 organisations have submitted a self-assessment" in html


def test_hub_is_for_staff(client, make_user):
    client.force_login(make_user())
    assert client.get(reverse("capability_staff:index")).status_code == 403
