import pytest

from lampio.tenancy.models import Role


@pytest.fixture
def org(make_organisation):
    """The organisation that owns the round's spaces."""
    return make_organisation()


@pytest.fixture
def staff(org, make_member):
    return make_member(org, role=Role.STAFF)
