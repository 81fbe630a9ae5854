from django.urls import path

from lampio.spaces import views

app_name = "spaces"

urlpatterns = [
    path("", views.search, name="search"),
    path("venues/<int:venue_id>/", views.venue_detail, name="venue"),
    path("<int:space_id>/", views.space_detail, name="space"),
]
