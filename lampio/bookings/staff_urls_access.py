from django.urls import URLPattern, path  # noqa: F401

app_name = "access_staff"

urlpatterns: list[URLPattern] = []
