"""The five agreement steps of a Likert question: stored as "1".."5", labelled in code so
every Likert question of every questionnaire says the same words in each language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LIKERT_STEPS: tuple[tuple[str, Promise], ...] = (
    ("1", _("Strongly disagree")),
    ("2", _("Disagree")),
    ("3", _("Neither agree nor disagree")),
    ("4", _("Agree")),
    ("5", _("Strongly agree")),
)
LIKERT_VALUES = frozenset(value for value, _label in LIKERT_STEPS)
