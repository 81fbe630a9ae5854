"""Staff pages of the pilot and learning library, in the capability_staff namespace."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
