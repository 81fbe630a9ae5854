"""Care units' "watch together" pages (included by urls.py)."""

from django.urls import path

from lampio.digital import views_care

urlpatterns = [
    path("care/<slug:municipality>/<slug:organisation>/", views_care.care_week, name="care_week"),
    path(
        "care/<slug:municipality>/<slug:organisation>/sessions/<int:occurrence_id>/",
        views_care.care_screen,
        name="care_screen",
    ),
]
