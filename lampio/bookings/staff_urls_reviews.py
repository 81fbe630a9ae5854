from django.urls import URLPattern, path  # noqa: F401

app_name = "booking_review_staff"

urlpatterns: list[URLPattern] = []
