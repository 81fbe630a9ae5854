"""Roadmap pages: create an initiative with an indicator, record values, see timeline and report."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from lampio.capability.models import Indicator, Initiative, Measurement
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(settings, make_user):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_user(is_network_admin=True)


def test_network_admin_builds_an_initiative(client, admin):
    client.force_login(admin)
    today = date.today()
    response = client.post(
        reverse("capability_staff:initiative_new"),
        {
            "owner": "network",
            "title_fi": "Yhteinen tilavarausjärjestelmä",
            "owner_name": "Verkoston koordinaattori",
            "compass_point": "public_services",
            "status": "in_progress",
            "starts_on": f"{today.year - 1}-01-01",
            "ends_on": f"{today.year + 1}-12-31",
        },
    )
    initiative = Initiative.objects.get()
    assert response.url == reverse(
        "capability_staff:initiative", kwargs={"initiative_id": initiative.pk}
    )
    client.post(
        reverse("capability_staff:indicator_new", kwargs={"initiative_id": initiative.pk}),
        {
            "name_fi": "Verkkovaraukset",
            "unit": "%",
            "baseline": "20",
            "target": "80",
            "direction": "higher",
        },
    )
    indicator = Indicator.objects.get()
    record = reverse("capability_staff:measurement_new", kwargs={"indicator_id": indicator.pk})
    client.post(record, {"measured_on": f"{today.year}-01-15", "value": "50"})
    again = client.post(record, {"measured_on": f"{today.year}-01-15", "value": "55"})
    assert again.status_code == 200 and Measurement.objects.count() == 1
    assert "measured_on" in again.context["form"].errors
    page = client.get(
        reverse("capability_staff:initiative", kwargs={"initiative_id": initiative.pk})
    )
    html = page.content.decode()
    assert 'value="50"' in html  # the progress bar: 50 % of the way from 20 to 80
    assert "<svg" in html and "<caption" in html
    assert (
        reverse("capability_staff:initiative_link_pilot", kwargs={"initiative_id": initiative.pk})
        in html
    )
    timeline = client.get(reverse("capability_staff:roadmap_timeline")).content.decode()
    assert "Yhteinen tilavarausjärjestelmä" in timeline and "cap-chart__today" in timeline
    report = client.get(reverse("capability_staff:roadmap_report")).content.decode()
    assert "Verkkovaraukset" in report and "capability-print.css" in report


def test_other_organisation_reads_but_cannot_change(
    client, settings, make_organisation, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    a, b = make_organisation(), make_organisation()
    initiative = Initiative.objects.create(
        title_fi="B:n hanke",
        owner_name="X",
        compass_point="skills",
        starts_on=date(2025, 1, 1),
        organisation=b,
    )
    client.force_login(make_member(a, role=Role.ADMIN))
    kwargs = {"initiative_id": initiative.pk}
    assert client.get(reverse("capability_staff:initiative", kwargs=kwargs)).status_code == 200
    assert client.get(reverse("capability_staff:initiative_edit", kwargs=kwargs)).status_code == 403
    listing = client.get(reverse("capability_staff:roadmap"), {"compass_point": "skills"})
    assert "B:n hanke" in listing.content.decode()
