"""URL patterns of this area of the senior pages (included by urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
