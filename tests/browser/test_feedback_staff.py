"""The staff side of feedback in the browser: every page axe-clean in Finnish, Swedish and
English (forms also sent back with errors), and a message handled from the inbox to closed.

Locators use ids, names and data attributes, not UI texts, so they keep working as the
translations arrive.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.feedback.models import EventKind, Feedback, FeedbackCategory, ReplyTemplate, StateKind
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.services.submission import FeedbackDraft, submit_feedback
from lampio.tenancy.models import Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]


def submit(page: Any, field: str) -> None:
    """Send the form that `field` belongs to (as its own submit button would)."""
    with page.expect_navigation():
        page.locator(field).evaluate("el => el.form.requestSubmit()")


@pytest.fixture
def desk_world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any):
    """A city's feedback desk with a staff member, two messages (one overdue) and a template."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    city = make_municipality(slug="oulu", name="Oulu")
    desk = make_organisation(municipality=city, slug="palaute")
    make_organisation(municipality=city, slug="kirjasto")
    set_up_feedback(municipality=city, fallback_organisation=desk, open311_id="oulu.fi")
    staff = make_member(desk, role=Role.STAFF, first_name="Sanna", last_name="Staff")
    spaces = FeedbackCategory.objects.get(municipality=city, code="spaces")
    praise = FeedbackCategory.objects.get(municipality=city, code="praise")
    broken = submit_feedback(
        actor=None,
        municipality=city,
        draft=FeedbackDraft(
            category=spaces,
            text="Projektori ei käynnisty salissa 2.",
            identity="named",
            contact_name="Aino Asukas",
            contact_email="aino@example.fi",
            language="sv",
            wants_public=True,
            address="Kirkkokatu 1",
        ),
    )
    thanks = submit_feedback(
        actor=None,
        municipality=city,
        draft=FeedbackDraft(category=praise, text="Kiitos hienosta konsertista!"),
    )
    Feedback.objects.filter(pk=thanks.pk).update(
        submitted_at=timezone.now() - timedelta(days=20),
        due_at=timezone.now() - timedelta(days=5),
    )
    ReplyTemplate.objects.create(
        organisation=desk,
        name_fi="Korjaus tilattu",
        body_fi="Kiitos! Korjaus on tilattu.",
        body_sv="Tack! Vi har beställt en reparation.",
    )
    return {"desk": desk, "staff": staff, "broken": broken, "thanks": thanks}


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_feedback_pages_have_no_axe_violations(page, log_in, language, desk_world):
    desk, broken = desk_world["desk"], desk_world["broken"]
    log_in(page, desk_world["staff"])
    base = f"/{language}/staff/oulu/palaute/feedback"
    template = ReplyTemplate.objects.get(organisation=desk)
    paths = [
        f"{base}/",
        f"{base}/?state=open&age=overdue",
        f"{base}/?state=nonsense",  # the filter form with an error
        f"{base}/{broken.pk}/",
        f"{base}/{broken.pk}/?template={template.pk}",
        f"{base}/templates/",
        f"{base}/templates/new/",
        f"{base}/templates/{template.pk}/",
        f"{base}/summary/",
        f"{base}/summary/?week={timezone.localdate().isoformat()}",
    ]
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1"), f"one h1 on {path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{path}:\n{describe(violations)}")
    # Forms sent back with errors: a note without text, a merge into an unknown number, the
    # bulk action with nothing chosen and a template without its Finnish text.
    page.goto(f"{base}/{broken.pk}/")
    page.locator("#id_note-text").fill("")
    submit(page, "#id_note-text")
    expect(page.locator(".error-summary")).to_have_count(1)
    page.locator("#id_merge-into").fill("999999")
    submit(page, "#id_merge-into")
    assert page.locator("#id_merge-into").input_value() == "999999"
    if violations := axe_violations(page):
        problems.append(f"{base}/{broken.pk}/ with errors:\n{describe(violations)}")
    page.goto(f"{base}/")
    page.locator("#bulk-form button[type=submit]").click()
    expect(page.locator("#bulk-form .error-summary")).to_have_count(1)
    if violations := axe_violations(page):
        problems.append(f"{base}/ bulk with errors:\n{describe(violations)}")
    page.goto(f"{base}/templates/new/")
    page.locator("#id_name_fi").fill("Kiitos")
    page.locator("main form.form button[type=submit]").click()
    assert page.locator("#id_name_fi").input_value() == "Kiitos"
    if violations := axe_violations(page):
        problems.append(f"{base}/templates/new/ with errors:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_staff_handle_a_message_end_to_end(page, log_in, desk_world):
    broken = desk_world["broken"]
    log_in(page, desk_world["staff"])
    page.goto("/en/staff/oulu/palaute/")
    page.locator("a[href$='/staff/oulu/palaute/feedback/']").click()
    # Overdue first, flagged in words and an icon; then filter down to the broken projector.
    first = page.locator("#inbox-table tbody tr").first
    assert first.get_attribute("data-feedback") == str(desk_world["thanks"].pk)
    assert first.locator(".overdue").inner_text().strip().endswith("Overdue")
    page.locator("#id_category").select_option("spaces")
    page.locator("#id_q").fill("projektori")
    page.locator("#inbox-filter button[type=submit]").click()
    rows = page.locator("#inbox-table tbody tr")
    # The filter may swap the table in place (htmx): wait for the answer, do not sample it.
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-feedback", str(broken.pk))
    rows.first.locator("a").first.click()
    assert page.locator("#feedback-text").inner_text().startswith("Projektori ei käynnisty")
    # Reply from the template: the Swedish text, as the writer wrote in Swedish.
    page.locator("#id_template").select_option(label="Korjaus tilattu")
    submit(page, "#id_template")
    answer = page.locator("#id_reply-text")
    assert answer.input_value() == "Tack! Vi har beställt en reparation."
    answer.fill("Tack! Vi har beställt en reparation av projektorn.")
    submit(page, "#id_reply-text")
    assert page.locator("#feedback-state").get_attribute("data-kind") == StateKind.ANSWERED
    expect(page.locator("#timeline [data-event=reply]")).to_have_count(1)
    page.locator("form[action$='/close/'] button[type=submit]").click()
    assert page.locator("#feedback-state").get_attribute("data-kind") == StateKind.CLOSED
    broken.refresh_from_db()
    assert broken.state.kind == StateKind.CLOSED
    reply = broken.events.get(kind=EventKind.REPLY)
    assert reply.text == "Tack! Vi har beställt en reparation av projektorn."
    assert reply.actor == desk_world["staff"]
