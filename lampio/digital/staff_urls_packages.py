"""Staff URL patterns of this area (included by staff_urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
