from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from lampio.accounts.models import User
from lampio.demo import data
from lampio.tenancy.models import Membership, Municipality, Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


def counts():
    return (
        Municipality.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )


def test_demo_load_is_idempotent():
    call_command("load_demo", "--without-history")
    first = counts()
    call_command("load_demo", "--without-history")
    assert counts() == first
    assert first[0] >= 4


def test_each_core_city_has_an_organisation_of_every_kind_in_three_languages():
    call_command("load_demo", "--without-history")
    for slug in ("oulu", "jyvaskyla", "kuopio", "lahti"):
        kinds = set(
            Organisation.objects.filter(municipality__slug=slug).values_list("kind", flat=True)
        )
        assert kinds == set(OrganisationKind.values), slug
    assert not Organisation.objects.filter(name_sv="").exists()
    assert not Organisation.objects.filter(name_en="").exists()


def test_documented_demo_logins_work():
    call_command("load_demo", "--without-history")
    for email, *_rest in data.USERS:
        assert authenticate(email=email, password=data.DEMO_PASSWORD) is not None, email
    assert User.objects.get(email="verkosto@demo.lampio.fi").is_network_admin
