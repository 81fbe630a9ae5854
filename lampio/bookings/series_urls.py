"""Residents' recurring series, under /<lang>/bookings/series/ (mounted before bookings/)."""

from django.urls import path

from lampio.bookings import series_views as views

app_name = "series"

urlpatterns = [
    path("new/<int:space_id>/", views.new_series, name="new"),
    path("<int:series_pk>/", views.series_detail, name="detail"),
    path("<int:series_pk>/cancel/", views.cancel_rest, name="cancel_rest"),
    path(
        "<int:series_pk>/dates/<int:series_date_id>/cancel/",
        views.cancel_occurrence,
        name="cancel_occurrence",
    ),
]
