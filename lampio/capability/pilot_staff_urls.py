"""Staff pages of the pilot and learning library, in the capability_staff namespace."""

from django.urls import path

from lampio.capability import pilot_staff_views as views
from lampio.capability import pilot_staff_views_more as more

urlpatterns: list = [
    path("pilots/", views.pilots, name="pilots"),
    path("pilots/new/", views.pilot_new, name="pilot_new"),
    path("pilots/<int:pilot_id>/", views.pilot, name="pilot"),
    path("pilots/<int:pilot_id>/edit/", views.pilot_edit, name="pilot_edit"),
    path("pilots/<int:pilot_id>/phases/", views.pilot_phases, name="pilot_phases"),
    path("pilots/<int:pilot_id>/documents/new/", more.document_new, name="pilot_document_new"),
    path(
        "pilots/documents/<int:pilot_document_id>/",
        more.document_download,
        name="pilot_document",
    ),
    path("pilots/<int:pilot_id>/lessons/new/", more.lesson_new, name="pilot_lesson_new"),
    path("pilots/lessons/<int:pilot_lesson_id>/", more.lesson_edit, name="pilot_lesson_edit"),
    path("pilots/<int:pilot_id>/webinars/new/", more.webinar_new, name="pilot_webinar_new"),
    path("pilots/webinars/<int:webinar_id>/", more.webinar, name="pilot_webinar"),
    path(
        "pilots/for-initiative/<int:initiative_id>/",
        views.initiative_link_pilot,
        name="initiative_link_pilot",
    ),
]
