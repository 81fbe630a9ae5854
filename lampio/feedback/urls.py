"""Residents' feedback pages under /<lang>/feedback/."""

from django.urls import path

from lampio.feedback import views

app_name = "feedback"

urlpatterns = [
    path("track/<str:token>/", views.track, name="track"),
]
