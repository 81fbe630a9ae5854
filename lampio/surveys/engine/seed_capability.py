"""Version 1 of the network's capability survey "Digitalisation in my work", as data.

The survey is written for the staff of the culture services (libraries, museums, orchestras,
theatres, culture centres). Its words, in Finnish, Swedish and English, are in
`seed_capability.toml` beside this module, where translators read them whole; this module
reads that file once into plain, typed values and checks its shape.

Version 1 is published, so it is frozen: rounds compare answers question by question. Never
edit its questions or options (the data migration 0003 builds from them); a change of wording
or options becomes version 2 in a file of its own, keeping each unchanged question's `key`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# (Finnish, Swedish, English)
Text = tuple[str, str, str]
Options = list[tuple[str, Text]]

KINDS = {"single", "multiple", "likert", "scale", "text", "matrix"}
THEMES = {"skills", "tools", "attitudes", "training", "maturity", "background", "other"}


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    kind: str
    theme: str
    text: Text
    help_text: Text | None = None
    required: bool = False
    choices: Options = field(default_factory=list)  # a matrix's columns
    rows: Options = field(default_factory=list)  # a matrix's statements
    scale: tuple[int, int] = (1, 5)
    min_label: Text | None = None
    max_label: Text | None = None
    # (key of an earlier question, answers to it that show this one)
    show_if: tuple[str, list[str]] | None = None


def _text(data: dict[str, Any], name: str) -> Text | None:
    value = data.get(name)
    if value is None:
        return None
    return (value["fi"], value["sv"], value["en"])


def _options(value: Any, named: dict[str, Options]) -> Options:
    """Rows of [value, fi, sv, en], or the name of a shared list such as "agreement"."""
    if isinstance(value, str):
        return named[value]
    return [(item[0], (item[1], item[2], item[3])) for item in value or []]


def _question(data: dict[str, Any], named: dict[str, Options], earlier: set[str]) -> QuestionSpec:
    key, kind, theme = data["key"], data["kind"], data["theme"]
    if kind not in KINDS or theme not in THEMES or key in earlier:
        raise ValueError(f"seed_capability.toml: question {key!r} is not valid")
    condition = data.get("show_if")
    if condition is not None and condition["question"] not in earlier:
        raise ValueError(f"seed_capability.toml: {key!r} depends on a later or unknown question")
    text = _text(data, "text")
    if text is None:
        raise ValueError(f"seed_capability.toml: question {key!r} has no text")
    low, high = data.get("scale", [1, 5])
    return QuestionSpec(
        key=key,
        kind=kind,
        theme=theme,
        text=text,
        help_text=_text(data, "help_text"),
        required=bool(data.get("required", False)),
        choices=_options(data.get("choices"), named),
        rows=_options(data.get("rows"), named),
        scale=(int(low), int(high)),
        min_label=_text(data, "min_label"),
        max_label=_text(data, "max_label"),
        show_if=(condition["question"], list(condition["values"])) if condition else None,
    )


def _load() -> dict[str, Any]:
    with (Path(__file__).with_name("seed_capability.toml")).open("rb") as source:
        return tomllib.load(source)


_DATA = _load()
AGREEMENT: Options = _options(_DATA["agreement"], {})
MATURITY_LEVELS: Options = _options(_DATA["maturity_levels"], {})
_NAMED = {"agreement": AGREEMENT, "maturity_levels": MATURITY_LEVELS}

KEY: str = _DATA["key"]
TITLE = _text(_DATA, "title")
DESCRIPTION = _text(_DATA, "description")
INTRO = _text(_DATA, "intro")
QUESTIONS: list[QuestionSpec] = []
for _item in _DATA["questions"]:
    QUESTIONS.append(_question(_item, _NAMED, {question.key for question in QUESTIONS}))
