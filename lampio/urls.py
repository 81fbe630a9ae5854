from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from lampio.api import api
from lampio.bookings.views import bookings_feed
from lampio.core.admin_site import require_admin_second_factor
from lampio.core.views import healthz, switch_language
from lampio.offerings import feeds as offering_feeds
from lampio.payments.views import payment_callback, refund_callback
from lampio.views import home

# The admin logs in through allauth, so its MFA stage and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.has_permission = require_admin_second_factor(admin.site.has_permission)  # type: ignore[assignment]
admin.site.site_header = "Lämpiö"
admin.site.site_title = "Lämpiö"

# A database outage answers 503 with Retry-After, not 500 (lampio/core/unavailable.py).
handler500 = "lampio.core.unavailable.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", switch_language, name="set_language"),
    path("api/v1/", api.urls),
    path("open311/v2/", include("lampio.feedback.open311_urls")),
    # Calendar apps subscribe without a language; the signed token is the key.
    path("feeds/bookings/<str:token>.ics", bookings_feed, name="bookings_feed"),
    # The payment provider's server-to-server callback: no language, no session, signed.
    path("payments/callback/", payment_callback, name="payments_callback"),
    path("payments/callback/refund/", refund_callback, name="payments_refund_callback"),
    path(
        "feeds/offerings/<slug:municipality>.ics",
        offering_feeds.municipality_feed,
        name="offerings_municipality_feed",
    ),
    path(
        "feeds/offerings/<slug:municipality>/<slug:organisation>.ics",
        offering_feeds.provider_feed,
        name="offerings_provider_feed",
    ),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("lampio.core.urls")),
    # Before tenancy's: /staff/insights/… is no organisation's page (see staff_urls).
    path("staff/", include("lampio.insights.staff_urls")),
    path("staff/surveys/", include("lampio.surveys.engine_staff_urls")),
    path("staff/capability/", include("lampio.capability.staff_urls")),
    path("", include("lampio.tenancy.urls")),
    path("staff/", include("lampio.spaces.staff_urls")),
    path("staff/", include("lampio.bookings.staff_urls")),
    path("staff/", include("lampio.offerings.staff_urls")),
    path("staff/", include("lampio.digital.staff_urls")),
    path("staff/", include("lampio.feedback.staff_urls")),
    path("staff/", include("lampio.assistant.staff_urls")),
    path("staff/", include("lampio.assistant.staff_urls_lexicon")),
    path("staff/", include("lampio.assistant.staff_urls_stats")),
    path("staff/", include("lampio.bookings.staff_urls_access")),
    path("staff/", include("lampio.bookings.staff_urls_reviews")),
    path("staff/", include("lampio.bookings.staff_urls_series")),
    path("staff/", include("lampio.notifications.staff_urls")),
    path("staff/", include("lampio.payments.staff_urls")),
    path("staff/", include("lampio.seasons.staff_urls")),
    path("staff/", include("lampio.seasons.staff_report_urls")),
    path("staff/", include("lampio.ideas.staff_urls")),
    path("staff/", include("lampio.surveys.staff_urls")),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("lampio.accounts.urls")),
    path("spaces/", include("lampio.spaces.urls")),
    path("bookings/feedback/", include("lampio.bookings.review_urls")),
    path("bookings/series/", include("lampio.bookings.series_urls")),
    path("bookings/", include("lampio.bookings.urls")),
    path("waitlist/", include("lampio.bookings.waitlist_urls")),
    path("last-minute/", include("lampio.bookings.lastminute_urls")),
    path("messages/", include("lampio.notifications.urls")),
    path("payments/", include("lampio.payments.urls")),
    path("regular-slots/", include("lampio.seasons.urls")),
    path("offerings/", include("lampio.offerings.urls")),
    path("lampio/", include("lampio.digital.urls")),
    path("feedback/", include("lampio.feedback.urls")),
    path("assistant/", include("lampio.assistant.urls")),
    path("ideas/", include("lampio.ideas.urls")),
    path("survey/", include("lampio.surveys.urls")),
    path("open-data/", include("lampio.insights.urls")),
    path("learning/", include("lampio.capability.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.LAMPIO_SERVE_MEDIA:
    # Uploads are images re-encoded on upload; a proxy in front serves them in larger setups.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
