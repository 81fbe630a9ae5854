"""Staff pages of recurring series, under the organisation's own staff address."""

from django.urls import path

from lampio.bookings import staff_views_series as views

app_name = "series_staff"

SERIES = "<slug:municipality>/<slug:organisation>/series/"
ONE = f"{SERIES}<int:series_pk>/"

urlpatterns = [
    path(SERIES, views.series_list, name="list"),
    path(f"{SERIES}new/", views.series_new, name="new"),
    path(ONE, views.series_detail, name="detail"),
    path(f"{ONE}decide/", views.series_decide, name="decide"),
    path(f"{ONE}cancel/", views.series_cancel_rest, name="cancel_rest"),
    path(
        f"{ONE}dates/<int:series_date_id>/cancel/",
        views.series_cancel_occurrence,
        name="cancel_occurrence",
    ),
]
