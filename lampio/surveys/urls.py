"""The visitor survey under /<lang>/survey/: invitations, open visit links and the thanks."""

from django.urls import path

from lampio.surveys import round_views, views

app_name = "surveys"

urlpatterns = [
    path("thanks/", views.thanks, name="thanks"),
    path("visit/<str:survey_visit_token>/", views.visit, name="visit"),
    # A survey round's anonymous link (questionnaire engine); before the catch-all below.
    path("r/<str:round_token>/", round_views.round_answer, name="round_answer"),
    path("r/<str:round_token>/thanks/", round_views.round_thanks, name="round_thanks"),
    path("<str:survey_token>/", views.answer, name="answer"),
]
