from django.urls import path

from lampio.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("personal-data.json", views.export_personal_data, name="export"),
    path("delete/", views.delete_account, name="delete"),
]
