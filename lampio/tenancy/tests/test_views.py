from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from lampio.tenancy.models import Membership, Role

pytestmark = pytest.mark.django_db


def organisation_url(organisation):
    return reverse(
        "tenancy:organisation",
        kwargs={"municipality": organisation.municipality.slug, "organisation": organisation.slug},
    )


@pytest.fixture
def no_staff_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


def test_staff_area_sends_anonymous_people_to_login(client):
    response = client.get(reverse("tenancy:staff_home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_residents_without_a_role_are_refused_the_staff_area(client, resident):
    client.force_login(resident)
    response = client.get(reverse("tenancy:staff_home"))
    assert response.status_code == 403


def test_staff_without_a_second_factor_are_sent_to_set_one_up(
    client, settings, make_organisation, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = True
    member = make_member(make_organisation(), role=Role.STAFF)
    client.force_login(member)
    response = client.get(reverse("tenancy:staff_home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")

    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get(reverse("tenancy:staff_home")).status_code == 200


def test_staff_see_their_own_organisation_but_not_another(
    client, no_staff_mfa, make_organisation, make_member
):
    own, other = make_organisation(), make_organisation()
    member = make_member(own, role=Role.STAFF)
    client.force_login(member)

    home = client.get(reverse("tenancy:staff_home"))
    assert own.name in home.content.decode()
    assert other.name not in home.content.decode()
    assert client.get(organisation_url(own)).status_code == 200
    assert client.get(organisation_url(other)).status_code == 404


def test_admin_adds_a_member_through_the_form(
    client, no_staff_mfa, make_organisation, make_member, make_user
):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    newcomer = make_user()
    client.force_login(admin)
    response = client.post(
        organisation_url(organisation), {"email": newcomer.email, "role": Role.VIEWER}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer, role=Role.VIEWER).exists()


def test_a_refused_member_form_comes_back_filled_in_with_a_translated_error(
    client, no_staff_mfa, make_organisation, make_member
):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN)
    client.force_login(admin)
    url = organisation_url(organisation).replace("/fi/", "/sv/")
    response = client.post(url, {"email": "nobody@example.fi", "role": Role.STAFF})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="nobody@example.fi"' in page
    english = "No account uses this email address. Ask the person to sign up first."
    with translation.override("sv"):
        swedish = gettext(english)
    assert swedish != english
    assert swedish in page
    assert 'aria-invalid="true"' in page


def test_staff_cannot_manage_members_without_the_admin_role(
    client, no_staff_mfa, make_organisation, make_member, make_user
):
    organisation = make_organisation()
    member = make_member(organisation, role=Role.STAFF)
    client.force_login(member)
    client.post(organisation_url(organisation), {"email": make_user().email, "role": Role.ADMIN})
    assert organisation.memberships.count() == 1


def test_admin_of_another_organisation_gets_404_on_member_changes(
    client, no_staff_mfa, make_organisation, make_member
):
    own, other = make_organisation(), make_organisation()
    admin = make_member(own, role=Role.ADMIN)
    victim = make_member(other, role=Role.ADMIN).memberships.get()
    client.force_login(admin)
    url = reverse(
        "tenancy:change_member",
        kwargs={
            "municipality": other.municipality.slug,
            "organisation": other.slug,
            "membership_id": victim.pk,
        },
    )
    assert client.post(url, {"action": "remove"}).status_code == 404
    assert Membership.objects.filter(pk=victim.pk).exists()


def test_city_choice_is_remembered_and_shows_that_citys_organisations(
    client, make_organisation, make_municipality
):
    oulu = make_municipality(slug="oulu", name="Oulu")
    library = make_organisation(municipality=oulu)
    elsewhere = make_organisation()
    response = client.post(reverse("tenancy:choose_city"), {"municipality": "oulu", "next": "/fi/"})
    assert response.status_code == 302 and response["Location"] == "/fi/"
    page = client.get("/fi/").content.decode()
    assert library.name in page and elsewhere.name not in page


def test_unknown_city_is_refused_with_an_error_and_an_offsite_next_is_ignored(client, db):
    response = client.post(reverse("tenancy:choose_city"), {"municipality": "atlantis"})
    assert response.status_code == 200
    response = client.post(
        reverse("tenancy:choose_city"), {"municipality": "", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("home")
