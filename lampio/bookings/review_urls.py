from django.urls import URLPattern, path  # noqa: F401

app_name = "booking_review"

urlpatterns: list[URLPattern] = []
