from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from lampio.tenancy.models import Role
from lampio.tenancy.permissions import ROLE_ACTIONS, Action, can

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_its_actions_in_its_own_organisation(
    role, make_organisation, make_member
):
    organisation = make_organisation()
    member = make_member(organisation, role=role)
    granted = {action for action in Action if can(member, action, organisation)}
    assert granted == set(ROLE_ACTIONS[role])


@pytest.mark.parametrize("role", list(Role))
def test_no_role_reaches_another_organisation(role, make_organisation, make_member):
    own, other = make_organisation(), make_organisation()
    member = make_member(own, role=role)
    assert not any(can(member, action, other) for action in Action)


def test_owned_rows_resolve_to_their_organisation(make_organisation, make_member):
    organisation = make_organisation()
    member = make_member(organisation, role=Role.STAFF)

    class Row:  # any model of a later app with an organisation foreign key
        organisation_id = organisation.pk

    assert can(member, Action.MANAGE, Row())
    assert not can(member, Action.MANAGE_MEMBERS, Row())


def test_network_admin_can_do_everything_everywhere(make_organisation, make_user):
    admin = make_user(is_network_admin=True)
    organisation = make_organisation()
    assert all(can(admin, action, organisation) for action in Action)
    assert can(admin, Action.MANAGE, organisation.municipality)


def test_anonymous_and_inactive_people_can_do_nothing(make_organisation, make_member):
    organisation = make_organisation()
    inactive = make_member(organisation, role=Role.ADMIN)
    inactive.is_active = False
    assert not can(AnonymousUser(), Action.VIEW, organisation)
    assert not can(inactive, Action.VIEW, organisation)


def test_municipality_is_viewable_by_its_members_but_managed_by_the_network(
    make_organisation, make_member
):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    assert can(admin, Action.VIEW, organisation.municipality)
    assert not can(admin, Action.MANAGE, organisation.municipality)
    other_city = make_organisation().municipality
    assert not can(admin, Action.VIEW, other_city)
