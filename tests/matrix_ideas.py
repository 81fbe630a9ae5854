"""Permission-matrix entries of the ideas routes, residents' and staff's (test_permission_matrix).

`objects(organisation)` gives B a public idea board (`slug`) with an open campaign (`campaign`,
its slug; `campaign_id` for the staff pages), an idea by a person who is none of the matrix's
actors (`idea_id`) and a comment of theirs on it (`comment_id`).

Residents' pages are public; taking part needs an account (anonymous visitors are sent to log
in). Staff pages are B's only. B's staff go through the forms in this order: forms sent empty
come back with the reason (200); showing the idea that is not hidden, closing its reports and
showing the comment are done (redirects).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import User
from lampio.ideas.defaults import ensure_states_and_categories
from lampio.ideas.models import Audience, Board, Campaign, Comment, Idea, IdeaCategory, IdeaState
from tests.matrix_cases import (
    ANON,
    LOGIN_REQUIRED,
    OWN_STAFF,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
    everyone,
)

BOARD = "matrix-ideas"
FORM_BACK = {**STAFF_OF_B_POST, OWN_STAFF: 200}
# Taking part: anonymous visitors go to log in; everyone signed in is sent back to the idea.
TAKE_PART = {**everyone(302)}
SIGNED_IN_FORM = {**everyone(200), ANON: 302}

PAGES: dict[str, Case] = {
    # Residents' pages.
    "ideas:index": Case(everyone(200)),
    "ideas:board": Case(everyone(200)),
    "ideas:campaign": Case(everyone(200)),
    "ideas:detail": Case(everyone(200)),
    "ideas:similar": Case(everyone(200), data={"board": BOARD, "title": "Soittimia lainaan"}),
    "ideas:new": Case(LOGIN_REQUIRED, data={"board": BOARD}),
    "ideas:mine": Case(LOGIN_REQUIRED),
    "ideas:support": Case(TAKE_PART, "post"),
    "ideas:withdraw": Case(TAKE_PART, "post"),
    "ideas:follow": Case(TAKE_PART, "post"),
    "ideas:unfollow": Case(TAKE_PART, "post"),
    # Sent empty, the comment forms come back with the reason.
    "ideas:comment": Case(SIGNED_IN_FORM, "post"),
    "ideas:reply": Case(SIGNED_IN_FORM, "post"),
    "ideas:report": Case(SIGNED_IN_FORM),
    "ideas:report_comment": Case(SIGNED_IN_FORM),
    # Staff pages of B's ideas.
    "ideas_staff:list": Case(STAFF_OF_B_ONLY),
    "ideas_staff:queue": Case(STAFF_OF_B_ONLY),
    "ideas_staff:campaigns": Case(STAFF_OF_B_ONLY),
    "ideas_staff:campaign_new": Case(STAFF_OF_B_ONLY),
    "ideas_staff:campaign_edit": Case(STAFF_OF_B_ONLY),
    "ideas_staff:campaign_ideas_csv": Case(STAFF_OF_B_ONLY),
    "ideas_staff:campaign_supports_csv": Case(STAFF_OF_B_ONLY),
    "ideas_staff:idea": Case(STAFF_OF_B_ONLY),
    "ideas_staff:routing": Case(FORM_BACK, "post"),
    "ideas_staff:answer": Case(FORM_BACK, "post"),
    "ideas_staff:state": Case(FORM_BACK, "post"),
    "ideas_staff:merge": Case(FORM_BACK, "post"),
    "ideas_staff:hide": Case(FORM_BACK, "post"),
    "ideas_staff:show": Case(STAFF_OF_B_POST, "post"),
    "ideas_staff:resolve": Case(STAFF_OF_B_POST, "post"),
    "ideas_staff:comment_hide": Case(FORM_BACK, "post"),
    "ideas_staff:comment_show": Case(STAFF_OF_B_POST, "post"),
}
# The public API: public boards' ideas for everyone ({idea_id} is B's idea); posting needs an
# account (the session here; a bearer token works the same).
API: dict[tuple[str, str], Case] = {
    ("get", "/api/v1/ideas"): Case(everyone(200), data={"state": "new"}),
    ("get", "/api/v1/ideas/{idea_id}"): Case(everyone(200)),
    ("post", "/api/v1/ideas"): Case(
        {**everyone(201), ANON: 401},
        data={
            "board": BOARD,
            "category": "libraries",
            "title": "Lukupiiri nuorille",
            "body": "Kirjastoon lukupiiri nuorille iltaisin.",
        },
    ),
}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    ensure_states_and_categories()  # a transactional test may have flushed the seeded rows
    today = timezone.localdate()
    board = Board.objects.create(
        organisation=organisation, slug=BOARD, audience=Audience.PUBLIC, title_fi="Ideat"
    )
    campaign = Campaign.objects.create(
        board=board,
        slug="matriisi",
        title_fi="Matriisikampanja",
        theme_fi="Soittimet",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )
    stranger = User.objects.create_user(email=f"matrix-ideas@{organisation.slug}.example.fi")
    idea = Idea.objects.create(
        board=board,
        campaign=campaign,
        municipality=organisation.municipality,
        category=IdeaCategory.objects.order_by("position", "pk").first(),
        state=IdeaState.objects.get(slug="new"),
        title="Soittimia lainaan",
        body="Kirjastosta voisi lainata ukuleleja.",
        author=stranger,
    )
    comment = Comment.objects.create(idea=idea, author=stranger, body="Hyvä ajatus.")
    return {
        "slug": board.slug,
        "campaign": campaign.slug,
        "campaign_id": campaign.pk,
        "idea_id": idea.pk,
        "comment_id": comment.pk,
    }
