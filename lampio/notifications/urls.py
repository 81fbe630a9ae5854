from django.urls import path

from lampio.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("preferences/", views.preferences, name="preferences"),
    # Not `token`: the permission matrix already names the calendar feed's token so.
    path("unsubscribe/<str:unsubscribe_token>/", views.unsubscribe, name="unsubscribe"),
    path("demo-outbox/", views.outbox, name="outbox"),
]
