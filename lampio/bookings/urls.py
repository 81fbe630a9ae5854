from django.urls import path

from lampio.bookings import views

app_name = "bookings"

urlpatterns = [
    path("", views.my_bookings, name="mine"),
    path("new/<int:space_id>/", views.new_booking, name="new"),
    path("<int:booking_id>/", views.booking_detail, name="detail"),
    path("<int:booking_id>/booking.ics", views.booking_ics, name="ics"),
    path("<int:booking_id>/cancel/", views.cancel_booking, name="cancel"),
]
