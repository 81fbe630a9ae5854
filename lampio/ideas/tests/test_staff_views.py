"""The staff idea pages: they render, their forms act through the services, refusals come back
filled in, other organisations are refused, and the campaign CSV holds nothing personal."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.ideas import services
from lampio.ideas.models import (
    Comment,
    FilteredWord,
    HiddenReason,
    Idea,
    Report,
    StrategyTheme,
    Support,
)
from lampio.notifications.models import Delivery
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def staff_client(client: Any, staff: Any) -> Any:
    client.force_login(staff)
    return client


@pytest.fixture
def theme(city: Any) -> StrategyTheme:
    return StrategyTheme.objects.create(
        municipality=city, slug="kaikille", name_fi="Kulttuuria kaikille", name_sv="Kultur för alla"
    )


@pytest.fixture
def suggested(idea: Idea, museum: Organisation, theme: StrategyTheme) -> Idea:
    """The idea as the router left it: the museum suggested, with one theme."""
    Idea.objects.filter(pk=idea.pk).update(suggested_organisation=museum, routed_at=None)
    idea.suggested_themes.set([theme])
    idea.refresh_from_db()
    return idea


def url(name: str, organisation: Organisation, **kwargs: Any) -> str:
    """The page's English address (texts are asserted in English until translations arrive)."""
    with translation.override("en"):
        return reverse(
            f"ideas_staff:{name}",
            kwargs={
                "municipality": organisation.municipality.slug,
                "organisation": organisation.slug,
                **kwargs,
            },
        )


def page_of(response: Any) -> str:
    return response.content.decode()


# --- The list and the organisation's page -------------------------------------------------------


def test_list_shows_ideas_with_counts_and_links(staff_client, library, suggested, make_idea):
    make_idea(title="Lukupiiri nuorille")
    response = staff_client.get(url("list", library))
    assert response.status_code == 200
    page = page_of(response)
    assert url("idea", library, idea_id=suggested.pk) in page
    assert "Lukupiiri nuorille" in page and "2 ideas found." in page
    assert "Suggested: Organisation museo" not in page  # English falls back to Finnish names
    assert 'id="pending-count"' in page


def test_list_filters_by_routing_to_confirm(staff_client, library, museum, staff, make_idea):
    confirmed = make_idea(title="Vahvistettu")
    services.confirm_routing(actor=staff, idea=confirmed, organisation=library, themes=[])
    pending = make_idea(title="Odottaa")
    response = staff_client.get(url("list", library), {"routing": "pending"})
    page = page_of(response)
    assert "1 idea found." in page
    assert f'data-idea="{pending.pk}"' in page and f'data-idea="{confirmed.pk}"' not in page


def test_list_filters_by_campaign_and_state(staff_client, library, campaign, make_idea):
    in_campaign = make_idea(title="Kampanjaidea", campaign=campaign)
    make_idea(title="Muu idea")
    page = page_of(staff_client.get(url("list", library), {"campaign": campaign.pk}))
    assert "1 idea found." in page and f'data-idea="{in_campaign.pk}"' in page
    page = page_of(staff_client.get(url("list", library), {"state": "accepted"}))
    assert "0 ideas found." in page


def test_list_filter_errors_come_back_as_typed(staff_client, library, idea):
    response = staff_client.get(url("list", library), {"state": "nonsense", "routing": "pending"})
    assert response.status_code == 200
    page = page_of(response)
    assert "error-summary" in page and 'href="#id_state"' in page
    assert '<option value="pending" selected>' in page


def test_organisation_page_links_the_ideas(staff_client, library):
    response = staff_client.get(f"/en/staff/{library.municipality.slug}/{library.slug}/")
    assert url("list", library).removeprefix("/en") in page_of(response)


# --- One idea -----------------------------------------------------------------------------------


def test_idea_page_shows_the_authors_account_and_the_suggestion(
    staff_client, library, suggested, resident, theme, museum
):
    assert not suggested.show_name
    response = staff_client.get(url("idea", library, idea_id=suggested.pk))
    assert response.status_code == 200
    page = page_of(response)
    assert resident.email in page and resident.display_name in page
    assert "The name is not shown to others." in page
    assert f'<option value="{museum.pk}" selected>' in page
    assert f'value="{theme.pk}"' in page and "checked" in page
    for action in ("routing", "answer", "state", "merge", "hide"):
        assert url(action, library, idea_id=suggested.pk).removeprefix("/en") in page


def test_confirming_the_routing_saves_it(staff_client, library, suggested, theme, museum):
    response = staff_client.post(
        url("routing", library, idea_id=suggested.pk),
        {"routing-organisation": museum.pk, "routing-themes": [theme.pk]},
    )
    assert response.status_code == 302
    suggested.refresh_from_db()
    assert suggested.organisation == museum and suggested.routed_at is not None
    assert list(suggested.themes.all()) == [theme]
    assert "The routing was confirmed." in page_of(staff_client.get(response["Location"]))


def test_routing_to_another_city_comes_back_as_typed(
    staff_client, library, suggested, make_organisation, theme
):
    elsewhere = make_organisation()
    response = staff_client.post(
        url("routing", library, idea_id=suggested.pk),
        {"routing-organisation": elsewhere.pk, "routing-themes": [theme.pk]},
    )
    assert response.status_code == 200
    page = page_of(response)
    assert 'href="#id_routing-organisation"' in page
    suggested.refresh_from_db()
    assert suggested.routed_at is None


def test_answer_with_a_state_tells_the_followers(
    staff_client, library, idea, resident, django_capture_on_commit_callbacks
):
    response = staff_client.post(
        url("answer", library, idea_id=idea.pk),
        {"answer-answer": "Hankimme ukuleleja syksyllä.", "answer-state": "under-review"},
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.official_answer == "Hankimme ukuleleja syksyllä."
    assert idea.state.slug == "under-review"
    assert Delivery.objects.filter(recipient=resident, key="ideas.answered").exists()
    follow = page_of(staff_client.get(response["Location"]))
    assert 'id="official-answer"' in follow


def test_an_empty_answer_comes_back_with_the_state_kept(staff_client, library, idea):
    response = staff_client.post(
        url("answer", library, idea_id=idea.pk),
        {"answer-answer": "  <br> ", "answer-state": "under-review"},
    )
    assert response.status_code == 200
    page = page_of(response)
    assert 'href="#id_answer-answer"' in page
    assert '<option value="under-review" selected>' in page
    idea.refresh_from_db()
    assert idea.official_answer == ""


def test_state_changes_only_to_the_next_states(staff_client, library, idea):
    refused = staff_client.post(url("state", library, idea_id=idea.pk), {"state-state": "merged"})
    assert refused.status_code == 200 and 'href="#id_state-state"' in page_of(refused)
    done = staff_client.post(url("state", library, idea_id=idea.pk), {"state-state": "accepted"})
    assert done.status_code == 302
    idea.refresh_from_db()
    assert idea.state.slug == "accepted"


def test_merge_into_another_idea(staff_client, library, idea, make_idea, make_user):
    target = make_idea(title="Soittimet lainaan")
    supporter = make_user()
    services.support_idea(actor=supporter, idea=idea)
    response = staff_client.post(url("merge", library, idea_id=idea.pk), {"merge-into": target.pk})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.merged_into == target and idea.state.slug == "merged"
    assert Support.objects.filter(idea=target, person=supporter).exists()
    page = page_of(staff_client.get(url("idea", library, idea_id=idea.pk)))
    assert 'id="merged-notice"' in page


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("999999", "There is no idea with this number."),
        ("abc", "Give the number of the idea, for example 123."),
        ("self", "An idea cannot be merged into itself."),
    ],
)
def test_merge_into_a_wrong_idea_comes_back_as_typed(staff_client, library, idea, typed, reason):
    typed = str(idea.pk) if typed == "self" else typed
    response = staff_client.post(url("merge", library, idea_id=idea.pk), {"merge-into": typed})
    assert response.status_code == 200
    page = page_of(response)
    assert reason in page and f'value="{typed}"' in page
    idea.refresh_from_db()
    assert idea.merged_into is None


def test_hide_and_show_the_idea(staff_client, library, idea):
    refused = staff_client.post(url("hide", library, idea_id=idea.pk), {"hide-note": "Katso"})
    assert refused.status_code == 200 and 'href="#id_hide-reason"' in page_of(refused)
    assert 'value="Katso"' in page_of(refused)
    hidden = staff_client.post(
        url("hide", library, idea_id=idea.pk),
        {"hide-reason": HiddenReason.OFF_TOPIC, "hide-note": "Ei kulttuuripalvelu."},
    )
    assert hidden.status_code == 302
    idea.refresh_from_db()
    assert idea.hidden_reason == HiddenReason.OFF_TOPIC
    assert idea.hidden_note == "Ei kulttuuripalvelu."
    assert 'id="hidden-notice"' in page_of(staff_client.get(url("idea", library, idea_id=idea.pk)))
    shown = staff_client.post(url("show", library, idea_id=idea.pk))
    assert shown.status_code == 302
    idea.refresh_from_db()
    assert not idea.is_hidden


def test_comments_are_hidden_and_shown_and_reports_resolved(staff_client, library, idea, make_user):
    writer, reporter = make_user(first_name="Kalle", last_name="Kommentoija"), make_user()
    comment = services.add_comment(actor=writer, idea=idea, body="Hyvä idea, mutta kallis.")
    services.report_content(actor=reporter, idea=idea, comment=comment, reason="offensive")
    services.report_content(actor=reporter, idea=idea, reason="spam")
    page = page_of(staff_client.get(url("idea", library, idea_id=idea.pk)))
    assert "Hyvä idea, mutta kallis." in page
    assert "Kalle Kommentoija" in page and page.count("data-report=") == 2
    hide_url = url("comment_hide", library, idea_id=idea.pk, comment_id=comment.pk)
    refused = staff_client.post(hide_url, {f"comment-{comment.pk}-note": "Huomio"})
    assert refused.status_code == 200
    assert f'href="#id_comment-{comment.pk}-reason"' in page_of(refused)
    assert staff_client.post(
        hide_url, {f"comment-{comment.pk}-reason": "offensive"}
    ).status_code == (302)
    comment.refresh_from_db()
    assert comment.is_hidden
    assert Report.objects.filter(comment=comment, resolved_at__isnull=True).count() == 0
    shown = staff_client.post(url("comment_show", library, idea_id=idea.pk, comment_id=comment.pk))
    assert shown.status_code == 302
    comment.refresh_from_db()
    assert not comment.is_hidden
    resolved = staff_client.post(url("resolve", library, idea_id=idea.pk))
    assert resolved.status_code == 302
    assert not Report.objects.filter(idea=idea, resolved_at__isnull=True).exists()


def test_a_comment_of_another_idea_is_not_found(staff_client, library, idea, make_idea, make_user):
    other = make_idea(title="Toinen")
    comment = services.add_comment(actor=make_user(), idea=other, body="Kommentti")
    response = staff_client.post(
        url("comment_hide", library, idea_id=idea.pk, comment_id=comment.pk),
        {f"comment-{comment.pk}-reason": "spam"},
    )
    assert response.status_code == 404


# --- Moderation queue ---------------------------------------------------------------------------


def test_queue_lists_reports_and_held_texts(staff_client, library, idea, make_idea, make_user):
    FilteredWord.objects.create(word="tyhmä")
    held = make_idea(title="Tyhmä kirjasto")
    assert held.hidden_reason == HiddenReason.FILTER
    services.report_content(actor=make_user(), idea=idea, reason="spam", note="Mainos")
    response = staff_client.get(url("queue", library))
    assert response.status_code == 200
    page = page_of(response)
    assert "2 items wait for a decision." in page
    assert url("idea", library, idea_id=held.pk).removeprefix("/en") in page
    assert "Mainos" in page


# --- Who may ------------------------------------------------------------------------------------


def test_other_organisations_staff_are_refused(
    client, library, museum, museum_staff, idea, campaign
):
    client.force_login(museum_staff)
    assert client.get(url("list", library)).status_code == 404
    assert client.get(url("idea", library, idea_id=idea.pk)).status_code == 404
    # Through their own organisation's address the library's idea is not found either.
    assert client.get(url("idea", museum, idea_id=idea.pk)).status_code == 404
    refused = client.post(url("answer", museum, idea_id=idea.pk), {"answer-answer": "Ei."})
    assert refused.status_code == 404
    assert client.get(url("campaign_edit", museum, campaign_id=campaign.pk)).status_code == 404
    assert client.get(url("campaign_ideas_csv", museum, campaign_id=campaign.pk)).status_code == 404
    idea.refresh_from_db()
    assert idea.official_answer == ""


def test_an_idea_routed_to_another_organisation_is_theirs_to_handle(
    client, staff, library, museum, museum_staff, idea
):
    services.confirm_routing(actor=staff, idea=idea, organisation=museum, themes=[])
    client.force_login(museum_staff)
    assert f'data-idea="{idea.pk}"' in page_of(client.get(url("list", museum)))
    response = client.post(url("answer", museum, idea_id=idea.pk), {"answer-answer": "Selvitämme."})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.official_answer == "Selvitämme."


def test_viewers_read_but_may_not_act(client, library, viewer, idea):
    client.force_login(viewer)
    page = page_of(client.get(url("idea", library, idea_id=idea.pk)))
    assert 'id="answer-form"' not in page
    assert (
        client.post(url("answer", library, idea_id=idea.pk), {"answer-answer": "x"}).status_code
        == 403
    )
    assert client.get(url("queue", library)).status_code == 403


def test_residents_and_visitors_are_kept_out(client, library, resident, idea):
    assert client.get(url("list", library)).status_code == 302
    client.force_login(resident)
    assert client.get(url("list", library)).status_code == 403
    assert client.get(url("idea", library, idea_id=idea.pk)).status_code == 403


def test_comment_hidden_by_the_word_filter_shows_in_the_queue(
    staff_client, library, idea, make_user
):
    FilteredWord.objects.create(word="tyhmä")
    comment = services.add_comment(actor=make_user(), idea=idea, body="Tyhmä ajatus")
    assert Comment.objects.get(pk=comment.pk).hidden_reason == HiddenReason.FILTER
    page = page_of(staff_client.get(url("queue", library)))
    assert f"#comment-{comment.pk}" in page
