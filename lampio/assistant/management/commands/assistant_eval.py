"""python manage.py assistant_eval PATH [--json] [--misses]: how well the published knowledge
answers a set of questions, per language and overall, and how fast."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lampio.assistant import evaluation
from lampio.assistant.knowledge_index import current_retriever, decide_question

COLUMNS = ("n", "top1", "recall_at_3", "fallback_precision", "fallback_recall", "p95_ms")


def _cell(value: object) -> str:
    return "–" if value is None else str(value)


class Command(BaseCommand):
    help = "Evaluate the assistant on a YAML file of {q, lang, expect} questions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--json", action="store_true", help="End with one JSON line.")
        parser.add_argument("--misses", action="store_true", help="List the wrong answers.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        if not current_retriever().languages:
            raise CommandError(
                "No published knowledge. Run `manage.py load_assistant_knowledge` first."
            )
        questions = evaluation.load_questions(path)
        decide_question("lämmittely", "fi")  # load the language model outside the timings
        outcomes = evaluation.run(questions, decide_question)
        result = evaluation.report(outcomes)
        self._print_table(result)
        if options["misses"]:
            for outcome in evaluation.misses(outcomes):
                best = ", ".join(f"{c.key} {c.score:.2f}" for c in outcome.decision.candidates[:3])
                self.stdout.write(
                    f"  {outcome.question.language} expected {outcome.question.expect}, "
                    f"got {outcome.decision.entry_key} [{best}]: {outcome.question.text}"
                )
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))

    def _print_table(self, result: dict[str, Any]) -> None:
        self.stdout.write("language  " + "  ".join(f"{c:>18}" for c in COLUMNS))
        rows = [*result["by_language"].items(), ("all", result)]
        for language, figures in rows:
            cells = "  ".join(f"{_cell(figures[c]):>18}" for c in COLUMNS)
            self.stdout.write(f"{language:<8}  {cells}")
