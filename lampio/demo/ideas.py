"""The demo's ideas (see ideas_data.py): strategy themes, routing profiles, boards and campaigns,
the labelled set's train split as ideas whose routing staff have confirmed, and what residents
and staff did with them (supports, comments, an official answer, a held idea, a report).

Rows are made directly: the router's suggestion is what `suggest_routing` says when each idea is
posted (the ideas confirmed before it teach it), and the confirmation is the expected label.
Idempotent: themes by slug, profiles by organisation, boards by slug, campaigns by board and
slug, ideas by board and title; what exists is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from auditlog.context import disable_auditlog
from django.utils import timezone

from lampio.accounts.models import User
from lampio.demo import data
from lampio.demo.ideas_data import (
    ANSWER,
    ANSWERED_IDEA_TITLE,
    BOARD_OF_MUNICIPALITY,
    BOARDS,
    CAMPAIGNS,
    COMMENTS,
    FILTERED_WORDS,
    HELD_IDEA,
    PROFILES,
    REPORTED_IDEA_TITLE,
    THEMES,
    labelled_ideas,
)
from lampio.demo.spaces_data import RESIDENTS
from lampio.ideas.defaults import ensure_states_and_categories
from lampio.ideas.matching import idea_terms, suggest_routing
from lampio.ideas.models import (
    Board,
    Campaign,
    Comment,
    EventKind,
    FilteredWord,
    Follow,
    HiddenReason,
    Idea,
    IdeaCategory,
    IdeaEvent,
    IdeaState,
    Report,
    RoutingProfile,
    StrategyTheme,
    Support,
)
from lampio.tenancy.models import Municipality, Organisation

LANGUAGES = ("fi", "sv", "en")
STAFF = {
    "oulu": "henkilosto.oulu@demo.lampio.fi",
    "jyvaskyla": "henkilosto.jyvaskyla@demo.lampio.fi",
    "kuopio": "henkilosto.kuopio@demo.lampio.fi",
    "lahti": "henkilosto.lahti@demo.lampio.fi",
    "turku": "personal.turku@demo.lampio.fi",
}
SWEDISH_RESIDENTS = ["invanare@demo.lampio.fi", "anna.ekholm@demo.lampio.fi"]


def _translated(field: str, values: Sequence[str]) -> dict[str, str]:
    return {f"{field}_{language}": value for language, value in zip(LANGUAGES, values, strict=True)}


def network_organisations() -> dict[tuple[str, str], Organisation]:
    """The demo's municipalities and organisations, made if missing (for the routing evaluation
    on a database without the demo); existing rows are left as they are."""
    municipalities = {
        row["slug"]: Municipality.objects.get_or_create(
            slug=row["slug"], defaults=_translated("name", row["name"])
        )[0]
        for row in data.MUNICIPALITIES
    }
    organisations: dict[tuple[str, str], Organisation] = {}
    for city, slug, kind, name, description, _website in data.ORGANISATIONS:
        organisations[(city, slug)] = Organisation.objects.get_or_create(
            municipality=municipalities[city],
            slug=slug,
            defaults={
                "kind": kind,
                **_translated("name", name),
                **_translated("description", description),
            },
        )[0]
    return organisations


def load_themes() -> dict[str, StrategyTheme]:
    themes: dict[str, StrategyTheme] = {}
    for spec in THEMES:
        municipality = (
            Municipality.objects.get(slug=spec.municipality) if spec.municipality else None
        )
        themes[spec.slug] = StrategyTheme.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "municipality": municipality,
                **_translated("name", spec.name),
                **_translated("description", spec.description),
                **_translated("keywords", spec.keywords),
            },
        )[0]
    return themes


def load_profiles(organisations: Mapping[tuple[str, str], Organisation]) -> None:
    for key, responsibilities in PROFILES.items():
        RoutingProfile.objects.get_or_create(
            organisation=organisations[key], defaults={"responsibilities": responsibilities}
        )


def load_boards(organisations: Mapping[tuple[str, str], Organisation]) -> dict[str, Board]:
    return {
        spec.slug: Board.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "organisation": organisations[spec.organisation],
                "audience": spec.audience,
                "support_threshold": spec.support_threshold,
                **_translated("title", spec.title),
                **_translated("description", spec.description),
            },
        )[0]
        for spec in BOARDS
    }


def load_campaigns(
    boards: Mapping[str, Board], users: Mapping[str, User], now: datetime
) -> dict[str, Campaign]:
    """Campaigns by the title of each labelled idea posted in one."""
    today = timezone.localdate(now)
    by_idea: dict[str, Campaign] = {}
    for spec in CAMPAIGNS:
        board = boards[spec.board]
        campaign = Campaign.objects.get_or_create(
            board=board,
            slug=spec.slug,
            defaults={
                "opens_on": today + timedelta(days=spec.opens_in_days),
                "closes_on": today + timedelta(days=spec.closes_in_days),
                "support_threshold": spec.support_threshold,
                "owner": users.get(STAFF[board.organisation.municipality.slug]),
                **_translated("title", spec.title),
                **_translated("theme", spec.theme),
                **_translated("description", spec.description),
            },
        )[0]
        by_idea.update(dict.fromkeys(spec.ideas, campaign))
    return by_idea


def post_confirmed(
    item: Mapping[str, Any],
    *,
    board: Board,
    organisations: Mapping[tuple[str, str], Organisation],
    themes: Mapping[str, StrategyTheme],
    created_at: datetime,
    author: User | None = None,
    campaign: Campaign | None = None,
    confirmed_by: User | None = None,
) -> tuple[Idea, bool]:
    """A labelled idea as posted (with the router's suggestion at that moment) and confirmed
    by staff as labelled. Found by board and title if it exists."""
    existing = Idea.objects.filter(board=board, title=item["title"]).first()
    if existing is not None:
        return existing, False
    municipality = organisations[(item["municipality"], item["organisation"])].municipality
    routed_at = created_at + timedelta(hours=20)
    suggestion = suggest_routing(
        municipality=municipality,
        title=item["title"],
        body=item["body"],
        language=item["language"],
    )
    idea = Idea.objects.create(
        board=board,
        campaign=campaign,
        municipality=municipality,
        category=IdeaCategory.objects.get(slug=item.get("category") or "other"),
        state=IdeaState.objects.get(slug="new"),
        title=item["title"],
        body=item["body"],
        language=item["language"],
        terms=idea_terms(item["title"], item["body"], item["language"]),
        author=author,
        show_name=bool(author) and created_at.day % 2 == 0,
        suggested_organisation=suggestion.organisation,
        organisation=organisations[(item["municipality"], item["organisation"])],
        routed_at=routed_at,
        created_at=created_at,
    )
    idea.suggested_themes.set(suggestion.themes)
    idea.themes.set([themes[slug] for slug in item["themes"]])
    IdeaEvent.objects.create(
        idea=idea, kind=EventKind.ROUTED, actor=confirmed_by, created_at=routed_at
    )
    if author is not None:
        Follow.objects.get_or_create(idea=idea, person=author)
    return idea, True


def load_ideas(
    *, organisations: Mapping[tuple[str, str], Organisation], now: datetime | None = None
) -> int:
    """Runs after the residents and staff exist (inside `load_demo`). Returns ideas made."""
    now = now or timezone.now()
    residents: dict[str, list[str]] = {}
    for email, _first, _last, language, city in RESIDENTS:
        if language == "fi":
            residents.setdefault(city, []).append(email)
    residents.setdefault("turku", []).append("asukas@demo.lampio.fi")
    emails = {*STAFF.values(), *SWEDISH_RESIDENTS, "asukas@demo.lampio.fi"}
    emails |= {email for found in residents.values() for email in found}
    emails |= {"tuottaja@demo.lampio.fi", "hoiva@demo.lampio.fi"}
    users = {str(user.email): user for user in User.objects.filter(email__in=emails)}
    made = 0
    ensure_states_and_categories()
    with disable_auditlog():
        for word in FILTERED_WORDS:
            FilteredWord.objects.get_or_create(word=word)
        themes = load_themes()
        load_profiles(organisations)
        boards = load_boards(organisations)
        campaigns = load_campaigns(boards, users, now)
        train = [item for item in labelled_ideas() if item["split"] == "train"]
        posted: dict[str, Idea] = {}
        for index, item in enumerate(train):
            city = item["municipality"]
            board = boards[BOARD_OF_MUNICIPALITY[city]]
            author = users.get(_author(item, index, board, residents))
            idea, created = post_confirmed(
                item,
                board=board,
                organisations=organisations,
                themes=themes,
                created_at=now - timedelta(days=70 - 2 * index, hours=index % 7),
                author=author,
                campaign=campaigns.get(item["title"]),
                confirmed_by=users.get(STAFF[city]),
            )
            posted[idea.title] = idea
            if created:
                made += 1
                pool = [users[e] for e in residents.get(city, []) if e in users]
                _take_part(idea, pool[: index % 4 + (3 if board.audience == "public" else 0)])
        if made:
            _answer(posted.get(ANSWERED_IDEA_TITLE), users.get(STAFF["oulu"]), now)
            _report(posted.get(REPORTED_IDEA_TITLE), users.get("ville.heino@demo.lampio.fi"), now)
            made += _held(boards, users.get("jari.pesonen@demo.lampio.fi"), now)
    return made


def _author(
    item: Mapping[str, Any], index: int, board: Board, residents: Mapping[str, list[str]]
) -> str:
    city = item["municipality"]
    if board.audience != "public":
        return (
            [STAFF[city], "tuottaja@demo.lampio.fi"][index % 2]
            if city == "jyvaskyla"
            else STAFF[city]
        )
    if item["language"] == "sv":
        return SWEDISH_RESIDENTS[index % len(SWEDISH_RESIDENTS)]
    pool = residents.get(city) or ["asukas@demo.lampio.fi"]
    return pool[index % len(pool)]


def _take_part(idea: Idea, people: Sequence[User]) -> None:
    """Supports from the people (not the author), and the idea's scripted comments."""
    supporters = [person for person in people if person != idea.author]
    for offset, person in enumerate(supporters):
        Support.objects.get_or_create(
            idea=idea,
            person=person,
            defaults={"created_at": idea.created_at + timedelta(days=1, hours=offset)},
        )
        Follow.objects.get_or_create(idea=idea, person=person)
    comments = COMMENTS.get(idea.title, [])
    for offset, body in enumerate(comments):
        writer = supporters[offset % len(supporters)] if supporters else None
        Comment.objects.create(
            idea=idea,
            author=writer,
            body=body,
            show_name=offset % 2 == 0,
            created_at=idea.created_at + timedelta(days=2, hours=offset),
        )
    Idea.objects.filter(pk=idea.pk).update(
        support_count=idea.supports.count(), comment_count=idea.comments.count()
    )
    board = idea.board
    threshold = idea.campaign.support_threshold if idea.campaign else board.support_threshold
    if threshold and len(supporters) >= threshold:
        review = IdeaState.objects.get(slug="under-review")
        Idea.objects.filter(pk=idea.pk).update(state=review)
        IdeaEvent.objects.create(
            idea=idea,
            kind=EventKind.STATE,
            state=review,
            created_at=idea.created_at + timedelta(days=3),
        )


def _answer(idea: Idea | None, staff: User | None, now: datetime) -> None:
    if idea is None:
        return
    accepted = IdeaState.objects.get(slug="accepted")
    answered_at = now - timedelta(days=3)
    Idea.objects.filter(pk=idea.pk).update(
        official_answer=ANSWER, answered_at=answered_at, answered_by=staff, state=accepted
    )
    IdeaEvent.objects.create(
        idea=idea, kind=EventKind.ANSWER, text=ANSWER, actor=staff, created_at=answered_at
    )
    IdeaEvent.objects.create(
        idea=idea, kind=EventKind.STATE, state=accepted, actor=staff, created_at=answered_at
    )
    Comment.objects.create(
        idea=idea,
        author=staff,
        as_organisation=idea.board.organisation,
        body="Vastasimme ideaan – kiitos kaikille kommenteista!",
        created_at=answered_at,
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=idea.comments.count())


def _report(idea: Idea | None, reporter: User | None, now: datetime) -> None:
    if idea is None or reporter is None:
        return
    Report.objects.get_or_create(
        idea=idea,
        reporter=reporter,
        comment=None,
        resolved_at=None,
        defaults={
            "reason": HiddenReason.OFF_TOPIC,
            "note": "Tämä ei liity kulttuuripalveluihin.",
            "created_at": now - timedelta(days=1),
        },
    )


def _held(boards: Mapping[str, Board], author: User | None, now: datetime) -> int:
    """An idea the word filter held for a moderator."""
    board_slug, title, body = HELD_IDEA
    board = boards[board_slug]
    if Idea.objects.filter(board=board, title=title).exists():
        return 0
    created_at = now - timedelta(hours=5)
    suggestion = suggest_routing(
        municipality=board.municipality, title=title, body=body, language="fi"
    )
    idea = Idea.objects.create(
        board=board,
        municipality=board.municipality,
        category=IdeaCategory.objects.get(slug="libraries"),
        state=IdeaState.objects.get(slug="new"),
        title=title,
        body=body,
        language="fi",
        terms=idea_terms(title, body, "fi"),
        author=author,
        suggested_organisation=suggestion.organisation,
        hidden_reason=HiddenReason.FILTER,
        hidden_at=created_at,
        created_at=created_at,
    )
    idea.suggested_themes.set(suggestion.themes)
    if author is not None:
        Follow.objects.get_or_create(idea=idea, person=author)
    return 1
