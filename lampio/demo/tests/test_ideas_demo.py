"""The demo's ideas: themes, profiles, boards, campaigns, confirmed ideas and moderation rows."""

from __future__ import annotations

import pytest

from lampio.demo.ideas import load_ideas
from lampio.demo.ideas_data import BOARDS, CAMPAIGNS, PROFILES, THEMES, labelled_ideas
from lampio.ideas.models import (
    Audience,
    Board,
    Campaign,
    FilteredWord,
    HiddenReason,
    Idea,
    Report,
    RoutingProfile,
    StrategyTheme,
    Support,
)
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def test_labelled_set_is_consistent() -> None:
    items = labelled_ideas()
    assert 80 <= len(items) <= 100
    theme_slugs = {spec.slug for spec in THEMES}
    for item in items:
        assert item["split"] in {"train", "test"}
        assert item["language"] in {"fi", "sv", "en"}
        assert (item["municipality"], item["organisation"]) in PROFILES, item["title"]
        assert item["themes"] and set(item["themes"]) <= theme_slugs, item["title"]
    train = [item for item in items if item["split"] == "train"]
    assert len(items) / 4 < len(train) < len(items) / 2
    assert {item["language"] for item in items if item["split"] == "test"} == {"fi", "sv", "en"}


def test_demo_has_ideas_routed_and_moderated(demo: None) -> None:
    assert StrategyTheme.objects.filter(municipality__isnull=True).count() >= 6
    assert RoutingProfile.objects.count() == len(PROFILES)
    boards = {board.slug: board for board in Board.objects.all()}
    assert {spec.slug for spec in BOARDS} <= boards.keys()
    assert {board.audience for board in boards.values()} == set(Audience.values)
    assert Campaign.objects.count() == len(CAMPAIGNS)
    train = [item for item in labelled_ideas() if item["split"] == "train"]
    confirmed = Idea.objects.filter(routed_at__isnull=False)
    assert confirmed.count() == len(train)
    for idea in confirmed.select_related("organisation"):
        assert idea.terms
        assert idea.organisation is not None
        assert idea.themes.exists()
    # The router suggested most of them right before staff confirmed.
    right = sum(idea.suggested_organisation_id == idea.organisation_id for idea in confirmed)
    assert right >= len(train) // 2
    answered = Idea.objects.exclude(official_answer="").get()
    assert answered.state.slug == "accepted"
    assert answered.answered_by is not None
    held = Idea.objects.get(hidden_reason=HiddenReason.FILTER)
    assert held.hidden_at is not None
    assert Report.objects.filter(resolved_at__isnull=True).count() == 1
    assert FilteredWord.objects.exists()
    assert Support.objects.exists()
    for idea in Idea.objects.all():
        assert idea.support_count == idea.supports.count()
        assert idea.comment_count == idea.comments.count()
        if idea.board.audience == Audience.ORGANISATION and idea.author is not None:
            assert idea.author.memberships.filter(organisation=idea.board.organisation).exists()


def test_loading_again_changes_nothing(demo: None) -> None:
    before = (Idea.objects.count(), Support.objects.count(), Campaign.objects.count())
    organisations = {
        (organisation.municipality.slug, organisation.slug): organisation
        for organisation in Organisation.objects.select_related("municipality")
    }
    assert load_ideas(organisations=organisations) == 0
    assert (Idea.objects.count(), Support.objects.count(), Campaign.objects.count()) == before
