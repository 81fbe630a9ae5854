"""The visitor survey under /<lang>/survey/: invitations, open visit links and the thanks."""

from django.urls import path

from lampio.surveys import views

app_name = "surveys"

urlpatterns = [
    path("thanks/", views.thanks, name="thanks"),
    path("visit/<str:survey_visit_token>/", views.visit, name="visit"),
    path("<str:survey_token>/", views.answer, name="answer"),
]
