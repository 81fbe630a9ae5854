"""Staff URL patterns of this area (included by staff_urls.py): season packages."""

from django.urls import path

from lampio.digital import staff_package_views as views

PACKAGES = "<slug:municipality>/<slug:organisation>/sessions/packages"

urlpatterns = [
    path(f"{PACKAGES}/", views.package_list, name="packages"),
    path(f"{PACKAGES}/new/", views.package_create, name="package_new"),
    path(f"{PACKAGES}/<int:plan_id>/", views.package_edit, name="package_edit"),
]
