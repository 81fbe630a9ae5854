"""Open311 GeoReport v2 under /open311/v2/ (no language prefix: clients are machines)."""

app_name = "open311"

urlpatterns: list = []
