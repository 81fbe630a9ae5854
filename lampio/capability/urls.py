"""The public learning library under /<lang>/learning/."""

from django.urls import path  # noqa: F401

app_name = "capability"

urlpatterns: list = []
