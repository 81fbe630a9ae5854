"""URL patterns of this area of the senior pages (included by urls.py): care units' packages."""

from django.urls import path

from lampio.digital import views_packages as views

CARE = "care/<slug:municipality>/<slug:organisation>"

urlpatterns = [
    path(f"{CARE}/packages/", views.care_packages, name="care_packages"),
    path(f"{CARE}/packages/<int:plan_id>/buy/", views.care_package_buy, name="care_package_buy"),
    path(f"{CARE}/packages/bought/<int:package_id>/", views.care_package, name="care_package"),
    path(f"{CARE}/orders/<int:order_id>/package/", views.use_package, name="use_package"),
]
