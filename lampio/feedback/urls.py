"""Residents' feedback pages under /<lang>/feedback/."""

from django.urls import path

from lampio.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.public, name="public"),
    path("new/", views.give, name="give"),
    path("sent/<str:feedback_token>/", views.receipt, name="receipt"),
    path("track/<str:feedback_token>/", views.track, name="track"),
    path("photos/<int:feedback_photo_id>/", views.photo, name="photo"),
]
