from django.urls import path

from lampio.bookings import lastminute_views

app_name = "lastminute"

urlpatterns = [
    path("", lastminute_views.last_minute, name="list"),
]
