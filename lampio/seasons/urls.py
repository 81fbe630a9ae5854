from django.urls import path

from lampio.seasons import views

app_name = "seasons"

urlpatterns = [
    path("", views.rounds, name="rounds"),
    path("<int:round_pk>/", views.round_detail, name="round"),
    path("<int:round_pk>/apply/", views.apply, name="apply"),
    path("applications/", views.my_applications, name="mine"),
    path("applications/<int:application_pk>/", views.application_detail, name="application"),
    path("applications/<int:application_pk>/edit/", views.application_edit, name="edit"),
    path(
        "applications/<int:application_pk>/withdraw/",
        views.application_withdraw,
        name="withdraw",
    ),
]
