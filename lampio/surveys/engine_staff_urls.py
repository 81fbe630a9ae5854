"""Staff pages of the questionnaire engine under /<lang>/staff/surveys/: questionnaires, their
versions and questions, and survey rounds. No organisation in the address: network
questionnaires and rounds belong to none, and the selectors scope every object to the actor."""

from django.urls import path

from lampio.surveys import engine_staff_round_views as rounds
from lampio.surveys import engine_staff_views as views

app_name = "surveys_engine"

urlpatterns = [
    path("questionnaires/", views.questionnaires, name="questionnaires"),
    path("questionnaires/<int:questionnaire_id>/", views.questionnaire, name="questionnaire"),
    path(
        "questionnaires/<int:questionnaire_id>/new-version/",
        views.new_version,
        name="new_version",
    ),
    path("versions/<int:version_id>/", views.version, name="version"),
    path("versions/<int:version_id>/publish/", views.publish, name="publish"),
    path("versions/<int:version_id>/questions/new/", views.question_new, name="question_new"),
    path("questions/<int:question_id>/", views.question_edit, name="question_edit"),
    path("questions/<int:question_id>/delete/", views.question_delete, name="question_delete"),
    path("questions/<int:question_id>/move/", views.question_move, name="question_move"),
    path("rounds/", rounds.rounds, name="rounds"),
    path("rounds/new/", rounds.round_new, name="round_new"),
    path("rounds/<int:survey_round_id>/", rounds.round_detail, name="round"),
    path("rounds/<int:survey_round_id>/dates/", rounds.round_dates, name="round_dates"),
    path("rounds/<int:survey_round_id>/close/", rounds.round_close, name="round_close"),
    path("rounds/<int:survey_round_id>/remind/", rounds.round_remind, name="round_remind"),
    path(
        "rounds/<int:survey_round_id>/participants/add/",
        rounds.participant_add,
        name="participant_add",
    ),
    path(
        "participants/<int:participant_id>/remove/",
        rounds.participant_remove,
        name="participant_remove",
    ),
    path(
        "participants/<int:participant_id>/new-link/",
        rounds.participant_new_link,
        name="participant_new_link",
    ),
]
