from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from lampio.tenancy import selectors
from lampio.tenancy.models import Membership, Municipality, Organisation, Role
from lampio.tenancy.permissions import Action

pytestmark = pytest.mark.django_db


def test_organisations_for_lists_only_where_the_role_allows_the_action(
    make_organisation, make_member
):
    library, museum, elsewhere = make_organisation(), make_organisation(), make_organisation()
    person = make_member(library, role=Role.VIEWER)
    Membership.objects.create(user=person, organisation=museum, role=Role.ADMIN)

    assert set(selectors.organisations_for(actor=person, action=Action.VIEW)) == {library, museum}
    assert list(selectors.organisations_for(actor=person, action=Action.MANAGE)) == [museum]
    assert elsewhere not in selectors.organisations_for(actor=person, action=Action.VIEW)


def test_scope_to_actor_filters_any_owned_queryset(make_organisation, make_member):
    own, other = make_organisation(), make_organisation()
    member = make_member(own, role=Role.STAFF)
    memberships = selectors.scope_to_actor(
        Membership.objects.all(), actor=member, action=Action.VIEW
    )
    assert {m.organisation_id for m in memberships} == {own.pk}
    assert other.pk not in {m.organisation_id for m in memberships}


def test_anonymous_sees_no_organisations_to_act_on(make_organisation):
    make_organisation()
    assert not selectors.organisations_for(actor=AnonymousUser(), action=Action.VIEW).exists()


def test_organisation_for_hides_other_organisations_as_not_found(make_organisation, make_member):
    own, other = make_organisation(), make_organisation()
    member = make_member(own)
    found = selectors.organisation_for(
        actor=member, slug=own.slug, municipality_slug=own.municipality.slug
    )
    assert found == own
    from lampio.core.errors import NotFound

    with pytest.raises(NotFound):
        selectors.organisation_for(
            actor=member, slug=other.slug, municipality_slug=other.municipality.slug
        )


def test_public_organisations_hide_inactive_ones(make_organisation):
    active, inactive = make_organisation(), make_organisation()
    Organisation.objects.filter(pk=inactive.pk).update(is_active=False)
    listed = set(selectors.public_organisations())
    assert active in listed and inactive not in listed


def test_audit_trail_is_only_for_those_allowed_to_see_it(make_organisation, make_member, make_user):
    from lampio.tenancy import services

    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    viewer = make_member(organisation, role=Role.VIEWER)
    services.add_member(
        actor=admin, organisation=organisation, email=make_user().email, role=Role.STAFF
    )
    with translation.override("fi"):
        trail = selectors.audit_trail(actor=admin, organisation=organisation)
    assert trail[0].actor == str(admin) and trail[0].action == "Lisätty"
    assert selectors.audit_trail(actor=viewer, organisation=organisation) == []


def test_audit_trail_shows_what_changed(make_organisation, make_member):
    from lampio.tenancy import services

    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    staff = make_member(organisation, role=Role.STAFF)
    services.change_member_role(actor=admin, membership=staff.memberships.get(), role=Role.VIEWER)
    with translation.override("fi"):
        change = selectors.audit_trail(actor=admin, organisation=organisation)[0]
    assert change.action == "Muutettu"
    assert change.changes == [("rooli", "Työntekijä", "Katselija")]


def test_municipality_choices_are_named_in_the_active_language_or_else_in_finnish():
    Municipality.objects.create(slug="vaasa", name_fi="Vaasa", name_sv="Vasa")
    Municipality.objects.create(slug="oulu", name_fi="Oulu")
    Municipality.objects.create(slug="porvoo", name_fi="Porvoo", name_sv="Borgå")

    with translation.override("sv"):
        swedish = selectors.municipality_choices()
    with translation.override("fi"):
        finnish = selectors.municipality_choices()

    assert dict(swedish) == {"porvoo": "Borgå", "oulu": "Oulu", "vaasa": "Vasa"}
    assert finnish == (("oulu", "Oulu"), ("porvoo", "Porvoo"), ("vaasa", "Vaasa"))
