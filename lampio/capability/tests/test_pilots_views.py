"""The pilot library's pages: the staff library and a pilot's forms (errors keep the input), the
download of a file as an attachment, linking from an initiative, and the public learning page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lampio.capability.models import Pilot, PilotDocument
from lampio.capability.services.library import LessonData, save_lesson
from lampio.capability.tests.pilot_factories import (  # noqa: F401  (fixtures)
    World,
    make_initiative,
    make_pilot,
    world_fixture,
)

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(autouse=True)
def _no_second_factor(settings) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


def test_staff_of_any_city_read_the_library_and_search_it(client, world: World) -> None:
    pilot = make_pilot(world.staff_b, world.b, title="Kirjaston palveluavustaja")
    client.force_login(world.staff_a)
    page = client.get(reverse("capability_staff:pilots"), {"q": "palveluavustajan"})
    assert page.status_code == 200
    assert reverse("capability_staff:pilot", kwargs={"pilot_id": pilot.pk}) in page.text
    empty = client.get(reverse("capability_staff:pilots"), {"q": "sirkus"})
    assert reverse("capability_staff:pilot", kwargs={"pilot_id": pilot.pk}) not in empty.text
    # Reading is shared; changing is the lead's.
    assert (
        client.get(reverse("capability_staff:pilot", kwargs={"pilot_id": pilot.pk})).status_code
        == 200
    )
    edit = reverse("capability_staff:pilot_edit", kwargs={"pilot_id": pilot.pk})
    assert client.get(edit).status_code == 403


def test_a_new_pilot_is_created_and_an_error_keeps_the_input(client, world: World) -> None:
    client.force_login(world.staff_a)
    url = reverse("capability_staff:pilot_new")
    data = {
        "organisation": world.a.pk,
        "status": "running",
        "title_fi": "Omatoimikirjasto Kirkonkylään",
        "summary_fi": "Lähikirjasto aukeaa kirjastokortilla myös iltaisin.",
        "starts_on": "2030-03-01",
        "ends_on": "2030-01-01",
    }
    again = client.post(url, data)
    assert again.status_code == 200
    assert "Omatoimikirjasto Kirkonkylään" in again.text
    assert not Pilot.objects.exists()
    created = client.post(url, {**data, "ends_on": "2030-12-31"})
    pilot = Pilot.objects.get()
    assert created.url == reverse("capability_staff:pilot", kwargs={"pilot_id": pilot.pk})
    assert pilot.phases.count() == 5


def test_phases_form_refuses_leaving_out_a_required_phase(client, world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    client.force_login(world.staff_a)
    url = reverse("capability_staff:pilot_phases", kwargs={"pilot_id": pilot.pk})
    data = {
        f"{kind}-status": "done"
        for kind in ("core_team", "implementation", "round_table", "webinar")
    }
    data["procurement-status"] = "skipped"
    data["core_team-notes_fi"] = "Ydintiimi kokoontui viikoittain."
    assert client.post(url, data).status_code == 302
    assert pilot.phases.get(kind="procurement").status == "skipped"
    refused = client.post(url, {**data, "webinar-status": "skipped"})
    assert refused.status_code == 200  # "not needed" is not even a choice for webinars
    assert pilot.phases.get(kind="webinar").status == "done"


def test_a_file_is_uploaded_and_downloaded_only_by_staff_as_an_attachment(
    client, world: World, resident
) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    client.force_login(world.staff_a)
    response = client.post(
        reverse("capability_staff:pilot_document_new", kwargs={"pilot_id": pilot.pk}),
        {"title": "Loppuraportti", "kind": "report", "file": SimpleUploadedFile("r.pdf", PDF)},
    )
    assert response.status_code == 302
    document = PilotDocument.objects.get()
    url = reverse("capability_staff:pilot_document", kwargs={"pilot_document_id": document.pk})
    client.force_login(world.staff_b)
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="loppuraportti.pdf"')
    assert download["Content-Type"] == "application/pdf"
    assert download.content == PDF
    client.force_login(resident)
    assert client.get(url).status_code == 403


def test_a_forbidden_file_comes_back_with_the_form_filled_in(client, world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    client.force_login(world.staff_a)
    response = client.post(
        reverse("capability_staff:pilot_document_new", kwargs={"pilot_id": pilot.pk}),
        {"title": "Ohjelma", "kind": "document", "file": SimpleUploadedFile("x.pdf", b"MZ")},
    )
    assert response.status_code == 200
    assert 'value="Ohjelma"' in response.text
    assert not PilotDocument.objects.exists()


def test_initiative_page_links_a_pilot_for_its_organisation_only(client, world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    initiative = make_initiative(world.b)
    url = reverse("capability_staff:initiative_link_pilot", kwargs={"initiative_id": initiative.pk})
    client.force_login(world.staff_a)
    assert client.get(url).status_code == 404
    assert client.post(url, {"pilot": pilot.pk}).status_code == 404
    client.force_login(world.staff_b)
    assert client.post(url, {"pilot": pilot.pk}).status_code == 302
    assert list(pilot.initiatives.all()) == [initiative]
    assert client.post(url, {"unlink": pilot.pk}).status_code == 302
    assert not pilot.initiatives.exists()


def test_the_public_page_shows_lessons_by_organisation_and_hides_planned_pilots(
    client, world: World
) -> None:
    running = make_pilot(world.staff_a, world.a, title="Digitaalinen museo-opas")
    planned = make_pilot(world.staff_a, world.a, title="Yhteislippu", status="planned")
    save_lesson(
        actor=world.staff_a,
        pilot=running,
        organisation=world.a,
        data=LessonData("QR-koodit toimivat.", "Wifi ei kantanut.", "Testaisimme verkon."),
    )
    library = client.get(reverse("capability:library"))
    assert "Digitaalinen museo-opas" in library.text and "Yhteislippu" not in library.text
    page = client.get(reverse("capability:library_pilot", kwargs={"pilot_id": running.pk}))
    assert "Wifi ei kantanut." in page.text
    assert world.a.name_fi in page.text
    assert world.staff_a.email not in page.text
    planned_url = reverse("capability:library_pilot", kwargs={"pilot_id": planned.pk})
    assert client.get(planned_url).status_code == 404
