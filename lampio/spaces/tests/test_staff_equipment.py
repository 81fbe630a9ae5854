"""Staff choose a space's equipment; administrators add items to the shared equipment list."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.spaces.equipment_services import add_equipment, may_add_equipment
from lampio.spaces.models import Equipment
from lampio.spaces.staff_forms import SpaceForm
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def owner(make_organisation):
    return make_organisation()


@pytest.fixture
def admin(owner, make_member):
    return make_member(owner, role=Role.ADMIN)


@pytest.fixture
def staff(owner, make_member):
    return make_member(owner, role=Role.STAFF)


@pytest.fixture
def space(owner, make_space):
    return make_space(organisation=owner)


@pytest.fixture
def piano(db):
    return Equipment.objects.create(slug="piano", name_fi="Piano", name_sv="Piano")


@pytest.fixture
def projector(db):
    return Equipment.objects.create(
        slug="projector", name_fi="Videotykki", name_sv="Projektor", name_en="Projector"
    )


def equipment_url(organisation):
    return reverse(
        "spaces_staff:equipment",
        kwargs={"municipality": organisation.municipality.slug, "organisation": organisation.slug},
    )


def space_url(space):
    organisation = space.venue.organisation
    return reverse(
        "spaces_staff:space_edit",
        kwargs={
            "municipality": organisation.municipality.slug,
            "organisation": organisation.slug,
            "space_id": space.pk,
        },
    )


def space_form_data(space, **changes):
    """The space form as the editor shows it, filled in from the space, with `changes`."""
    form = SpaceForm(
        owner=space.venue.organisation, space=space, initial=SpaceForm.initial_for(space)
    )
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        if isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        else:
            data[name] = True if value is True else str(value)
    data.update(changes)
    return data


def test_staff_choose_the_equipment_of_a_space_in_its_editor(
    client, staff, space, piano, projector
):
    client.force_login(staff)
    page = client.get(space_url(space)).content.decode()
    assert 'type="checkbox" name="equipment"' in page and "Videotykki" in page

    response = client.post(space_url(space), space_form_data(space, equipment=[projector.pk]))

    assert response.status_code == 302
    assert list(space.equipment.all()) == [projector]
    entry = LogEntry.objects.get_for_object(space).latest("timestamp")
    assert entry.actor == staff
    assert "equipment" in entry.changes_dict

    client.post(space_url(space), space_form_data(space, equipment=[piano.pk, projector.pk]))
    assert set(space.equipment.all()) == {piano, projector}
    client.post(space_url(space), space_form_data(space, equipment=[]))
    assert not space.equipment.exists()


def test_the_list_shows_every_item_in_each_language(client, staff, owner, projector):
    client.force_login(staff)

    page = client.get(equipment_url(owner)).content.decode()

    assert "Videotykki" in page and "Projektor" in page and "Projector" in page
    # Ordinary staff choose from the list; they see who can add to it instead of a form.
    assert "Vain organisaation pääkäyttäjät voivat lisätä varusteita" in page
    assert 'name="name_fi"' not in page


def test_an_administrator_adds_an_item_in_three_languages(client, admin, owner):
    client.force_login(admin)

    response = client.post(
        equipment_url(owner),
        {"name_fi": "Äänentoisto", "name_sv": "Ljudanläggning", "name_en": "Sound system"},
    )

    assert response.status_code == 302
    item = Equipment.objects.get()
    assert (item.slug, item.name_fi, item.name_sv, item.name_en) == (
        "aanentoisto",
        "Äänentoisto",
        "Ljudanläggning",
        "Sound system",
    )
    entry = LogEntry.objects.get_for_object(item).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor == admin
    assert "Äänentoisto" in client.get(response["Location"]).content.decode()


def test_ordinary_staff_cannot_add_items(client, staff, owner):
    client.force_login(staff)

    response = client.post(equipment_url(owner), {"name_fi": "Piano"})

    assert response.status_code == 403
    assert not Equipment.objects.exists()
    with pytest.raises(PermissionDenied):
        add_equipment(actor=staff, organisation=owner, name=Translated(fi="Piano"))


def test_a_name_already_on_the_list_is_refused_and_the_input_kept(client, admin, owner, projector):
    client.force_login(admin)

    response = client.post(
        equipment_url(owner), {"name_fi": "Dataprojektori", "name_sv": "PROJEKTOR"}
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "on jo listassa" in errors["name_sv"][0]
    page = response.content.decode()
    assert 'value="Dataprojektori"' in page and 'value="PROJEKTOR"' in page
    assert list(Equipment.objects.all()) == [projector]


def test_the_finnish_name_is_required(client, admin, owner):
    client.force_login(admin)

    response = client.post(equipment_url(owner), {"name_fi": "", "name_en": "Piano"})

    assert response.status_code == 200
    assert response.context["form"].errors["name_fi"]
    assert 'value="Piano"' in response.content.decode()
    assert not Equipment.objects.exists()
    with pytest.raises(InvalidInput) as refused:
        add_equipment(actor=admin, organisation=owner, name=Translated(fi="  ", en="Piano"))
    assert refused.value.field == "name_fi"


def test_identifiers_stay_unique(admin, owner, piano):
    item = add_equipment(actor=admin, organisation=owner, name=Translated(fi="Piano!", en="Grand"))

    # "Piano!" is another name than "Piano", but the same identifier would be; it gets a number.
    assert item.slug == "piano-2"


def test_network_administrators_may_add_and_others_may_not(
    owner, make_user, make_member, make_organisation, resident
):
    network_admin = make_user(is_network_admin=True)
    admin_elsewhere = make_member(make_organisation(), role=Role.ADMIN)

    assert may_add_equipment(actor=network_admin, organisation=owner)
    assert not may_add_equipment(actor=admin_elsewhere, organisation=owner)
    assert not may_add_equipment(actor=resident, organisation=owner)
    add_equipment(actor=network_admin, organisation=owner, name=Translated(fi="Piano"))
    assert Equipment.objects.filter(slug="piano").exists()


def test_other_organisations_staff_get_404_and_residents_403(
    client, owner, resident, make_member, make_organisation
):
    address = equipment_url(owner)
    assert client.get(address).status_code == 302

    client.force_login(resident)
    assert client.get(address).status_code == 403
    assert client.post(address, {"name_fi": "Piano"}).status_code == 403

    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    assert client.get(address).status_code == 404
    assert client.post(address, {"name_fi": "Piano"}).status_code == 404
    assert not Equipment.objects.exists()
