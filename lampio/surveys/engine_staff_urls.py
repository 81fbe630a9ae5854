"""Staff pages of the questionnaire engine under /<lang>/staff/surveys/: questionnaires, their
versions and questions, and survey rounds."""

from django.urls import path  # noqa: F401

app_name = "surveys_engine"

urlpatterns: list = []
