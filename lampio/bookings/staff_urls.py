"""The staff bookings desk, under the organisation's own staff address."""

from django.urls import path

from lampio.bookings import staff_views as views

app_name = "bookings_staff"

BOOKINGS = "<slug:municipality>/<slug:organisation>/bookings"

urlpatterns = [
    path(f"{BOOKINGS}/", views.desk, name="desk"),
    path(f"{BOOKINGS}/calendar/", views.calendar, name="calendar"),
    path(f"{BOOKINGS}/block/", views.block, name="block"),
    path(f"{BOOKINGS}/on-behalf/", views.on_behalf, name="on_behalf"),
    path(f"{BOOKINGS}/<int:booking_id>/decide/", views.decide, name="decide"),
    path(f"{BOOKINGS}/<int:booking_id>/cancel/", views.cancel, name="cancel"),
    path(f"{BOOKINGS}/<int:booking_id>/no-show/", views.no_show, name="no_show"),
]
