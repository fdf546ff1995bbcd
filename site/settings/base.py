"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "accounts",
    "home",
    "policy",
    "privacy_requests",
    "personal_information",
    "incidents",
    "works",
    "creators",
    "pages",
    "contact",
    "news",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (static files come pre-compressed), above everything that writes the body.
    "home.compression.PublicGZipMiddleware",
    # Above sessions, CSRF and authentication: it sees what they added to the response.
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The site and its root page from the shared cache (home.site_structure).
    "home.site_middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.AdminSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Second factor required by role (accounts.second_factor): nothing but enrolment before it.
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "policy.middleware.PolicyPublishRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the preview framed by the admin only (home.security).
    "home.security.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "studio.urls"
WSGI_APPLICATION = "studio.wsgi.application"
AUTH_USER_MODEL = "home.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Widgets render with the project's templates too: the admin's date widgets carry the CSP nonce
# (templates/wagtailadmin/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite by default (no server to install); DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

# Local memory by default; Redis when REDIS_URL is set (shared by every app server). The Redis
# backend survives an outage (home.resilient_cache): pages are then served uncached. Renditions
# have their own alias, so a flood of page entries never evicts them.
if os.environ.get("REDIS_URL"):
    _redis = {
        "BACKEND": "home.resilient_cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    _prefix = os.environ.get("CACHE_KEY_PREFIX", "allin")
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": _prefix},
        "renditions": {**_redis, "KEY_PREFIX": f"{_prefix}:renditions", "TIMEOUT": 24 * 3600},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }

# The page cache (home.page_cache): anonymous pages kept in the cache above and by the CDN for
# PAGE_CACHE_SECONDS (`s-maxage`), purged after every change that alters them (home.purge).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() not in ("off", "false", "0")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "30"))


def frontend_cache_from_environment(env):
    """The CDN that home.purge tells about every change (wagtail.contrib.frontend_cache)."""
    kind = env.get("FRONTEND_CACHE", "").lower()
    hostnames = [h.strip() for h in env.get("FRONTEND_CACHE_HOSTNAMES", "").split(",") if h.strip()]
    extra = {"HOSTNAMES": hostnames} if hostnames else {}
    backends = "wagtail.contrib.frontend_cache.backends."
    if kind == "cloudflare":
        return {
            "cloudflare": {
                "BACKEND": backends + "CloudflareBackend",
                "ZONEID": env["CLOUDFLARE_ZONE_ID"],
                "BEARER_TOKEN": env["CLOUDFLARE_API_TOKEN"],
                **extra,
            }
        }
    if kind == "cloudfront":
        return {
            "cloudfront": {
                "BACKEND": backends + "CloudfrontBackend",
                "DISTRIBUTION_ID": env["CLOUDFRONT_DISTRIBUTION_ID"],
                **extra,
            }
        }
    if kind == "http" or env.get("FRONTEND_CACHE_URL"):  # Varnish, nginx: a PURGE request
        return {
            "http": {
                "BACKEND": backends + "HTTPBackend",
                "LOCATION": env["FRONTEND_CACHE_URL"],
                **extra,
            }
        }
    return {}


WAGTAILFRONTENDCACHE = frontend_cache_from_environment(os.environ)
# Each language's URL is purged as it is: never every URL again under each language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []


# Only staff have passwords here, and they open personal data: 12 characters at least.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): 5 failures lock the account (from every address) and the
# address (for every account) for 30 minutes, whatever the password; a Privacy officer can unlock
# (Settings → Locked sign-ins). Counted in the database, so every app server sees the same count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_address"  # the address the rate limits use
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"  # the message in the admin's language
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not personal data we need to keep
AXES_VERBOSE = False  # no banner on stdout at start (commands print their own output)
AXES_SENSITIVE_PARAMETERS = []  # the log names the account and address (never the password)
# Password reset (accounts.views): requests per address per hour (more are refused, 429), and
# reset emails per account per hour, whatever the address (more are withheld, the answer unchanged).
PASSWORD_RESET_RATE_LIMIT = (3, 3600)
PASSWORD_RESET_ACCOUNT_RATE_LIMIT = (3, 3600)
# Two-step verification (django-otp): TOTP apps and single-use recovery codes.
OTP_TOTP_ISSUER = "ALLIN STUDIO"

# Admin sessions end after a working day without an admin request (accounts.middleware); a
# password change ends every other session of that user (Django's session auth hash; Wagtail
# keeps the current one).
ADMIN_SESSION_IDLE_SECONDS = 8 * 60 * 60
# Staff avatars are not fetched from a third party (Gravatar would learn who works in the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Internationalisation: Japanese first, English second; both prefixed in URLs.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "日本語"), ("en", "English")]
# Set in the browser by static/js/language.js: `/` returns a visitor to their language.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, whatever the source's live status: it is not translated
# yet, and a policy translation goes live only through Legal approval (policy.gate).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
# The admin shows every date and time in Japan time: no per-user zone to choose (home.admin_time).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Django's default. A post with more fields is refused (400) before any form code runs, which
# bounds the work a single request can cause. The public forms send under 60 fields (the entry
# form with every checkbox ticked); the largest admin form, a work page, sends about 60 fixed
# fields, about 8 per body block and 6 per credit, so 1,000 leaves room for some 100 blocks.
# Wagtail's project template raises it to 10,000 for very long streams; none here needs that.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ALLIN STUDIO <no-reply@allhero.co.jp>")
# Where entry and privacy-request notifications go (the Article 9 inquiry window).
STUDIO_NOTIFY_EMAIL = os.environ.get("STUDIO_NOTIFY_EMAIL", "filmproduction@allhero.co.jp")

# Background work (emails). Immediate in development and tests; the database queue in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "ALLIN STUDIO"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# Uploads: 20 MB and 50 megapixels at most (a decompression bomb is refused before it is
# decoded), raster formats only (an SVG can carry script). Renditions never carry the
# original's EXIF (GPS included); the original file is kept as uploaded, for staff only.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Content security policy for the public site; the admin and Wagtail's preview get their own
# (home.security: the admin's inline scripts carry a nonce, a preview may be framed by the admin).
# Nothing on the public site loads from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview overrides this for its own iframe

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line goes through one handler that masks email addresses and link tokens
    # (home.masking); Django's own loggers propagate to it instead of their default handlers.
    "filters": {"mask_personal_data": {"()": "home.masking.MaskPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_personal_data"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        **{
            name: {"level": os.environ.get("LOG_LEVEL_LIBRARIES", "WARNING")}
            for name in ("wagtail", "django_tasks", "django_tasks_db", "modelsearch", "axes")
        },
    },
}

SITE_NAME = _("ALLIN STUDIO")

# The page type the home page features (home/models.py); home imports no other app.
FEATURED_WORK_PAGE_TYPE = "works.WorkPage"
