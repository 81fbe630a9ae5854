"""Staff pages of digital capability under /<lang>/staff/capability/: the overview, maturity
self-assessments and their heat map, the roadmap, and the pilot library (pilot_staff_urls)."""

from django.urls import include, path

from lampio.capability import staff_views
from lampio.capability import staff_views_maturity as maturity
from lampio.capability import staff_views_roadmap as roadmap

app_name = "capability_staff"

ORGANISATION = "maturity/<slug:municipality>/<slug:organisation>"
ASSESSMENT = f"{ORGANISATION}/assessments/<int:assessment_id>"
INITIATIVE = "roadmap/<int:initiative_id>"

urlpatterns: list = [
    path("", staff_views.index, name="index"),
    path("maturity/", maturity.maturity_map, name="maturity_map"),
    path(f"{ORGANISATION}/", maturity.maturity_organisation, name="maturity_organisation"),
    path(f"{ORGANISATION}/start/", maturity.maturity_start, name="maturity_start"),
    path(f"{ASSESSMENT}/", maturity.maturity_assessment, name="maturity_assessment"),
    path(f"{ASSESSMENT}/links/", maturity.maturity_link_add, name="maturity_link_add"),
    path(
        f"{ASSESSMENT}/links/<int:maturity_link_id>/remove/",
        maturity.maturity_link_remove,
        name="maturity_link_remove",
    ),
    path("roadmap/", roadmap.roadmap, name="roadmap"),
    path("roadmap/timeline/", roadmap.roadmap_timeline, name="roadmap_timeline"),
    path("roadmap/report/", roadmap.roadmap_report, name="roadmap_report"),
    path("roadmap/new/", roadmap.initiative_new, name="initiative_new"),
    path(f"{INITIATIVE}/", roadmap.initiative, name="initiative"),
    path(f"{INITIATIVE}/edit/", roadmap.initiative_edit, name="initiative_edit"),
    path(f"{INITIATIVE}/indicators/new/", roadmap.indicator_new, name="indicator_new"),
    path(
        "roadmap/indicators/<int:indicator_id>/values/new/",
        roadmap.measurement_new,
        name="measurement_new",
    ),
    path("", include("lampio.capability.pilot_staff_urls")),
]
