"""Staff pages of digital capability under /<lang>/staff/capability/: the overview, maturity
self-assessments and their heat map, the roadmap, and the pilot library (pilot_staff_urls)."""

from django.urls import include, path

app_name = "capability_staff"

urlpatterns: list = [
    path("", include("lampio.capability.pilot_staff_urls")),
]
