"""Seed the network's capability survey "Digitalisation in my work", version 1 (published)."""

from django.db import migrations


def seed(apps, schema_editor):
    # Imported here so that loading the migration graph does not import the engine.
    from lampio.surveys.engine.seed import build_capability_questionnaire

    build_capability_questionnaire(apps)


def unseed(apps, schema_editor):
    from lampio.surveys.engine.seed_capability import KEY

    Questionnaire = apps.get_model("surveys", "Questionnaire")
    Version = apps.get_model("surveys", "QuestionnaireVersion")
    Question = apps.get_model("surveys", "Question")
    versions = Version.objects.filter(questionnaire__key=KEY)
    # Questions refer to each other (conditions) and answers protect them; a questionnaire
    # that has rounds is left in place rather than deleted with its answers.
    if apps.get_model("surveys", "Round").objects.filter(version__in=versions).exists():
        return
    Question.objects.filter(version__in=versions).update(show_if_question=None)
    Questionnaire.objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_questionnaires")]

    operations = [migrations.RunPython(seed, unseed)]
