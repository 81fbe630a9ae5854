from django.urls import URLPattern, path  # noqa: F401

app_name = "lastminute"

urlpatterns: list[URLPattern] = []
