"""Providers' session tools under /<lang>/staff/<municipality>/<organisation>/sessions/."""

from lampio.digital import staff_urls_console, staff_urls_packages, staff_urls_recordings

app_name = "digital_staff"

urlpatterns = [
    *staff_urls_console.urlpatterns,
    *staff_urls_recordings.urlpatterns,
    *staff_urls_packages.urlpatterns,
]
