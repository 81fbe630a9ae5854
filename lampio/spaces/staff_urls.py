"""Staff pages for venues and spaces, under the organisation's own staff address."""

from django.urls import path

from lampio.spaces import staff_photo_views as photo_views
from lampio.spaces import staff_views as views

app_name = "spaces_staff"

ORGANISATION = "<slug:municipality>/<slug:organisation>"

urlpatterns = [
    path(f"{ORGANISATION}/venues/", views.venue_list, name="venues"),
    path(f"{ORGANISATION}/venues/new/", views.venue_create, name="venue_new"),
    path(f"{ORGANISATION}/venues/<int:venue_id>/", views.venue_edit, name="venue_edit"),
    path(
        f"{ORGANISATION}/venues/<int:venue_id>/spaces/new/",
        views.space_create,
        name="space_new",
    ),
    path(f"{ORGANISATION}/equipment/", views.equipment, name="equipment"),
    path(f"{ORGANISATION}/spaces/<int:space_id>/", views.space_edit, name="space_edit"),
    path(f"{ORGANISATION}/spaces/<int:space_id>/qr/", views.space_qr, name="space_qr"),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/hours/",
        views.opening_hours,
        name="opening_hours",
    ),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/exceptions/",
        views.exception_add,
        name="exception_add",
    ),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/exceptions/<int:exception_id>/remove/",
        views.exception_remove,
        name="exception_remove",
    ),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/photos/",
        photo_views.photos,
        name="photos",
    ),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/photos/<int:photo_id>/",
        photo_views.photo_edit,
        name="photo_edit",
    ),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/photos/<int:photo_id>/move/",
        photo_views.photo_move,
        name="photo_move",
    ),
    path(
        f"{ORGANISATION}/spaces/<int:space_id>/photos/<int:photo_id>/remove/",
        photo_views.photo_remove,
        name="photo_remove",
    ),
]
