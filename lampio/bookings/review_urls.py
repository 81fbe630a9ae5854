from django.urls import path

from lampio.bookings import review_views

app_name = "booking_review"

# `booking_token` rather than `token`: the name `token` is taken by calendar-feed links.
urlpatterns = [
    path("<uuid:booking_token>/", review_views.give, name="give"),
    path("<uuid:booking_token>/thanks/", review_views.thanks, name="thanks"),
]
