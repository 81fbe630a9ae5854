from django.urls import path

from lampio.bookings import staff_views_reviews

app_name = "booking_review_staff"

urlpatterns = [
    path(
        "<slug:municipality>/<slug:organisation>/bookings/feedback/",
        staff_views_reviews.review_list,
        name="list",
    ),
]
