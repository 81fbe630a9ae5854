from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.tenancy import services
from lampio.tenancy.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_admin_adds_a_member_and_the_change_is_audited_with_the_actor(
    make_organisation, make_member, make_user
):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    newcomer = make_user()

    membership = services.add_member(
        actor=admin, organisation=organisation, email=newcomer.email.upper(), role=Role.STAFF
    )

    assert membership.user == newcomer and membership.role == Role.STAFF
    entry = LogEntry.objects.get_for_object(membership).get()
    assert entry.actor == admin
    assert entry.action == LogEntry.Action.CREATE
    assert entry.additional_data == {"organisation_id": organisation.pk}


@pytest.mark.parametrize("role", [Role.STAFF, Role.PROVIDER_EDITOR, Role.CARE_STAFF, Role.VIEWER])
def test_only_admins_manage_members(role, make_organisation, make_member, make_user):
    organisation = make_organisation()
    member = make_member(organisation, role=role)
    with pytest.raises(PermissionDenied):
        services.add_member(
            actor=member, organisation=organisation, email=make_user().email, role=Role.ADMIN
        )


def test_admin_of_one_organisation_cannot_touch_another(make_organisation, make_member, make_user):
    own, other = make_organisation(), make_organisation()
    admin = make_member(own, role=Role.ADMIN)
    victim = make_member(other, role=Role.STAFF)
    with pytest.raises(PermissionDenied):
        services.add_member(
            actor=admin, organisation=other, email=make_user().email, role=Role.ADMIN
        )
    with pytest.raises(PermissionDenied):
        services.remove_member(actor=admin, membership=victim.memberships.get())
    assert Membership.objects.filter(user=victim, organisation=other).exists()


def test_unknown_email_and_duplicate_member_are_refused_on_the_email_field(
    make_organisation, make_member
):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    with pytest.raises(InvalidInput) as unknown:
        services.add_member(
            actor=admin, organisation=organisation, email="nobody@example.fi", role=Role.STAFF
        )
    assert unknown.value.field == "email"
    with pytest.raises(InvalidInput) as duplicate:
        services.add_member(
            actor=admin, organisation=organisation, email=admin.email, role=Role.STAFF
        )
    assert duplicate.value.field == "email"


def test_invalid_role_is_refused(make_organisation, make_member, make_user):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    with pytest.raises(InvalidInput):
        services.add_member(
            actor=admin, organisation=organisation, email=make_user().email, role="emperor"
        )


def test_the_last_administrator_cannot_be_demoted_or_removed(make_organisation, make_member):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    membership = admin.memberships.get()
    with pytest.raises(Conflict):
        services.change_member_role(actor=admin, membership=membership, role=Role.VIEWER)
    with pytest.raises(Conflict):
        services.remove_member(actor=admin, membership=membership)
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_with_a_second_admin_roles_change_and_members_leave(make_organisation, make_member):
    organisation = make_organisation()
    first = make_member(organisation, role=Role.ADMIN)
    second = make_member(organisation, role=Role.ADMIN)
    demoted = services.change_member_role(
        actor=first, membership=second.memberships.get(), role=Role.VIEWER
    )
    assert demoted.role == Role.VIEWER
    services.remove_member(actor=first, membership=demoted)
    assert not Membership.objects.filter(user=second).exists()
    assert LogEntry.objects.filter(
        additional_data__organisation_id=organisation.pk, action=LogEntry.Action.DELETE
    ).exists()
