"""Staff dashboards. Included before tenancy's URLs, since /staff/insights/network/ would
otherwise read as the staff page of an organisation "network" in a city "insights"."""

from django.urls import path

from lampio.insights import staff_views as views
from lampio.insights import survey_views

app_name = "insights_staff"

urlpatterns = [
    path("insights/", views.index, name="index"),
    path("insights/network/", views.network, name="network"),
    path("insights/settings/", views.settings_page, name="settings"),
    path("insights/surveys/", survey_views.survey_rounds, name="survey_rounds"),
    path(
        "insights/surveys/<int:survey_round_id>/",
        survey_views.survey_results,
        name="survey_results",
    ),
    path("insights/measures/<slug:measure_key>/", views.measure, name="measure"),
    path(
        "insights/municipality/<slug:municipality>/",
        views.municipality_dashboard,
        name="municipality",
    ),
    path(
        "<slug:municipality>/<slug:organisation>/insights/",
        views.organisation_dashboard,
        name="organisation",
    ),
]
