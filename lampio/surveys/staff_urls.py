"""Staff survey links under /<lang>/staff/<municipality>/<organisation>/survey/."""

from django.urls import path

from lampio.surveys import staff_views as views

app_name = "surveys_staff"

SURVEY = "<slug:municipality>/<slug:organisation>/survey"

urlpatterns = [
    path(f"{SURVEY}/", views.links, name="links"),
    path(f"{SURVEY}/poster/", views.poster, name="poster"),
    path(f"{SURVEY}/poster/<int:venue_id>/", views.venue_poster, name="venue_poster"),
]
