"""Measures the router on the labelled demo ideas (lampio/ideas/seed/labelled_ideas.yaml).

Inside a transaction that is always rolled back, the command sets up what the demo has: the demo
organisations (made if missing), its strategy themes and routing profiles (as in the demo data,
other themes switched off and other profiles left out), and the train split as the only ideas
whose routing staff have confirmed. Then it asks `suggest_routing` about each test idea and
compares with the labels. Works on a freshly migrated database and on the demo's alike, and
changes neither.

Printed: per language and in all, n, the organisation right first (top-1) and among the
suggestion and its two alternatives (top-3), and micro-averaged theme precision and recall; the
same for a majority-class baseline (each municipality's most common organisation in the train
split, and the train split's most common theme); the last line is the figures as JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from lampio.demo.ideas import (
    load_boards,
    load_profiles,
    load_themes,
    network_organisations,
    post_confirmed,
)
from lampio.demo.ideas_data import BOARD_OF_MUNICIPALITY, PROFILES, THEMES, labelled_ideas
from lampio.ideas.matching import suggest_routing
from lampio.ideas.models import Idea, RoutingProfile, StrategyTheme


@dataclass
class Tally:
    n: int = 0
    top1: int = 0
    top3: int = 0
    themes_right: int = 0
    themes_suggested: int = 0
    themes_expected: int = 0

    def add(
        self, expected: str, ranked: Sequence[str], themes: set[str], expected_themes: set[str]
    ) -> None:
        self.n += 1
        self.top1 += bool(ranked) and ranked[0] == expected
        self.top3 += expected in ranked[:3]
        self.themes_right += len(themes & expected_themes)
        self.themes_suggested += len(themes)
        self.themes_expected += len(expected_themes)

    def figures(self) -> dict[str, float | int]:
        return {
            "n": self.n,
            "organisation_top1": _share(self.top1, self.n),
            "organisation_top3": _share(self.top3, self.n),
            "theme_precision": _share(self.themes_right, self.themes_suggested),
            "theme_recall": _share(self.themes_right, self.themes_expected),
        }


@dataclass
class Evaluation:
    router: dict[str, Tally] = field(default_factory=dict)
    baseline: dict[str, Tally] = field(default_factory=dict)
    train: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "train": self.train,
            "router": {key: tally.figures() for key, tally in self.router.items()},
            "baseline": {key: tally.figures() for key, tally in self.baseline.items()},
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _set_up(train: Sequence[Mapping[str, Any]]) -> None:
    """The demo's routing knowledge, with the train split as the only confirmed ideas."""
    organisations = network_organisations()
    themes = load_themes()
    for spec in THEMES:
        StrategyTheme.objects.filter(slug=spec.slug).update(
            is_active=True,
            municipality=themes[spec.slug].municipality,
            **{
                f"{part}_{language}": value
                for part in ("name", "description", "keywords")
                for language, value in zip(("fi", "sv", "en"), getattr(spec, part), strict=True)
            },
        )
    StrategyTheme.objects.exclude(slug__in=[spec.slug for spec in THEMES]).update(is_active=False)
    load_profiles(organisations)
    RoutingProfile.objects.exclude(
        organisation__in=[organisations[key] for key in PROFILES]
    ).delete()
    for key, responsibilities in PROFILES.items():
        RoutingProfile.objects.filter(organisation=organisations[key]).update(
            responsibilities=responsibilities
        )
    boards = load_boards(organisations)
    Idea.objects.filter(routed_at__isnull=False).update(routed_at=None)
    now = timezone.now()
    for index, item in enumerate(train):
        idea, created = post_confirmed(
            item,
            board=boards[BOARD_OF_MUNICIPALITY[item["municipality"]]],
            organisations=organisations,
            themes=themes,
            created_at=now - timedelta(days=len(train) - index),
        )
        if not created:  # the demo's own copy: confirm it as labelled
            Idea.objects.filter(pk=idea.pk).update(
                routed_at=now,
                organisation=organisations[(item["municipality"], item["organisation"])],
            )
            idea.themes.set([themes[slug] for slug in item["themes"]])


def evaluate() -> Evaluation:
    """The figures; the database is left as it was."""
    items = labelled_ideas()
    train = [item for item in items if item["split"] == "train"]
    test = [item for item in items if item["split"] == "test"]
    result = Evaluation(train=len(train))
    majority: dict[str, list[str]] = {}
    by_city: dict[str, Counter[str]] = {}
    for item in train:
        by_city.setdefault(item["municipality"], Counter())[item["organisation"]] += 1
    for city, counts in by_city.items():
        majority[city] = [
            slug for slug, _count in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
        ]
    theme_counts = Counter(slug for item in train for slug in item["themes"])
    top_theme = {min(theme_counts, key=lambda slug: (-theme_counts[slug], slug))}
    with transaction.atomic():
        _set_up(train)
        organisations = network_organisations()
        for item in test:
            municipality = organisations[(item["municipality"], item["organisation"])].municipality
            suggestion = suggest_routing(
                municipality=municipality,
                title=item["title"],
                body=item["body"],
                language=item["language"],
            )
            ranked = [o.slug for o in [suggestion.organisation] if o is not None]
            ranked += [organisation.slug for organisation, _score in suggestion.alternatives]
            expected_themes = set(item["themes"])
            suggested_themes = {theme.slug for theme in suggestion.themes}
            for key in (item["language"], "all"):
                result.router.setdefault(key, Tally()).add(
                    item["organisation"], ranked, suggested_themes, expected_themes
                )
                result.baseline.setdefault(key, Tally()).add(
                    item["organisation"],
                    majority.get(item["municipality"], []),
                    top_theme,
                    expected_themes,
                )
        transaction.set_rollback(True)
    return result


class Command(BaseCommand):
    help = "Measure the ideas router on the labelled demo ideas (the database is not changed)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = evaluate()
        header = f"{'':10}{'lang':>5}{'n':>5}{'org@1':>8}{'org@3':>8}{'th.P':>7}{'th.R':>7}"
        self.stdout.write(f"Train ideas (confirmed): {result.train}")
        self.stdout.write(header)
        for label, tallies in (("router", result.router), ("baseline", result.baseline)):
            for key in sorted(tallies, key=lambda k: (k == "all", k)):
                f = tallies[key].figures()
                self.stdout.write(
                    f"{label:10}{key:>5}{f['n']:>5}{f['organisation_top1']:>8.3f}"
                    f"{f['organisation_top3']:>8.3f}{f['theme_precision']:>7.3f}"
                    f"{f['theme_recall']:>7.3f}"
                )
        self.stdout.write(json.dumps(result.figures(), sort_keys=True))
