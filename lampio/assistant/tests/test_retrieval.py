"""The retrieval engine on its own: terms, BM25, lexicon, ranking and the answer decision."""

from __future__ import annotations

import pytest

from lampio.assistant.retrieval.bm25 import BM25
from lampio.assistant.retrieval.engine import RetrievalConfig, Retriever, decision_from
from lampio.assistant.retrieval.language import detect_language
from lampio.assistant.retrieval.lexicon import Lexicon
from lampio.assistant.retrieval.types import Candidate, KnowledgeDoc
from lampio.core.terms import char_ngrams, content_words, stems

DOCS = [
    KnowledgeDoc(
        "access-code",
        {
            "fi": ("Mistä saan ovikoodin?", "Milloin kulkukoodi alkaa toimia?"),
            "en": ("Where do I get the door code?", "When does the access code start working?"),
        },
        {"fi": "Saat henkilökohtaisen koodin varausvahvistukseen.", "en": "You get a code."},
    ),
    KnowledgeDoc(
        "cancel-booking",
        {
            "fi": ("Miten peruutan varauksen?", "Voinko perua tilavarauksen?"),
            "en": ("How do I cancel a booking?", "Can I cancel my reservation?"),
        },
        {"fi": "Peruuta varaus Omat varaukset -sivulla.", "en": "Cancel on My bookings."},
    ),
]

LEXICON = Lexicon.from_mapping(
    {
        "concepts": {"code": {"fi": ["koodi", "pin"], "en": ["code", "keypad", "pin"]}},
        "out_of_scope": {"health": {"fi": ["lääkär"], "en": ["doctor"]}},
    }
)


def test_stop_words_are_dropped_and_finnish_is_stemmed() -> None:
    assert content_words("Mistä minä voin saada ovikoodin?", "fi") == ["saada", "ovikoodin"]
    assert stems("ovikoodin ovikoodia", "fi") == ["ovikood", "ovikood"]


def test_character_ngrams_share_the_head_of_a_compound() -> None:
    compound = set(char_ngrams("kerhohuoneen", "fi"))
    part = set(char_ngrams("huone", "fi"))
    assert {"huo", "uon", "one"} <= compound & part


def test_bm25_normalised_score_drops_when_query_words_are_unknown() -> None:
    index = BM25([["door", "code"], ["cancel", "booking"]])
    known = index.normalised_scores(["door", "code"])[0]
    diluted = index.normalised_scores(["door", "code", "dentist"])[0]
    assert 0 < diluted < known


def test_lexicon_matches_inflections_and_compound_heads() -> None:
    assert LEXICON.concept_tokens("Mikä on ovikoodini?", "fi") == ["code"]
    assert LEXICON.out_of_scope_areas("aika terveyskeskuslääkärille", "fi") == ["health"]
    assert LEXICON.out_of_scope_areas("Where do I get the door code?", "en") == []


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("ovikoodi ei tullut, mistä saan sen", "fi", "access-code"),
        ("haluan perua varaukseni", "fi", "cancel-booking"),
        ("keypad code for my room", "en", "access-code"),
        ("cancel my booking please", "en", "cancel-booking"),
    ],
)
def test_ranks_the_entry_whose_paraphrases_match(
    question: str, language: str, expected: str
) -> None:
    retriever = Retriever(DOCS, RetrievalConfig(threshold=0.1, margin=0.0), lexicon=LEXICON)
    decision = retriever.decide(question, language)
    assert decision.candidates[0].key == expected
    assert decision.entry_key == expected


def test_unknown_language_and_nonsense_fall_back() -> None:
    retriever = Retriever(DOCS, RetrievalConfig(), lexicon=LEXICON)
    assert retriever.decide("ovikoodi", "sv").fallback
    assert retriever.decide("xyzzy plugh", "en").fallback


def test_answers_only_when_clearly_ahead_of_the_runner_up() -> None:
    config = RetrievalConfig(threshold=0.3, margin=0.1)
    close = (Candidate("a", 0.5), Candidate("b", 0.45))
    clear = (Candidate("a", 0.5), Candidate("b", 0.2))
    low = (Candidate("a", 0.25),)
    assert decision_from(close, "fi", config).entry_key is None
    assert decision_from(clear, "fi", config).entry_key == "a"
    assert decision_from(low, "fi", config).entry_key is None
    assert decision_from((), "fi", config).fallback


def test_naming_another_service_needs_a_much_stronger_match() -> None:
    config = RetrievalConfig(threshold=0.3, margin=0.0, out_of_scope_penalty=0.3)
    candidates = (Candidate("access-code", 0.5),)
    assert decision_from(candidates, "fi", config).entry_key == "access-code"
    assert decision_from(candidates, "fi", config, elsewhere=True).fallback


def test_doctor_question_falls_back_even_though_it_mentions_booking() -> None:
    retriever = Retriever(DOCS, RetrievalConfig(threshold=0.1, margin=0.0), lexicon=LEXICON)
    assert retriever.decide("Can I cancel my booking with the doctor?", "en").fallback


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Var får jag dörrkoden?", "sv"),
        ("Mistä saan ovikoodin?", "fi"),
        ("Where do I get the door code?", "en"),
    ],
)
def test_detects_the_question_language(question: str, expected: str) -> None:
    assert detect_language(question, hint="fi") == expected


def test_a_one_word_question_keeps_the_page_language() -> None:
    assert detect_language("Kuopio", hint="sv") == "sv"
