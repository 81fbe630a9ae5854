"""One settings module for every environment, configured by environment variables (12-factor).

Defaults give the embedded demo: SQLite, console email, in-memory channel layers, inline jobs.
Production sets at least DJANGO_SECRET_KEY, DJANGO_DEBUG=0, DATABASE_URL, REDIS_URL and
LAMPIO_HTTPS=1; see README.md, "Production configuration".
"""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from lampio.core import database_settings, redis_settings
from lampio.core.forwarded import trusted_networks
from lampio.core.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def env_float(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# The fallback key is only for the embedded demo and tests; production must set its own
# (`manage.py check --deploy` fails on this one because it is short and marked insecure).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-lampio-embedded-demo-key")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# Addresses or networks of the reverse proxies whose X-Forwarded-For names the client
# (core.forwarded); none by default, when Django itself faces the network.
LAMPIO_TRUSTED_PROXIES = env_list("LAMPIO_TRUSTED_PROXIES", "")
trusted_networks(tuple(LAMPIO_TRUSTED_PROXIES))  # a mistyped entry stops the start, not a request

INSTALLED_APPS = [
    # daphne first: `runserver` then serves ASGI, so the demo has WebSockets too.
    "daphne",
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "auditlog",
    "django_htmx",
    "ninja",  # serves the API docs from its own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "csp",
    "channels",
    "lampio.core",
    "lampio.tenancy",
    "lampio.accounts",
    "lampio.spaces",
    "lampio.notifications",
    "lampio.bookings",
    "lampio.offerings",
    "lampio.payments",
    "lampio.seasons",
    "lampio.digital",
    "lampio.feedback",
    "lampio.ideas",
    "lampio.assistant",
    "lampio.surveys",
    "lampio.capability",
    "lampio.insights",
    "lampio.demo",
]

MIDDLEWARE = [
    "lampio.core.middleware.RequestIdMiddleware",
    "lampio.core.forwarded.ForwardedClientMiddleware",
    "lampio.core.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lampio.core.audit_context.AuditContextMiddleware",
]

ROOT_URLCONF = "lampio.urls"
WSGI_APPLICATION = "lampio.wsgi.application"
ASGI_APPLICATION = "lampio.asgi.application"
FORM_RENDERER = "lampio.core.form_rendering.PlainFormRenderer"  # forms written in Python
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lampio" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lampio.core.context_processors.display_preferences",
                "lampio.tenancy.context_processors.current_municipality",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite is the embedded default; PostgreSQL (DATABASE_URL=postgres://...) is production.
DATABASES = {
    "default": database_settings.default_database(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'lampio.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        prepared_statements=env_bool("DATABASE_PREPARED_STATEMENTS", True),  # decision 0022
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, channels, jobs --------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = redis_settings.caches(
    REDIS_URL,
    timeout=env_float("LAMPIO_REDIS_TIMEOUT", 0.5),
    retry_seconds=env_float("LAMPIO_REDIS_RETRY_SECONDS", 30),
)
SESSION_ENGINE = "django.contrib.sessions.backends.db"

CHANNEL_LAYERS = redis_settings.channel_layers(REDIS_URL)
# Insights: counts of fewer people than this are never shown; measures may raise it.
LAMPIO_INSIGHTS_THRESHOLD = max(3, env_int("LAMPIO_INSIGHTS_THRESHOLD", 5))
# Live events gather this long before one frame goes to every socket of a session.
LAMPIO_LIVE_BATCH_MS = env_int("LAMPIO_LIVE_BATCH_MS", 100)

# Jobs: the database backend by default (`manage.py db_worker` runs them; `make demo` starts
# one); production sets LAMPIO_TASKS_BACKEND=django_tasks_rq.RQBackend to run them on Redis.
# Tests run them inline (conftest).
TASKS_BACKEND = os.environ.get("LAMPIO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = redis_settings.tasks(TASKS_BACKEND)
if TASKS_BACKEND == redis_settings.RQ_BACKEND:
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = redis_settings.rq_queues(REDIS_URL)

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

ACCOUNT_ADAPTER = "lampio.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# WebAuthn is left out until its templates work under our CSP (they rely on inline scripts).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "Lämpiö"
# Staff roles must have a second factor before they reach the staff area or the admin.
# The embedded demo turns this off (`make demo` sets LAMPIO_STAFF_MFA=0) so that the
# documented demo logins work without an authenticator app; see docs/decisions.
LAMPIO_STAFF_MFA_REQUIRED = env_bool("LAMPIO_STAFF_MFA", True)

# Strong identification (Suomi.fi-style) through a generic OpenID Connect provider.
OIDC_SERVER_URL = os.environ.get("LAMPIO_OIDC_SERVER_URL", "")
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, object]] = {}
if OIDC_SERVER_URL:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("LAMPIO_OIDC_PROVIDER_ID", "suomifi"),
                "name": os.environ.get("LAMPIO_OIDC_NAME", "Suomi.fi"),
                "client_id": os.environ.get("LAMPIO_OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("LAMPIO_OIDC_CLIENT_SECRET", ""),
                "settings": {
                    "server_url": OIDC_SERVER_URL,
                    "token_auth_method": os.environ.get(
                        "LAMPIO_OIDC_TOKEN_AUTH_METHOD", "client_secret_post"
                    ),
                    "oauth_pkce_enabled": True,
                },
            }
        ],
        "OAUTH_PKCE_ENABLED": True,
    }
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False

API_TOKEN_TTL_DAYS = env_int("LAMPIO_API_TOKEN_TTL_DAYS", 30)

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Lämpiö <noreply@lampio.invalid>")
# Text messages: "console" logs them (the demo); see lampio/core/sms.py for the backends.
LAMPIO_SMS_BACKEND = os.environ.get("LAMPIO_SMS_BACKEND", "console")
# The GatewayAPI adapter (LAMPIO_SMS_BACKEND=gatewayapi); see lampio/core/sms_gateway.py.
LAMPIO_SMS_GATEWAY_URL = os.environ.get(
    "LAMPIO_SMS_GATEWAY_URL", "https://gatewayapi.com/rest/mtsms"
)
LAMPIO_SMS_GATEWAY_TOKEN = os.environ.get("LAMPIO_SMS_GATEWAY_TOKEN", "")
LAMPIO_SMS_SENDER = os.environ.get("LAMPIO_SMS_SENDER", "Lampio")
LAMPIO_SMS_GATEWAY_TIMEOUT = env_float("LAMPIO_SMS_GATEWAY_TIMEOUT", 10)
LAMPIO_DOOR_WEBHOOK_TIMEOUT = env_float("LAMPIO_DOOR_WEBHOOK_TIMEOUT", 5)
# Online payment through Paytrail (lampio/payments/providers/paytrail.py); empty URL: off.
# The account and secret default to Paytrail's public test merchant.
LAMPIO_PAYTRAIL_URL = os.environ.get("LAMPIO_PAYTRAIL_URL", "")
LAMPIO_PAYTRAIL_ACCOUNT = os.environ.get("LAMPIO_PAYTRAIL_ACCOUNT", "375917")
LAMPIO_PAYTRAIL_SECRET = os.environ.get("LAMPIO_PAYTRAIL_SECRET", "SAIPPUAKAUPPIAS")
LAMPIO_PAYTRAIL_TIMEOUT = env_float("LAMPIO_PAYTRAIL_TIMEOUT", 10)
# The provider's payment page may live on another host than its API: the checkout form is
# allowed to continue there (CSP form-action).
LAMPIO_PAYTRAIL_PAGE_ORIGINS = env_list("LAMPIO_PAYTRAIL_PAGE_ORIGINS", "https://pay.paytrail.com")
# The public address of the site, for links in messages sent by jobs (no request to ask).
LAMPIO_SITE_URL = os.environ.get("LAMPIO_SITE_URL", "http://localhost:8000").rstrip("/")

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Helsinki"
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi",)
LANGUAGE_COOKIE_SECURE = env_bool("LAMPIO_HTTPS", False)
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "lampio" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("LAMPIO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Files only a permission-checking view hands out (captions of recordings); never under /media/.
LAMPIO_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("LAMPIO_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private")
)
HTTPS = env_bool("LAMPIO_HTTPS", False)
# Hashed, compressed static files (cache forever) need `collectstatic` first, so they are the
# production default; the demo and the tests serve the plain files.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("LAMPIO_MANIFEST_STATIC", HTTPS)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env_bool("LAMPIO_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Providers stream from their own hosts: list them (e.g. "https://stream.example.fi") so the
# browser may play them; hls.js fetches segments (connect-src) and plays them from blob: URLs.
LAMPIO_STREAM_HOSTS = env_list("LAMPIO_STREAM_HOSTS", "")

# No inline scripts or styles anywhere: every script and stylesheet is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("LAMPIO_CSP_IMG_EXTRA", "")],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *LAMPIO_STREAM_HOSTS],
        "media-src": ["'self'", "blob:", *LAMPIO_STREAM_HOSTS],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'", *env_list("LAMPIO_CSP_FORM_ACTION_EXTRA", "")],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Rate limits ----------------------------------------------------------------------------
RATELIMIT_ENABLE = env_bool("LAMPIO_RATELIMIT", True)
RATELIMIT_USE_CACHE = "default"
# A cache that cannot count must refuse, not wave through (django-ratelimit's default, made
# explicit); the resilient Redis cache keeps counting per process, so the site stays usable.
RATELIMIT_FAIL_OPEN = False
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = os.environ.get("LAMPIO_LOG_LEVEL", "INFO")
LOGGING = logging_config(level=LOG_LEVEL, fmt=os.environ.get("LAMPIO_LOG_FORMAT", "json"))

# --- Lämpiö ---------------------------------------------------------------------------------
LAMPIO_DEMO = env_bool("LAMPIO_DEMO", False)
# Uploaded photos are served by Django unless a reverse proxy serves MEDIA_ROOT itself.
LAMPIO_SERVE_MEDIA = env_bool("LAMPIO_SERVE_MEDIA", True)
# Map tiles are configured per deployment; without a URL the pages show lists and addresses.
LAMPIO_MAP_TILE_URL = os.environ.get("LAMPIO_MAP_TILE_URL", "")
LAMPIO_MAP_ATTRIBUTION = os.environ.get("LAMPIO_MAP_ATTRIBUTION", "")
# A writer's contact details are kept this long after their feedback was closed, then erased;
# the message itself stays, anonymous, for the city's records and statistics.
LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS = env_int("LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS", 365)

# The service assistant answers only when its best match scores at least THRESHOLD and leads the
# runner-up by MARGIN; both were chosen from the development set's accuracy/coverage curve
# (benchmarks/bench_assistant.py prints it). Questions asked are kept for review this long.
LAMPIO_ASSISTANT_THRESHOLD = env_float("LAMPIO_ASSISTANT_THRESHOLD", 0.15)
LAMPIO_ASSISTANT_MARGIN = env_float("LAMPIO_ASSISTANT_MARGIN", 0.02)
LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS = env_int("LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS", 180)
# Retention periods in days of the personal data the daily anonymisation sweep handles; the
# register that uses them, and why each is as long as it is, is lampio/retention_policy.py.
LAMPIO_RETENTION_BOOKING_DAYS = env_int("LAMPIO_RETENTION_BOOKING_DAYS", 730)
LAMPIO_RETENTION_WAITLIST_DAYS = env_int("LAMPIO_RETENTION_WAITLIST_DAYS", 30)
LAMPIO_RETENTION_ENROLMENT_DAYS = env_int("LAMPIO_RETENTION_ENROLMENT_DAYS", 365)
LAMPIO_RETENTION_GROUP_ORDER_DAYS = env_int("LAMPIO_RETENTION_GROUP_ORDER_DAYS", 730)
LAMPIO_RETENTION_APPLICATION_DAYS = env_int("LAMPIO_RETENTION_APPLICATION_DAYS", 730)
# Seven years: the Accounting Act keeps vouchers six years after the end of the financial year.
LAMPIO_RETENTION_ORDER_DAYS = env_int("LAMPIO_RETENTION_ORDER_DAYS", 2557)
LAMPIO_RETENTION_CHAT_DAYS = env_int("LAMPIO_RETENTION_CHAT_DAYS", 90)
LAMPIO_RETENTION_MESSAGE_DAYS = env_int("LAMPIO_RETENTION_MESSAGE_DAYS", 180)
LAMPIO_RETENTION_REPORT_DAYS = env_int("LAMPIO_RETENTION_REPORT_DAYS", 365)
LAMPIO_RETENTION_INACTIVE_ACCOUNT_DAYS = env_int("LAMPIO_RETENTION_INACTIVE_ACCOUNT_DAYS", 1095)
LAMPIO_RETENTION_AUDIT_LOG_DAYS = env_int("LAMPIO_RETENTION_AUDIT_LOG_DAYS", 1825)
