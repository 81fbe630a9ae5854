"""Open311 GeoReport v2 under /open311/v2/ (no language prefix: clients are machines)."""

from django.urls import path, re_path

from lampio.feedback import open311, open311_openapi

app_name = "open311"

urlpatterns = [
    path("openapi.json", open311_openapi.openapi, name="openapi"),
    path("services.json", open311.services, name="services"),
    path("services/<slug:service_code>.json", open311.service_definition, name="service"),
    path("requests.json", open311.requests, name="requests"),
    path("requests/<int:feedback_id>.json", open311.service_request, name="request"),
    # The spec's other format (XML) is not offered; say so in the spec's error format.
    re_path(r"^(?:services|requests)(?:/[^/]+)?\.xml$", open311.unsupported_format),
    # Any other address here (an id that is not a number, say) is a 404 in the spec's format
    # too, not the site's HTML page: clients parse every answer as JSON.
    re_path(r"^.*$", open311.not_found),
]
