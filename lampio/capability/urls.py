"""The public learning library under /<lang>/learning/."""

from django.urls import path

from lampio.capability import views

app_name = "capability"

urlpatterns: list = [
    path("", views.library, name="library"),
    path("pilots/<int:pilot_id>/", views.library_pilot, name="library_pilot"),
]
