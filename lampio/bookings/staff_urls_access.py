"""The staff access page: door system, controller keys, code test, door alerts, spaces' access."""

from django.urls import path

from lampio.bookings import staff_views_access as views

app_name = "access_staff"

ACCESS = "<slug:municipality>/<slug:organisation>/access"

urlpatterns = [
    path(f"{ACCESS}/", views.page, name="page"),
    path(f"{ACCESS}/door-system/", views.door_system, name="door_system"),
    path(f"{ACCESS}/controller-key/", views.controller_key, name="controller_key"),
    path(f"{ACCESS}/test/", views.test_code, name="test"),
    path(f"{ACCESS}/alerts/<int:sync_id>/retry/", views.retry, name="retry"),
    path(f"{ACCESS}/alerts/<int:sync_id>/handled/", views.handled, name="handled"),
    path(f"{ACCESS}/spaces/<int:space_id>/", views.space_access, name="space"),
]
