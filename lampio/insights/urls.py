"""Public open-data pages under /<lang>/open-data/."""

from django.urls import path

from lampio.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.open_data, name="open_data"),
    path("<slug:measure_key>/", views.open_measure, name="open_measure"),
]
