"""Asking the assistant through the service: answers, fallbacks, overrides and the review queue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command

from lampio.assistant.models import (
    AnswerOverride,
    Exchange,
    ExchangeOutcome,
    KnowledgeEntry,
    Paraphrase,
    ReviewState,
)
from lampio.assistant.services.asking import ask, mark_not_helpful
from lampio.assistant.services.seeding import seed_lexicon
from lampio.core.errors import InvalidInput, NotFound
from lampio.tenancy.models import Municipality


def _entry(key: str, link: str, questions: dict[str, list[str]], answer: str) -> KnowledgeEntry:
    entry = KnowledgeEntry.objects.create(
        key=key,
        topic="spaces",
        link=link,
        title_fi=questions["fi"][0],
        title_sv=questions["sv"][0],
        title_en=questions["en"][0],
        answer_fi=f"{answer} (fi)",
        answer_sv=f"{answer} (sv)",
        answer_en=f"{answer} (en)",
        is_published=True,
    )
    for language, texts in questions.items():
        for text in texts:
            Paraphrase.objects.create(entry=entry, language=language, text=text)
    return entry


@pytest.fixture
def knowledge(db: None) -> dict[str, KnowledgeEntry]:
    seed_lexicon()  # the concepts and other services' words the assistant knows
    return {
        "access-code": _entry(
            "access-code",
            "my-bookings",
            {
                "fi": ["Mistä saan ovikoodin?", "Milloin kulkukoodi alkaa toimia?"],
                "sv": ["Var får jag dörrkoden?", "När börjar passerkoden fungera?"],
                "en": ["Where do I get the door code?", "When does the access code work?"],
            },
            "Code answer",
        ),
        "cancel-booking": _entry(
            "cancel-booking",
            "my-bookings",
            {
                "fi": ["Miten peruutan varauksen?", "Voinko perua tilavarauksen?"],
                "sv": ["Hur avbokar jag?", "Kan jag avboka en lokalbokning?"],
                "en": ["How do I cancel a booking?", "Can I cancel my reservation?"],
            },
            "Cancel answer",
        ),
        "opening-hours": _entry(
            "opening-hours",
            "",
            {
                "fi": ["Milloin kirjasto on auki?", "Mitkä ovat aukioloajat?"],
                "sv": ["När är biblioteket öppet?", "Vilka är öppettiderna?"],
                "en": ["When is the library open?", "What are the opening hours?"],
            },
            "Hours answer",
        ),
    }


def test_answers_in_the_language_of_the_question_with_its_link(
    knowledge: dict[str, KnowledgeEntry],
) -> None:
    reply = ask(question="Var får jag dörrkoden till salen?", actor=None, language="fi")
    assert reply.entry_key == "access-code"
    assert reply.language == "sv"
    assert reply.answer == "Code answer (sv)"
    assert reply.link.startswith("/sv/")
    assert not reply.fallback
    exchange = Exchange.objects.get(pk=reply.exchange_id)
    assert exchange.outcome == ExchangeOutcome.ANSWERED
    assert exchange.review == ReviewState.NONE


def test_out_of_scope_falls_back_with_suggestions_and_joins_the_review_queue(
    knowledge: dict[str, KnowledgeEntry],
) -> None:
    reply = ask(question="When does the snow plough come to my street?", actor=None, language="en")
    assert reply.fallback
    assert reply.entry_key is None
    assert reply.answer == ""
    exchange = Exchange.objects.get(pk=reply.exchange_id)
    assert exchange.outcome == ExchangeOutcome.FALLBACK
    assert exchange.review == ReviewState.PENDING


def test_a_municipality_answer_replaces_the_shared_one(
    knowledge: dict[str, KnowledgeEntry], make_municipality: Callable[..., Municipality]
) -> None:
    kuopio = make_municipality(slug="kuopio", name="Kuopio")
    AnswerOverride.objects.create(
        entry=knowledge["access-code"], municipality=kuopio, answer_fi="Kuopion oma vastaus"
    )
    local = ask(question="Mistä saan ovikoodin?", actor=None, language="fi", municipality=kuopio)
    shared = ask(question="Mistä saan ovikoodin?", actor=None, language="fi")
    assert local.answer == "Kuopion oma vastaus"
    assert shared.answer == "Code answer (fi)"
    # Swedish has no local text: the shared Swedish answer beats a Finnish fallback.
    swedish = ask(question="Var får jag dörrkoden?", actor=None, municipality=kuopio)
    assert swedish.answer == "Code answer (sv)"


def test_unpublished_entries_do_not_answer(knowledge: dict[str, KnowledgeEntry]) -> None:
    KnowledgeEntry.objects.filter(key="access-code").update(is_published=False)
    reply = ask(question="Where do I get the door code?", actor=None, language="en")
    assert reply.entry_key != "access-code"


def test_a_new_paraphrase_is_understood_without_a_restart(
    knowledge: dict[str, KnowledgeEntry],
) -> None:
    question = "keypad pin for the gym"
    assert ask(question=question, actor=None, language="en").entry_key != "access-code"
    Paraphrase.objects.create(entry=knowledge["access-code"], language="en", text=question)
    assert ask(question=question, actor=None, language="en").entry_key == "access-code"


@pytest.mark.parametrize("question", ["", "   ", "x" * 501])
def test_empty_or_too_long_questions_are_refused(
    knowledge: dict[str, KnowledgeEntry], question: str
) -> None:
    with pytest.raises(InvalidInput):
        ask(question=question, actor=None, language="fi")
    assert not Exchange.objects.exists()


def test_not_helpful_puts_an_answer_up_for_review_once(
    knowledge: dict[str, KnowledgeEntry],
) -> None:
    reply = ask(question="Mistä saan ovikoodin?", actor=None, language="fi")
    mark_not_helpful(exchange_id=reply.exchange_id)
    exchange = Exchange.objects.get(pk=reply.exchange_id)
    assert exchange.helpful is False
    assert exchange.review == ReviewState.PENDING
    Exchange.objects.filter(pk=exchange.pk).update(review=ReviewState.DISMISSED)
    mark_not_helpful(exchange_id=reply.exchange_id)
    assert Exchange.objects.get(pk=exchange.pk).review == ReviewState.DISMISSED
    with pytest.raises(NotFound):
        mark_not_helpful(exchange_id=exchange.pk + 1000)


def test_eval_command_prints_figures_and_a_json_line(
    knowledge: dict[str, KnowledgeEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = tmp_path / "questions.yaml"
    questions.write_text(
        "questions:\n"
        "- {q: 'Var får jag dörrkoden?', lang: sv, expect: access-code}\n"
        "- {q: 'How do I cancel a booking?', lang: en, expect: cancel-booking}\n"
        "- {q: 'Milloin kirjasto on auki?', lang: fi, expect: access-code}\n"
        "- {q: 'Where can I buy a bus pass?', lang: en, expect: null}\n",
        encoding="utf-8",
    )
    call_command("assistant_eval", str(questions), "--json")
    lines = capsys.readouterr().out.strip().splitlines()
    import json

    figures = json.loads(lines[-1])
    assert figures["n"] == 4
    assert figures["top1"] == pytest.approx(2 / 3, abs=0.001)
    assert figures["fallback_recall"] == 1.0
    assert set(figures["by_language"]) == {"fi", "sv", "en"}
    assert figures["by_language"]["fi"]["top1"] == 0.0
    assert figures["p95_ms"] >= 0


def test_a_question_for_another_city_service_offers_a_person_not_our_topics(
    knowledge: dict[str, KnowledgeEntry],
) -> None:
    reply = ask(question="Can I cancel my booking with the dentist?", actor=None, language="en")
    assert reply.fallback
    assert reply.suggestions == ()
