"""The network's seeded questionnaires: "Digitalisation in my work", version 1, published.

The data migration 0003 builds it with the historical models; `ensure_capability_questionnaire`
builds it again with the same code when it is missing (the demo, and tests after a
transactional test flushed the tables). An existing questionnaire is never touched: staff may
have added versions to it.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import transaction
from django.utils import timezone, translation

from lampio.surveys.engine import seed_capability as spec
from lampio.surveys.models import Questionnaire

LANGUAGES = ("fi", "sv", "en")


def _translated(name: str, text: spec.Text | None) -> dict[str, str]:
    """`name` (Finnish, as the default) and `name_fi`, `name_sv`, `name_en`."""
    values = text or ("", "", "")
    fields = {
        f"{name}_{language}": value for language, value in zip(LANGUAGES, values, strict=True)
    }
    return {name: values[0], **fields}


def build_capability_questionnaire(apps: Any) -> None:
    """Create the questionnaire from `seed_capability` with the models of `apps` (the
    migration's historical registry or the project's own)."""
    questionnaire_model = apps.get_model("surveys", "Questionnaire")
    version_model = apps.get_model("surveys", "QuestionnaireVersion")
    question_model = apps.get_model("surveys", "Question")
    choice_model = apps.get_model("surveys", "Choice")
    row_model = apps.get_model("surveys", "MatrixRow")
    # modeltranslation writes a plain `text=` into the active language's column; with Finnish
    # active, the default column and `_fi` agree whatever language the caller runs in.
    with translation.override("fi"):
        questionnaire = questionnaire_model.objects.create(
            key=spec.KEY,
            owner=None,
            **_translated("title", spec.TITLE),
            **_translated("description", spec.DESCRIPTION),
        )
        version = version_model.objects.create(
            questionnaire=questionnaire,
            number=1,
            published_at=timezone.now(),
            **_translated("intro", spec.INTRO),
        )
        made: dict[str, Any] = {}
        for position, item in enumerate(spec.QUESTIONS, start=1):
            controller = made[item.show_if[0]] if item.show_if else None
            question = question_model.objects.create(
                version=version,
                position=position,
                key=item.key,
                kind=item.kind,
                theme=item.theme,
                required=item.required,
                scale_min=item.scale[0],
                scale_max=item.scale[1],
                show_if_question=controller,
                show_if_values=list(item.show_if[1]) if item.show_if else [],
                **_translated("text", item.text),
                **_translated("help_text", item.help_text),
                **_translated("min_label", item.min_label),
                **_translated("max_label", item.max_label),
            )
            made[item.key] = question
            choice_model.objects.bulk_create(
                choice_model(
                    question=question, position=number, value=value, **_translated("label", label)
                )
                for number, (value, label) in enumerate(item.choices, start=1)
            )
            row_model.objects.bulk_create(
                row_model(
                    question=question, position=number, key=key, **_translated("label", label)
                )
                for number, (key, label) in enumerate(item.rows, start=1)
            )


def ensure_capability_questionnaire() -> Questionnaire:
    """The seeded capability questionnaire, created first when missing."""
    with transaction.atomic():
        existing = Questionnaire.objects.filter(key=spec.KEY).first()
        if existing is not None:
            return existing
        build_capability_questionnaire(global_apps)
    return Questionnaire.objects.get(key=spec.KEY)
