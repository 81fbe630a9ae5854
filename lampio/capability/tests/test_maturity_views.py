"""Maturity pages: the draft form through to submit, links, and the heat map as a table."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.capability.defaults import ensure_maturity_dimensions
from lampio.capability.models import AssessmentStatus, Evidence, MaturityDimension, SelfAssessment
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(settings, make_organisation):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    ensure_maturity_dimensions()
    return make_organisation()


def _kwargs(org, **more):
    return {"municipality": org.municipality.slug, "organisation": org.slug, **more}


def test_staff_fill_in_and_submit(client, org, make_member):
    client.force_login(make_member(org))
    response = client.post(reverse("capability_staff:maturity_start", kwargs=_kwargs(org)))
    draft = SelfAssessment.objects.get(organisation=org)
    url = reverse(
        "capability_staff:maturity_assessment", kwargs=_kwargs(org, assessment_id=draft.pk)
    )
    assert response.url == url
    page = client.get(url).content.decode()
    assert page.count('type="radio"') == 7 * 6  # five levels and "not assessed yet"
    assert "Digitalisaatiota ei ole kirjattu strategiaan" in page
    keys = list(MaturityDimension.objects.values_list("key", flat=True))
    partial = {f"level_{key}": "3" for key in keys[:-1]} | {"action": "submit"}
    with translation.override("en"):
        refused = client.post(url.replace("/fi/", "/en/"), partial)
    assert refused.status_code == 200
    assert "Missing: Collaboration, platform and ecosystem" in refused.content.decode()
    kept = re.findall(r'<input type="radio"[^>]*value="3"[^>]*checked', refused.content.decode())
    assert len(kept) == 6  # the input is kept
    everything = {f"level_{key}": "3" for key in keys} | {
        "target_strategy": "4",
        "evidence_strategy": "Strategia hyväksytty 2025.",
        "action": "submit",
    }
    done = client.post(url, everything)
    assert done.status_code == 302
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.SUBMITTED
    assert draft.scores.get(dimension__key="strategy").target_level == 4


def test_evidence_link_added_and_removed(client, org, make_member):
    client.force_login(make_member(org))
    draft = SelfAssessment.objects.create(organisation=org, assessed_on="2026-05-01")
    url = reverse(
        "capability_staff:maturity_assessment", kwargs=_kwargs(org, assessment_id=draft.pk)
    )
    client.post(url, {"level_data": "2", "action": "save"})
    data_dimension = MaturityDimension.objects.get(key="data")
    add = reverse("capability_staff:maturity_link_add", kwargs=_kwargs(org, assessment_id=draft.pk))
    bad = client.post(
        add, {"link-dimension": data_dimension.pk, "link-title": "X", "link-url": "javascript:x"}
    )
    assert bad.status_code == 200 and not Evidence.objects.exists()
    client.post(
        add,
        {
            "link-dimension": data_dimension.pk,
            "link-title": "Raportti",
            "link-url": "https://a.fi/r",
        },
    )
    link = Evidence.objects.get()
    assert 'href="https://a.fi/r"' in client.get(url).content.decode()
    client.post(
        reverse(
            "capability_staff:maturity_link_remove",
            kwargs=_kwargs(org, assessment_id=draft.pk, maturity_link_id=link.pk),
        )
    )
    assert not Evidence.objects.exists()


def test_heat_map_writes_the_level_in_every_cell(client, org, make_member, make_organisation):
    staff = make_member(org, role=Role.VIEWER)
    other = make_organisation()
    for organisation, level in ((org, 4), (other, 2)):
        assessment = SelfAssessment.objects.create(
            organisation=organisation, assessed_on="2026-05-01", status="submitted"
        )
        for dimension in MaturityDimension.objects.all():
            assessment.scores.create(dimension=dimension, level=level)
    client.force_login(staff)
    html = client.get(reverse("capability_staff:maturity_map")).content.decode()
    assert html.count('<span class="heat__level">4</span>') == 7
    assert str(org.name) in html
    assert str(other.name) not in html  # only as a count
    assert "<caption" in html
