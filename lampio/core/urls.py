from django.urls import path

from lampio.core import views

app_name = "core"

urlpatterns = [
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("privacy/retention/", views.retention_register, name="retention"),
    path("display/", views.display_preferences, name="display_preferences"),
]
