"""URL patterns of this area of the senior pages (included by urls.py): recordings, feedback."""

from django.urls import path

from lampio.digital import views_feedback as views

urlpatterns = [
    path("recordings/", views.recordings, name="recordings"),
    path("recordings/<int:recording_id>/", views.recording, name="recording"),
    path(
        "recordings/<int:recording_id>/captions.vtt",
        views.recording_captions,
        name="recording_captions",
    ),
    path("sessions/<int:occurrence_id>/feedback/", views.feedback, name="feedback"),
]
