"""The senior pages under /<lang>/lampio/: one URL namespace, patterns from each area."""

from lampio.digital import (
    urls_care,
    urls_chat,
    urls_feedback,
    urls_home,
    urls_packages,
    urls_signin,
)

app_name = "digital"

urlpatterns = [
    *urls_home.urlpatterns,
    *urls_signin.urlpatterns,
    *urls_chat.urlpatterns,
    *urls_feedback.urlpatterns,
    *urls_care.urlpatterns,
    *urls_packages.urlpatterns,
]
