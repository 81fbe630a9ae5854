"""The pilot library in the browser: a network admin links a pilot to a network roadmap
initiative and writes a lesson for the lead organisation; the public learning page then shows
the lesson (with the organisation's name, not the person's). Every page on the way, the staff
forms (one sent back with errors) and the public pages are axe-clean in Finnish and Swedish."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.capability.models import CompassPoint, Initiative, PilotStatus
from lampio.capability.services.library import DocumentData, add_document, add_webinar
from lampio.capability.services.pilots import PilotData, save_pilot
from lampio.core.multilingual import Translated
from lampio.offerings.models import Format
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv"]


def test_network_admin_links_a_pilot_and_shares_a_lesson_publicly(
    page: Page,
    log_in: Any,
    settings: Any,
    make_organisation: Any,
    make_municipality: Any,
    make_user: Any,
    make_offering: Any,
) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    lahti = make_municipality(slug="lahti", name="Lahti")
    library = make_organisation(municipality=lahti)
    admin = make_user(is_network_admin=True)
    pilot = save_pilot(
        actor=admin,
        data=PilotData(
            title=Translated(fi="Omatoimikirjasto lähikirjastoon", sv="Meröppet närbibliotek"),
            summary=Translated(fi="Lähikirjasto aukeaa kirjastokortilla myös iltaisin."),
            organisation=library,
            status=PilotStatus.RUNNING,
            starts_on=timezone.localdate() - timedelta(days=60),
            municipalities=[lahti],
        ),
    )
    add_document(
        actor=admin,
        pilot=pilot,
        data=DocumentData(title="Kokeilun raportti", kind="report", url="https://a.example.fi/r"),
    )
    add_webinar(
        actor=admin,
        pilot=pilot,
        offering=make_offering(
            library, title_fi="Verkostowebinaari: omatoimikirjasto", format=Format.LIVE_STREAM
        ),
    )
    initiative = Initiative.objects.create(
        title_fi="Kirjastojen palveluajat joustaviksi",
        organisation=None,
        owner_name="Verkoston koordinaattori",
        compass_point=CompassPoint.PUBLIC_SERVICES,
        starts_on=timezone.localdate(),
    )
    log_in(page, admin)
    problems: list[str] = []

    def check(what: str) -> None:
        expect(page.locator("h1")).to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{what} {page.url}:\n{describe(violations)}")

    # Link the pilot from the initiative's side.
    page.goto(f"/fi/staff/capability/pilots/for-initiative/{initiative.pk}/")
    check("link page")
    page.locator("#id_pilot").select_option(str(pilot.pk))
    page.locator("#link-form button[type=submit]").click()
    expect(page.locator("#linked-pilots")).to_contain_text("Omatoimikirjasto lähikirjastoon")

    # Write the lesson: first sent without texts (errors, input kept), then in full.
    page.goto(f"/fi/staff/capability/pilots/{pilot.pk}/")
    expect(page.locator("#pilot-initiatives")).to_contain_text("Kirjastojen palveluajat")
    check("pilot page")
    page.locator("#lesson-new").click()
    page.locator("#id_what_worked").fill("Asiakkaat löysivät illat nopeasti.")
    page.locator("#lesson-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_what_worked")).to_have_value("Asiakkaat löysivät illat nopeasti.")
    check("lesson form with errors")
    page.locator("#id_what_did_not").fill("Kulunvalvonnan ohje oli liian pitkä.")
    page.locator("#id_do_differently").fill("Tekisimme opastusvideon ennen avaamista.")
    page.locator("#lesson-form button[type=submit]").click()
    expect(page.locator("#lessons .lesson")).to_contain_text("Kulunvalvonnan ohje")

    # The public learning page shows the lesson in the organisation's name.
    page.goto("/fi/learning/")
    check("public library")
    page.locator(f"[data-pilot='{pilot.pk}'] a").click()
    lesson = page.locator("#lessons .lesson")
    expect(lesson).to_contain_text("Tekisimme opastusvideon ennen avaamista.")
    expect(lesson.locator("h3")).to_have_text(library.name_fi)
    expect(page.locator("#pilot-webinars")).to_contain_text("Verkostowebinaari")
    check("public pilot")

    # The rest of the staff pages, and everything in Swedish too.
    staff = f"/staff/capability/pilots/{pilot.pk}"
    for language in LANGUAGES:
        for path in (
            "/learning/",
            f"/learning/pilots/{pilot.pk}/",
            "/staff/capability/pilots/",
            "/staff/capability/pilots/?q=kirjasto&status=running",
            "/staff/capability/pilots/new/",
            f"{staff}/",
            f"{staff}/edit/",
            f"{staff}/phases/",
            f"{staff}/documents/new/",
            f"{staff}/webinars/new/",
            f"/staff/capability/pilots/webinars/{pilot.webinars.get().pk}/",
            f"/staff/capability/pilots/lessons/{pilot.lessons.get().pk}/",
        ):
            if language == "fi" and path in ("/learning/", f"/learning/pilots/{pilot.pk}/"):
                continue
            page.goto(f"/{language}{path}")
            check(language)
    assert not problems, "\n".join(problems)
