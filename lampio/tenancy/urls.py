from django.urls import path

from lampio.tenancy import views

app_name = "tenancy"

urlpatterns = [
    path("city/", views.choose_city, name="choose_city"),
    path("staff/", views.staff_home, name="staff_home"),
    path(
        "staff/<slug:municipality>/<slug:organisation>/",
        views.organisation_detail,
        name="organisation",
    ),
    path(
        "staff/<slug:municipality>/<slug:organisation>/members/<int:membership_id>/",
        views.change_member,
        name="change_member",
    ),
    path(
        "staff/<slug:municipality>/<slug:organisation>/personal-data-reads/",
        views.personal_data_reads,
        name="personal_data_reads",
    ),
]
