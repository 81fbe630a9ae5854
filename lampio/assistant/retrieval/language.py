"""Which of fi/sv/en a question is written in. py3langid ships its model in the wheel, so this
runs offline; short questions fall back to the page's language when the model is unsure."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = ("fi", "sv", "en")
# Below this probability the page's language is the better guess ("Hej", "OK", "Kuopio").
MIN_CONFIDENCE = 0.8


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED))
    return identifier


def detect_language(text: str, hint: str | None = None) -> str:
    language, probability = _identifier().classify(text)
    if hint in SUPPORTED and (probability < MIN_CONFIDENCE or len(text.split()) < 2):
        return str(hint)
    return str(language)
