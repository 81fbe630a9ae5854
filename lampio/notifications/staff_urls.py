from django.urls import URLPattern, path  # noqa: F401

app_name = "notifications_staff"

urlpatterns: list[URLPattern] = []
