from __future__ import annotations

import json

import pytest

from lampio.accounts.selectors import personal_data_export
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


def test_export_holds_every_registered_section_and_is_json(make_organisation, make_member):
    organisation = make_organisation()
    person = make_member(organisation, role=Role.CARE_STAFF, first_name="Marjatta")
    export = personal_data_export(user=person)

    json.dumps(export)  # must serialise as it is
    account = export["sections"]["account"]
    assert account["email"] == person.email
    assert account["first_name"] == "Marjatta"
    assert account["email_addresses"] == [
        {"email": person.email, "verified": True, "primary": True}
    ]
    assert export["sections"]["memberships"] == [
        {
            "organisation": organisation.name,
            "municipality": organisation.municipality.name,
            "role": "care_staff",
            "since": person.memberships.get().created_at.isoformat(),
        }
    ]


def test_export_holds_nothing_about_other_people(make_organisation, make_member):
    organisation = make_organisation()
    person = make_member(organisation)
    other = make_member(organisation)
    assert other.email not in json.dumps(personal_data_export(user=person))
