"""The residents' idea pages: browsing, boards and campaigns, posting with similar ideas first,
one idea with supports, follows, comments and reports, my ideas; who may see and do what."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from lampio.ideas import services
from lampio.ideas.models import Comment, FilteredWord, Follow, Idea, Report, Support
from lampio.ideas.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db
LANGUAGES = ["fi", "sv", "en"]


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"ideas:{name}", kwargs=kwargs)


def new_url(board: Any, campaign: Any = None, language: str = "en") -> str:
    query = f"?board={board.slug}" + (f"&campaign={campaign.slug}" if campaign else "")
    return url("new", language) + query


def typed(category: Any, **fields: Any) -> dict[str, Any]:
    data = {
        "title": "Lautapelejä lainaan",
        "body": "Kirjastoon lautapelejä, joita voi lainata kotiin viikonlopuksi.",
        "category": category.slug,
        "send": "1",
    }
    data.update(fields)
    return data


# --- Pages in every language -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_in_each_language(client, language, board, campaign, idea, resident):
    services.add_comment(actor=resident, idea=idea, body="Hyvä ajatus!")
    pages = [
        url("index", language),
        url("board", language, slug=board.slug),
        url("campaign", language, slug=board.slug, campaign=campaign.slug),
        url("detail", language, idea_id=idea.pk),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'<html lang="{language}"' in response.content.decode()
    client.force_login(resident)
    for page in [
        new_url(board, campaign, language),
        url("new", language),
        url("mine", language),
        url("report", language, idea_id=idea.pk),
        url("similar", language) + f"?board={board.slug}&title=soittimia",
    ]:
        assert client.get(page).status_code == 200, page


def test_the_index_lists_open_campaigns_and_filters_ideas(client, campaign, make_idea, state):
    make_idea(title="Ukuleleja lainaan", campaign=campaign)
    other = make_idea(title="Lukupiiri nuorille", body="Lukupiiri nuorille kerran kuussa.")
    html = client.get(url("index")).content.decode()
    assert "Energiansäästö" in html
    assert "Ukuleleja lainaan" in html and "Lukupiiri nuorille" in html
    html = client.get(url("index") + "?q=lukupiiri").content.decode()
    assert "Lukupiiri nuorille" in html and "Ukuleleja lainaan" not in html
    html = client.get(url("index") + f"?campaign={campaign.pk}").content.decode()
    assert "Ukuleleja lainaan" in html and "Lukupiiri nuorille" not in html
    # A value not on offer is left out, not an error.
    html = client.get(url("index") + "?state=nope&sort=weird&category=x").content.decode()
    assert "Lukupiiri nuorille" in html and "errorlist" not in html
    services.support_idea(actor=other.author, idea=other)  # authors may support too
    html = client.get(url("index") + "?sort=supported").content.decode()
    assert html.index("Lukupiiri nuorille") < html.index("Ukuleleja lainaan")


def test_a_staff_board_is_not_found_for_others(client, staff_board, make_idea, staff, resident):
    idea = make_idea(actor=staff, on=staff_board)
    assert client.get(url("board", slug=staff_board.slug)).status_code == 404
    assert client.get(url("detail", idea_id=idea.pk)).status_code == 404
    client.force_login(resident)
    assert client.get(url("board", slug=staff_board.slug)).status_code == 404
    assert client.get(url("detail", idea_id=idea.pk)).status_code == 404
    assert client.get(new_url(staff_board)).status_code == 404
    assert client.post(url("support", idea_id=idea.pk)).status_code == 404
    assert idea.title not in client.get(url("index")).content.decode()
    client.force_login(staff)
    assert client.get(url("detail", idea_id=idea.pk)).status_code == 200


def test_an_unknown_campaign_is_not_found(client, board):
    missing = url("campaign", slug=board.slug, campaign="nothing")
    assert client.get(missing).status_code == 404


# --- Posting -------------------------------------------------------------------------------


def test_posting_needs_a_login_and_returns_to_the_form(client, board, campaign):
    response = client.get(new_url(board, campaign))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "campaign%3Denergia" in response["Location"]


def test_similar_ideas_come_first_without_javascript(client, board, campaign, make_idea, resident):
    existing = make_idea(title="Soittimia lainaan kirjastosta", campaign=campaign)
    client.force_login(resident)
    # The text is compared in the page's language: Finnish here.
    html = client.post(
        new_url(board, campaign, "fi"),
        {"title": "Soittimien lainaus", "body": "Ukuleleja lainaan kirjastosta", "check": "1"},
    ).content.decode()
    assert url("detail", "fi", idea_id=existing.pk) in html
    assert f'formaction="{url("support", "fi", idea_id=existing.pk)}"' in html
    # What was typed is kept, without errors yet, and nothing was sent.
    assert "Ukuleleja lainaan kirjastosta" in html and "errorlist" not in html
    assert Idea.objects.count() == 1


def test_similar_ideas_for_htmx_are_a_part_of_the_page(client, board, make_idea, resident):
    existing = make_idea()
    client.force_login(resident)
    part = client.get(
        url("similar", "fi") + f"?board={board.slug}&title=Soittimia+lainaan&body=",
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<html" not in part and existing.title in part and "formaction" in part
    nothing = client.get(url("similar") + f"?board={board.slug}&title=a", HTTP_HX_REQUEST="true")
    assert nothing.content.decode().strip() == ""


def test_the_form_asks_for_similar_ideas_with_htmx(client, board, resident):
    client.force_login(resident)
    html = client.get(new_url(board)).content.decode()
    assert 'hx-get="/en/ideas/similar/?board=kirjaston-ideat"' in html
    assert 'id="similar-ideas"' in html and 'aria-live="polite"' in html
    # "Check for similar ideas" is the first submit button: Enter in the title checks.
    assert html.index('name="check"') < html.index('name="send"')


def test_posting_an_idea_in_a_campaign(client, board, campaign, category, resident):
    client.force_login(resident)
    response = client.post(new_url(board, campaign), typed(category, campaign="energia"))
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", idea_id=idea.pk)
    assert idea.campaign == campaign and idea.author == resident and not idea.show_name
    assert Follow.objects.filter(idea=idea, person=resident).exists()
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Thank you, your idea was published."
    ]


def test_a_held_idea_is_told_so(client, board, category, resident):
    FilteredWord.objects.create(word="roskaa")
    client.force_login(resident)
    response = client.post(new_url(board), typed(category, body="Tämä on roskaa."), follow=True)
    assert Idea.objects.get().is_hidden
    html = response.content.decode()
    assert "A moderator checks it before others can see it" in html
    assert "Only you and the moderators see this idea for now" in html


def test_errors_keep_what_was_typed(client, board, category, resident):
    client.force_login(resident)
    html = client.post(
        new_url(board), typed(category, title="", body="Pidä tämä teksti tallessa.")
    ).content.decode()
    assert "Give your idea a title." in html and "Pidä tämä teksti tallessa." in html
    assert 'id="idea-errors"' in html and 'aria-invalid="true"' in html
    assert f'value="{category.slug}" selected' in html
    assert not Idea.objects.exists()


def test_an_image_needs_a_description(client, board, category, resident):
    client.force_login(resident)
    image = SimpleUploadedFile("kuva.png", png_bytes(), content_type="image/png")
    html = client.post(new_url(board), {**typed(category), "image": image}).content.decode()
    assert "Describe the image for people who cannot see it." in html
    assert "The image was not sent. Choose it again before you send." in html
    image = SimpleUploadedFile("kuva.png", png_bytes(), content_type="image/png")
    response = client.post(
        new_url(board), {**typed(category), "image": image, "image_alt": "Pelipöytä"}
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.image and idea.image_alt == "Pelipöytä"
    assert 'alt="Pelipöytä"' in client.get(url("detail", idea_id=idea.pk)).content.decode()


def test_a_closed_campaign_is_refused_next_to_its_field(
    client, board, campaign, category, resident
):
    client.force_login(resident)
    html = client.post(new_url(board), typed(category, campaign="old")).content.decode()
    assert "Choose a campaign from the list." in html and "Lautapelejä lainaan" in html


def test_posting_is_rate_limited_keeping_the_text(client, board, category, resident):
    client.force_login(resident)
    for number in range(5):
        title = f"Idea numero {number}"
        assert client.post(new_url(board), typed(category, title=title)).status_code == 302
    limited = client.post(new_url(board), typed(category, title="Kuudes idea"))
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "Too many attempts" in html and "Kuudes idea" in html
    assert Idea.objects.count() == 5


def test_without_a_board_the_person_chooses_one(client, board, staff_board, resident):
    client.force_login(resident)
    html = client.get(url("new")).content.decode()
    assert f"board={board.slug}" in html and f"board={staff_board.slug}" not in html


# --- One idea --------------------------------------------------------------------------------


def test_the_official_answer_comes_first(client, idea, staff, state):
    services.answer_idea(
        actor=staff, idea=idea, answer="Kirjasto hankkii ukuleleja.", state=state("accepted")
    )
    html = client.get(url("detail", idea_id=idea.pk)).content.decode()
    assert html.index("Kirjasto hankkii ukuleleja.") < html.index(idea.body)
    assert 'id="official-answer"' in html


def test_the_author_name_only_when_chosen(client, make_idea, resident):
    hidden = make_idea()
    shown = make_idea(title="Nimellä", show_name=True)
    assert (
        resident.display_name not in client.get(url("detail", idea_id=hidden.pk)).content.decode()
    )
    assert resident.display_name in client.get(url("detail", idea_id=shown.pk)).content.decode()


def test_taking_part_needs_a_login_and_returns_to_the_idea(client, idea):
    html = client.get(url("detail", idea_id=idea.pk)).content.decode()
    assert 'id="support-button"' not in html and "next=" in html
    for name in ("support", "withdraw", "follow", "unfollow", "comment", "report"):
        response = client.post(url(name, idea_id=idea.pk))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name
        assert "next=/en/ideas/" in response["Location"], name
    assert not Support.objects.exists()


def test_support_withdraw_follow_and_unfollow(client, idea, make_user):
    other = make_user()
    client.force_login(other)
    detail = url("detail", idea_id=idea.pk)
    response = client.post(url("support", idea_id=idea.pk))
    assert response["Location"] == f"{detail}#participation"
    assert Support.objects.filter(idea=idea, person=other).exists()
    assert Follow.objects.filter(idea=idea, person=other).exists()
    html = client.get(detail).content.decode()
    assert "You support this idea." in html and url("withdraw", idea_id=idea.pk) in html
    client.post(url("withdraw", idea_id=idea.pk))
    assert not Support.objects.filter(idea=idea, person=other).exists()
    client.post(url("unfollow", idea_id=idea.pk))
    assert not Follow.objects.filter(idea=idea, person=other).exists()
    client.post(url("follow", idea_id=idea.pk))
    assert Follow.objects.filter(idea=idea, person=other).exists()
    # Opening an action's address just shows the idea.
    assert client.get(url("support", idea_id=idea.pk))["Location"] == detail


def test_supporting_with_htmx_adds_no_message_for_later(client, idea, make_user):
    client.force_login(make_user())
    response = client.post(url("support", idea_id=idea.pk), headers={"HX-Request": "true"})
    assert response.status_code == 302
    assert list(get_messages(response.wsgi_request)) == []


def test_comments_and_replies(client, idea, make_user):
    other = make_user(first_name="Kalle", last_name="Kommentoija")
    client.force_login(other)
    response = client.post(
        url("comment", idea_id=idea.pk), {"body": "Hyvä idea!", "show_name": "on"}
    )
    comment = Comment.objects.get()
    assert response["Location"] == url("detail", idea_id=idea.pk) + f"#comment-{comment.pk}"
    client.post(url("reply", idea_id=idea.pk, comment_id=comment.pk), {"body": "Samaa mieltä."})
    reply = Comment.objects.exclude(pk=comment.pk).get()
    assert reply.parent == comment
    html = client.get(url("detail", idea_id=idea.pk)).content.decode()
    assert "Kalle Kommentoija" in html and "Samaa mieltä." in html
    assert f'id="id_reply{comment.pk}_body"' in html


def test_comment_errors_keep_the_text(client, idea, make_user):
    client.force_login(make_user())
    long_text = "x" * 2001
    html = client.post(url("comment", idea_id=idea.pk), {"body": long_text}).content.decode()
    assert "The comment is too long" in html and long_text in html
    parent = services.add_comment(actor=idea.author, idea=idea, body="Ensimmäinen")
    html = client.post(
        url("reply", idea_id=idea.pk, comment_id=parent.pk), {"body": "", "show_name": "on"}
    ).content.decode()
    assert "Write your comment first." in html and '<details class="idea-reply" open>' in html


def test_reporting_an_idea_and_a_comment(client, idea, make_user, staff):
    reporter = make_user()
    comment = services.add_comment(actor=idea.author, idea=idea, body="Mainos: osta nyt!")
    client.force_login(reporter)
    html = client.post(
        url("report", idea_id=idea.pk), {"reason": "", "note": "Katso"}
    ).content.decode()
    assert "Choose a reason from the list." in html and "Katso" in html
    response = client.post(url("report", idea_id=idea.pk), {"reason": "off_topic"})
    assert response.status_code == 302
    page = url("report_comment", idea_id=idea.pk, comment_id=comment.pk)
    assert "Mainos: osta nyt!" in client.get(page).content.decode()
    client.post(page, {"reason": "spam", "note": "Mainos"})
    assert Report.objects.filter(comment=comment, reason="spam", reporter=reporter).exists()
    assert Report.objects.filter(comment=None, reason="off_topic").exists()
    held = services.add_comment(actor=idea.author, idea=idea, body="Toinen")
    services.hide_comment(actor=staff, comment=held, reason="spam")
    assert client.get(url("report_comment", idea_id=idea.pk, comment_id=held.pk)).status_code == 404


def test_a_merged_idea_links_to_its_target(client, make_idea, staff):
    first = make_idea(title="Ukuleleja lainaan")
    second = make_idea(title="Soittimia lainaan")
    services.merge_ideas(actor=staff, idea=second, into=first)
    html = client.get(url("detail", idea_id=second.pk)).content.decode()
    assert url("detail", idea_id=first.pk) in html and "idea-merged" in html


def test_participation_is_rate_limited(client, idea, make_user):
    client.force_login(make_user())
    statuses = [client.post(url("follow", idea_id=idea.pk)).status_code for _ in range(31)]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {302}


def test_my_ideas_and_followed_ideas(client, make_idea, resident, make_user, state):
    mine = make_idea(title="Oma idea")
    other_person = make_user()
    followed = make_idea(actor=other_person, title="Seurattu idea")
    services.follow_idea(actor=resident, idea=followed)
    make_idea(actor=other_person, title="Vieras idea")
    client.force_login(resident)
    html = client.get(url("mine")).content.decode()
    assert mine.title in html and followed.title in html and "Vieras idea" not in html
    assert client.get(url("mine")).status_code == 200
    client.logout()
    assert client.get(url("mine")).status_code == 302
