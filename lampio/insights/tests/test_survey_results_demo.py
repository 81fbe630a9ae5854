"""The demo's capability-survey rounds (lampio/demo/capability_surveys.py) as their results
pages show them: skills grow between the rounds, Oulu's training needs lead with its own
themes, a small organisation hides itself and its city, and loading again writes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from lampio.demo.capability_surveys import load_capability_surveys
from lampio.insights.suppression import ALL
from lampio.insights.survey_compare import changes, ranked_needs
from lampio.insights.survey_results import round_results
from lampio.surveys.models import Round

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo(settings: Any, make_municipality: Any, make_organisation: Any, make_user: Any) -> Any:
    settings.LAMPIO_INSIGHTS_THRESHOLD = 5
    oulu, turku = make_municipality(slug="oulu"), make_municipality(slug="turku")
    kuopio = make_municipality(slug="kuopio")
    for slug in ("kulttuuripalvelut", "kaupunginkirjasto", "taidemuseo"):
        make_organisation(municipality=oulu, slug=slug)
    for slug in ("kulttuuri", "aurajoen-seniorit"):
        make_organisation(municipality=turku, slug=slug)
    for slug in ("kulttuuripalvelut", "musiikkikeskus", "savon-kansantanssijat"):
        make_organisation(municipality=kuopio, slug=slug)
    written = load_capability_surveys(today=TODAY)
    return written, oulu, turku, kuopio, make_user(is_network_admin=True)


def test_the_demo_rounds_show_growth_and_small_groups(demo: Any) -> None:
    written, oulu, turku, kuopio, admin = demo
    assert written == (14 + 18 + 6 + 11 + 8 + 3 + 15) + (16 + 17 + 7 + 12 + 9 + 6 + 14 + 6)
    assert load_capability_surveys(today=TODAY) == 0
    rounds = {r.title: r for r in Round.objects.all()}
    assert rounds["Digiosaamisen välikysely"].closes_on >= date(2026, 11, 27)
    spring = round_results(actor=admin, round_id=rounds["Alkukysely kevät 2026"].pk, today=TODAY)
    autumn = round_results(actor=admin, round_id=rounds["Loppukysely syksy 2026"].pk, today=TODAY)
    assert spring.closed and autumn.closed
    # Kuopio's dance group answered three times in spring: it is hidden, and so are Kuopio's
    # other two organisations: with one of them shown, the other's staff could take their own
    # figure and the shown one from Kuopio's total (shown) and be left with the dance group.
    dancers = kuopio.organisations.get(slug="savon-kansantanssijat")
    kuopio_groups = [f for key, f in spring.respondents.items() if key[0] == kuopio.pk]
    assert spring.respondents[(kuopio.pk, dancers.pk)].suppressed
    assert sum(f.suppressed for f in kuopio_groups) == 3
    assert spring.respondents[(kuopio.pk, ALL)].n == 22
    assert spring.respondents[(ALL, ALL)].n == 75
    assert spring.respondents[(turku.pk, ALL)].n == 15
    assert autumn.respondents[(turku.pk, ALL)].n == 20
    moved = changes(autumn, spring)
    assert moved[("skills-overall", (oulu.pk, ALL), "")].mean > 0.5
    needs = next(q for q in autumn.questions if q.question.key == "training-needs")
    top = [n.label for n in ranked_needs(needs, needs.groups[(oulu.pk, ALL)])[:2]]
    assert {"Tekoälyn hyödyntäminen työssä", "Tiedon analysointi ja hyödyntäminen"} == set(top)
