"""Staff describe, order and remove photos; others cannot touch them."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.spaces import photo_services
from lampio.spaces.models import SpacePhoto
from lampio.spaces.tests.photos import (
    add,
    image_bytes,
    order,
    post_photo,
    url,
)
from lampio.tenancy.models import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("photo_settings")]


def test_photos_are_reordered(staff_client, staff, space):
    first, second, third = (add(staff, space, text) for text in ("Eka", "Toka", "Kolmas"))

    response = staff_client.post(url("photo_move", space, photo_id=third.pk), {"direction": "up"})
    assert response.status_code == 302
    assert order(space) == ["Eka", "Kolmas", "Toka"]

    staff_client.post(url("photo_move", space, photo_id=first.pk), {"direction": "down"})
    assert order(space) == ["Kolmas", "Eka", "Toka"]

    # Past either end nothing changes; an unknown direction is refused with a message.
    staff_client.post(url("photo_move", space, photo_id=second.pk), {"direction": "down"})
    response = staff_client.post(
        url("photo_move", space, photo_id=first.pk), {"direction": "sideways"}, follow=True
    )
    assert order(space) == ["Kolmas", "Eka", "Toka"]
    assert "Valitse, siirretäänkö kuvaa ylöspäin vai alaspäin." in response.content.decode()
    assert LogEntry.objects.filter(
        content_type__model="spacephoto", action=LogEntry.Action.UPDATE, actor=staff
    ).exists()


def test_a_photo_is_removed_with_its_file(
    staff_client, staff, space, media, django_capture_on_commit_callbacks
):
    photo = add(staff, space, "Sali")
    path = media / photo.image.name
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url("photo_remove", space, photo_id=photo.pk))

    assert response.status_code == 302
    assert not SpacePhoto.objects.exists()
    assert not path.exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.DELETE, actor=staff).exists()


def test_the_description_is_edited_and_kept_on_error(staff_client, staff, space):
    photo = add(staff, space, "Sali")
    address = url("photo_edit", space, photo_id=photo.pk)
    assert 'value="Sali"' in staff_client.get(address).content.decode()

    response = staff_client.post(address, {"alt_text_fi": "", "alt_text_sv": "Sal med scen"})
    assert response.status_code == 200
    assert response.context["form"].errors["alt_text_fi"]
    assert "Sal med scen" in response.content.decode()

    response = staff_client.post(address, {"alt_text_fi": "Sali ja näyttämö", "alt_text_sv": ""})
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.alt_text_fi == "Sali ja näyttämö"
    assert LogEntry.objects.get_for_object(photo).filter(action=LogEntry.Action.UPDATE).exists()


def test_staff_of_another_organisation_get_404_and_change_nothing(
    client, staff, space, make_organisation, make_member
):
    photo = add(staff, space, "Sali")
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))

    assert client.get(url("photos", space)).status_code == 404
    assert post_photo(client, space, image_bytes()).status_code == 404
    assert client.get(url("photo_edit", space, photo_id=photo.pk)).status_code == 404
    for name, data in (("photo_move", {"direction": "up"}), ("photo_remove", {})):
        assert client.post(url(name, space, photo_id=photo.pk), data).status_code == 404
    assert list(SpacePhoto.objects.all()) == [photo]


def test_a_photo_is_found_only_under_its_own_space(staff_client, staff, owner, space, make_space):
    photo = add(staff, space, "Sali")
    other_space = make_space(organisation=owner)

    address = url("photo_remove", other_space, photo_id=photo.pk)
    assert staff_client.post(address).status_code == 404
    assert SpacePhoto.objects.filter(pk=photo.pk).exists()


def test_residents_are_refused_and_visitors_sent_to_log_in(client, resident, staff, space):
    photo = add(staff, space, "Sali")

    response = client.get(url("photos", space))
    assert response.status_code == 302 and "/login/" in response["Location"]

    client.force_login(resident)
    assert client.get(url("photos", space)).status_code == 403
    assert post_photo(client, space, image_bytes()).status_code == 403
    assert client.post(url("photo_remove", space, photo_id=photo.pk)).status_code == 403
    assert SpacePhoto.objects.count() == 1


def test_members_who_may_only_view_are_refused(client, owner, space, make_member):
    client.force_login(make_member(owner, role=Role.VIEWER))

    assert client.get(url("photos", space)).status_code == 403
    assert post_photo(client, space, image_bytes()).status_code == 403
    assert not SpacePhoto.objects.exists()


def test_the_service_refuses_someone_who_may_not_manage_the_space(
    space, make_member, make_organisation
):
    outsider = make_member(make_organisation(), role=Role.ADMIN)

    with pytest.raises(PermissionDenied):
        add(outsider, space, "Sali")
    assert not SpacePhoto.objects.exists()


def test_the_photo_limit_is_enforced(staff_client, staff, space, monkeypatch):
    monkeypatch.setattr(photo_services, "MAX_PHOTOS_PER_SPACE", 1)
    add(staff, space, "Sali")

    with pytest.raises(InvalidInput):
        add(staff, space, "Toinen")
    assert (
        "Poista yksi kuva ennen kuin lisäät uuden."
        in staff_client.get(url("photos", space)).content.decode()
    )
    assert SpacePhoto.objects.count() == 1
