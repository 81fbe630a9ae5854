"""The assistant's statistics page under /<lang>/staff/<municipality>/<organisation>/assistant/."""

from django.urls import path

from lampio.assistant import staff_views_stats as views

app_name = "assistant_stats"

urlpatterns = [
    path(
        "<slug:municipality>/<slug:organisation>/assistant/statistics/",
        views.overview,
        name="overview",
    ),
]
