"""Staff URL patterns of this area (included by staff_urls.py): recordings and feedback."""

from django.urls import path

from lampio.digital import staff_recording_views as views

SESSIONS = "<slug:municipality>/<slug:organisation>/sessions"
RECORDINGS = f"{SESSIONS}/recordings"

urlpatterns = [
    path(f"{RECORDINGS}/", views.recording_list, name="recordings"),
    path(f"{RECORDINGS}/new/", views.recording_create, name="recording_new"),
    path(f"{RECORDINGS}/<int:recording_id>/", views.recording_edit, name="recording_edit"),
    path(
        f"{RECORDINGS}/<int:recording_id>/remove/",
        views.recording_remove,
        name="recording_remove",
    ),
    path(f"{SESSIONS}/<int:occurrence_id>/feedback/", views.feedback, name="feedback"),
]
