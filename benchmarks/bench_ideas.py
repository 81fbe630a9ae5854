"""Ideas (issue #11): the router's accuracy on the labelled demo ideas, and the latency of
similar ideas and routing suggestions at the size of a busy city.

In this process, on a fresh SQLite database in a temporary folder (migrated here):
1. Accuracy: `ideas_routing_eval`'s evaluation (train split confirmed, test split asked; the
   majority-class baseline beside it).
2. Latency: 5,000 synthetic seeded ideas in one public board of Oulu (sentences drawn from the
   labelled ideas' words, 60–400 characters), a tenth of them with routing confirmed to the
   city's organisations and themes. Then 200 `similar_ideas` queries over all the board's ideas
   (the test split's texts and synthetic ones, in turn) and 200 `suggest_routing` calls.

Run: `make bench` or `.venv/bin/python benchmarks/bench_ideas.py`. Knobs: BENCH_IDEAS (5000),
BENCH_IDEA_QUERIES (200), BENCH_IDEA_SEED (11).
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
TMP = tempfile.TemporaryDirectory(prefix="bench_ideas_")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP.name}/ideas.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lampio.settings")
os.environ.setdefault("LAMPIO_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from lampio.core.terms import words  # noqa: E402
from lampio.demo.ideas import (  # noqa: E402
    load_boards,
    load_profiles,
    load_themes,
    network_organisations,
)
from lampio.demo.ideas_data import PROFILES, labelled_ideas  # noqa: E402
from lampio.ideas.management.commands.ideas_routing_eval import evaluate  # noqa: E402
from lampio.ideas.matching import idea_terms, similar_ideas, suggest_routing  # noqa: E402
from lampio.ideas.models import Idea, IdeaCategory, IdeaState  # noqa: E402

IDEAS = int(os.environ.get("BENCH_IDEAS", "5000"))
QUERIES = int(os.environ.get("BENCH_IDEA_QUERIES", "200"))
SEED = int(os.environ.get("BENCH_IDEA_SEED", "11"))


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value with `fraction` of the values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def accuracy() -> dict[str, object]:
    figures = evaluate().figures()
    print("## Routing accuracy on the labelled demo ideas (test split)")
    print(f"{'':10}{'lang':>5}{'n':>5}{'org@1':>8}{'org@3':>8}{'th.P':>7}{'th.R':>7}")
    for label in ("router", "baseline"):
        for key, f in sorted(figures[label].items(), key=lambda kv: (kv[0] == "all", kv[0])):
            print(
                f"{label:10}{key:>5}{f['n']:>5}{f['organisation_top1']:>8.3f}"
                f"{f['organisation_top3']:>8.3f}{f['theme_precision']:>7.3f}"
                f"{f['theme_recall']:>7.3f}"
            )
    return figures


def synthetic_ideas(rng: random.Random) -> None:
    organisations = network_organisations()
    themes = list(load_themes().values())
    load_profiles(organisations)
    board = load_boards(organisations)["oulu-kulttuuri-ideat"]
    oulu = [organisations[key] for key in PROFILES if key[0] == "oulu"]
    vocabulary = sorted(
        {
            word
            for item in labelled_ideas()
            if item["language"] == "fi"
            for word in words(f"{item['title']} {item['body']}")
        }
    )
    category = IdeaCategory.objects.get(slug="other")
    state = IdeaState.objects.get(slug="new")
    now = timezone.now()
    rows = []
    for number in range(IDEAS):
        title = " ".join(rng.choices(vocabulary, k=rng.randint(3, 7))).capitalize()
        body = " ".join(rng.choices(vocabulary, k=rng.randint(8, 50))) + "."
        confirmed = number % 10 == 0
        rows.append(
            Idea(
                board=board,
                municipality=board.municipality,
                category=category,
                state=state,
                title=title[:150],
                body=body,
                language="fi",
                terms=idea_terms(title, body, "fi"),
                organisation=rng.choice(oulu) if confirmed else None,
                routed_at=now if confirmed else None,
            )
        )
    Idea.objects.bulk_create(rows, batch_size=500)
    through = Idea.themes.through
    through.objects.bulk_create(
        [
            through(idea_id=idea_id, strategytheme_id=rng.choice(themes).pk)
            for idea_id in Idea.objects.filter(routed_at__isnull=False).values_list("pk", flat=True)
        ]
    )


def latency() -> dict[str, float]:
    rng = random.Random(SEED)  # noqa: S311 (synthetic data, not security)
    started = time.perf_counter()
    synthetic_ideas(rng)
    print(
        f"\n## Latency: {IDEAS} ideas in one board ({time.perf_counter() - started:.1f} s to make)"
    )
    board_ideas = Idea.objects.filter(board__slug="oulu-kulttuuri-ideat")
    texts = [(item["title"], item["body"], item["language"]) for item in labelled_ideas()]
    municipality = board_ideas.first().municipality  # type: ignore[union-attr]
    similar_ms: list[float] = []
    routing_ms: list[float] = []
    found = 0
    for number in range(QUERIES):
        title, body, language = texts[number % len(texts)]
        started = time.perf_counter()
        found += len(similar_ideas(board_ideas, title=title, body=body, language=language))
        similar_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        suggest_routing(municipality=municipality, title=title, body=body, language=language)
        routing_ms.append((time.perf_counter() - started) * 1000)
    figures = {
        "similar_p50_ms": round(percentile(similar_ms, 0.5), 1),
        "similar_p95_ms": round(percentile(similar_ms, 0.95), 1),
        "routing_p50_ms": round(percentile(routing_ms, 0.5), 1),
        "routing_p95_ms": round(percentile(routing_ms, 0.95), 1),
    }
    print(f"{'operation':<22}{'calls':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for label, times in (("similar_ideas", similar_ms), ("suggest_routing", routing_ms)):
        print(
            f"{label:<22}{len(times):>7}{percentile(times, 0.5):>9.1f}"
            f"{percentile(times, 0.95):>9.1f}{max(times):>9.1f}"
        )
    print(f"similar ideas found per query: {found / max(1, QUERIES):.1f} (min score 0.15, limit 5)")
    return figures


def main() -> None:
    call_command("migrate", "--noinput", verbosity=0)
    figures = accuracy()
    speed = latency()
    router = figures["router"]["all"]  # type: ignore[index]
    baseline = figures["baseline"]["all"]  # type: ignore[index]
    print(
        f"ideas-routing org_top1={router['organisation_top1']}"
        f" org_top3={router['organisation_top3']}"
        f" theme_p={router['theme_precision']} theme_r={router['theme_recall']}"
        f" baseline_top1={baseline['organisation_top1']}"
        f" similar_p95_ms={speed['similar_p95_ms']} routing_p95_ms={speed['routing_p95_ms']}"
    )
    print(json.dumps({"accuracy": figures, "latency": speed}, sort_keys=True))


if __name__ == "__main__":
    main()
