"""The staff feedback pages: they render, their forms act, refusals come back filled in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.feedback.models import EventKind, Feedback, ReplyTemplate, StateKind
from lampio.feedback.services import handling
from lampio.tenancy.models import Organisation, Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]


@pytest.fixture
def staff(desk: Organisation, make_member: Callable[..., Any]) -> Any:
    return make_member(desk, role=Role.STAFF, first_name="Sanna", last_name="Staff")


@pytest.fixture
def staff_client(client: Any, staff: Any) -> Any:
    client.force_login(staff)
    return client


@pytest.fixture
def message(make_feedback: Callable[..., Feedback]) -> Feedback:
    return make_feedback(
        identity="named", contact_email="aino@example.fi", language="sv", wants_public=True
    )


def url(name: str, organisation: Organisation, **kwargs: Any) -> str:
    """The page's English address (texts are asserted in English until translations arrive)."""
    with translation.override("en"):
        return reverse(
            f"feedback_staff:{name}",
            kwargs={
                "municipality": organisation.municipality.slug,
                "organisation": organisation.slug,
                **kwargs,
            },
        )


def test_inbox_lists_messages_with_the_overdue_flag(staff_client, desk, make_feedback):
    late = make_feedback()
    Feedback.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
    make_feedback()
    response = staff_client.get(url("inbox", desk))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('data-overdue="true"') == 1
    assert "⚠</span> Overdue" in page
    assert url("detail", desk, feedback_id=late.pk) in page
    assert "2 feedback messages found." in page


def test_inbox_filter_errors_come_back_as_typed(staff_client, desk, make_feedback):
    make_feedback()
    response = staff_client.get(url("inbox", desk), {"state": "nonsense", "q": "projektori"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and 'href="#id_state"' in page
    assert 'value="projektori"' in page


def test_organisation_page_links_the_inbox(staff_client, desk):
    response = staff_client.get(f"/en/staff/{desk.municipality.slug}/{desk.slug}/")
    assert url("inbox", desk).removeprefix("/en") in response.content.decode()


def test_detail_shows_the_message_language_and_forms(staff_client, desk, message):
    response = staff_client.get(url("detail", desk, feedback_id=message.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Projektori ei käynnisty." in page
    assert "The writer wrote in Swedish" in page
    for action in ("assign", "note", "reply", "state", "forward", "merge", "publish", "close"):
        assert url(action, desk, feedback_id=message.pk).removeprefix("/en") in page


def test_template_fills_the_answer_in_the_writers_language(staff_client, desk, message):
    template = ReplyTemplate.objects.create(
        organisation=desk, name_fi="Kiitos", body_fi="Kiitos!", body_sv="Tack för responsen!"
    )
    response = staff_client.get(
        url("detail", desk, feedback_id=message.pk), {"template": template.pk}
    )
    assert "Tack för responsen!</textarea>" in response.content.decode()


def test_reply_sends_and_redirects(
    staff_client, desk, message, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("reply", desk, feedback_id=message.pk), {"reply-text": "Tack, vi fixar det."}
        )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/feedback/{message.pk}/")
    message.refresh_from_db()
    assert message.state.kind == StateKind.ANSWERED
    assert len(mailoutbox) == 1
    follow = staff_client.get(response["Location"])
    assert "The answer was saved and sent." in follow.content.decode()


def test_reply_with_an_unknown_state_comes_back_filled_in(staff_client, desk, message):
    response = staff_client.post(
        url("reply", desk, feedback_id=message.pk),
        {"reply-text": "Tack, vi fixar det.", "reply-state": "nope"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tack, vi fixar det.</textarea>" in page
    assert 'href="#id_reply-state"' in page
    assert not message.events.filter(kind=EventKind.REPLY).exists()


def test_empty_note_is_refused_next_to_the_field(staff_client, desk, message):
    response = staff_client.post(url("note", desk, feedback_id=message.pk), {"note-text": ""})
    assert response.status_code == 200
    assert (
        'aria-describedby="id_note-text_helptext id_note-text_error"' in response.content.decode()
    )


def test_merge_into_an_unknown_number_keeps_what_was_typed(staff_client, desk, message):
    response = staff_client.post(
        url("merge", desk, feedback_id=message.pk), {"merge-into": "#999999"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your organisation has no feedback with this number." in page
    assert 'value="#999999"' in page


def test_merge_by_number(staff_client, desk, message, make_feedback):
    root = make_feedback()
    response = staff_client.post(
        url("merge", desk, feedback_id=message.pk), {"merge-into": str(root.pk)}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.merged_into == root


def test_publish_refused_when_not_allowed(staff_client, desk, make_feedback):
    private = make_feedback(wants_public=False)
    response = staff_client.post(
        url("publish", desk, feedback_id=private.pk), {"publish-public_text": "Julkaistava."}
    )
    assert response.status_code == 200
    assert "The writer did not allow this feedback to be published." in response.content.decode()
    private.refresh_from_db()
    assert not private.is_published


def test_publish_prefills_the_text_then_hide(staff_client, desk, message):
    page = staff_client.get(url("detail", desk, feedback_id=message.pk)).content.decode()
    assert "Projektori ei käynnisty.</textarea>" in page
    response = staff_client.post(
        url("publish", desk, feedback_id=message.pk),
        {"publish-public_text": "Projektori korjattu.", "publish-photos_public": "on"},
    )
    assert response.status_code == 302
    assert staff_client.post(url("hide", desk, feedback_id=message.pk)).status_code == 302
    message.refresh_from_db()
    assert not message.is_published and message.public_text == "Projektori korjattu."


def test_forward_goes_back_to_the_inbox_and_access_ends(
    staff_client, desk, message, make_organisation
):
    library = make_organisation(municipality=desk.municipality, slug="kirjasto")
    missing = staff_client.post(
        url("forward", desk, feedback_id=message.pk), {"forward-to_organisation": "kirjasto"}
    )
    assert missing.status_code == 200 and 'href="#id_forward-reason"' in missing.content.decode()
    response = staff_client.post(
        url("forward", desk, feedback_id=message.pk),
        {"forward-to_organisation": "kirjasto", "forward-reason": "Kirjaston asia."},
    )
    assert response.status_code == 302 and response["Location"].endswith("/feedback/")
    message.refresh_from_db()
    assert message.organisation == library
    assert staff_client.get(url("detail", desk, feedback_id=message.pk)).status_code == 404


def test_close_and_state_and_assign(staff_client, desk, message, staff):
    detail = url("detail", desk, feedback_id=message.pk)
    assert (
        staff_client.post(
            url("assign", desk, feedback_id=message.pk), {"assign-assignee": staff.pk}
        ).status_code
        == 302
    )
    assert (
        staff_client.post(
            url("state", desk, feedback_id=message.pk), {"state-state": "in-progress"}
        ).status_code
        == 302
    )
    assert staff_client.post(url("close", desk, feedback_id=message.pk)).status_code == 302
    message.refresh_from_db()
    assert message.assignee == staff and message.state.kind == StateKind.CLOSED
    assert staff_client.get(detail).status_code == 200


def test_bulk_close_keeps_the_filters(staff_client, desk, make_feedback, make_organisation):
    own = [make_feedback(), make_feedback()]
    response = staff_client.post(
        url("bulk", desk),
        {
            "query": "state=open&q=projektori",
            "bulk-ids": [str(item.pk) for item in own],
            "bulk-action": "close",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/feedback/?state=open&q=projektori")
    for item in own:
        item.refresh_from_db()
        assert item.state.kind == StateKind.CLOSED


def test_bulk_without_a_choice_comes_back_with_the_error(staff_client, desk, make_feedback):
    make_feedback()
    response = staff_client.post(
        url("bulk", desk), {"query": "q=projektori", "bulk-action": "close"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose at least one feedback message in the list." in page
    assert 'value="projektori"' in page


def test_other_organisations_staff_get_404(client, desk, message, make_organisation, make_member):
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    assert client.get(url("inbox", desk)).status_code == 404
    assert client.get(url("detail", desk, feedback_id=message.pk)).status_code == 404
    assert client.post(url("close", desk, feedback_id=message.pk)).status_code == 404
    assert (
        client.post(
            url("bulk", desk), {"bulk-ids": [message.pk], "bulk-action": "close"}
        ).status_code
        == 404
    )


def test_message_of_another_organisation_is_404_in_own_address(
    staff_client, desk, make_feedback, make_organisation, make_member, staff
):
    item = make_feedback()
    library = make_organisation(municipality=desk.municipality)
    handling.forward_feedback(actor=staff, feedback=item, to_organisation=library, reason="x")
    assert staff_client.get(url("detail", desk, feedback_id=item.pk)).status_code == 404


def test_viewers_read_but_cannot_act(client, desk, message, make_member):
    client.force_login(make_member(desk, role=Role.VIEWER))
    page = client.get(url("detail", desk, feedback_id=message.pk)).content.decode()
    assert url("close", desk, feedback_id=message.pk).removeprefix("/en") not in page
    assert client.post(url("close", desk, feedback_id=message.pk)).status_code == 403


def test_reply_templates_pages(staff_client, desk):
    missing = staff_client.post(
        url("template_new", desk), {"name_fi": "Kiitos", "body_sv": "Tack!"}
    )
    assert missing.status_code == 200
    page = missing.content.decode()
    assert 'href="#id_body_fi"' in page and "Tack!</textarea>" in page
    created = staff_client.post(
        url("template_new", desk), {"name_fi": "Kiitos", "body_fi": "Kiitos palautteesta!"}
    )
    assert created.status_code == 302
    template = ReplyTemplate.objects.get()
    assert "Kiitos" in staff_client.get(url("templates", desk)).content.decode()
    edited = staff_client.post(
        url("template_edit", desk, template_id=template.pk),
        {"name_fi": "Kiitos", "body_fi": "Kiitos!", "body_en": "Thank you!"},
    )
    assert edited.status_code == 302
    template.refresh_from_db()
    assert template.body_en == "Thank you!"
    assert (
        staff_client.post(url("template_delete", desk, template_id=template.pk)).status_code == 302
    )
    assert not ReplyTemplate.objects.exists()


def test_summary_page(staff_client, desk, make_feedback):
    make_feedback()
    this_week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    response = staff_client.get(url("summary", desk), {"week": this_week.isoformat()})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-count="received">1<' in page
    assert "Spaces and equipment" in page
    assert staff_client.get(url("summary", desk), {"week": "rubbish"}).status_code == 200
