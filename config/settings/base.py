"""Kiosk settings, read from the environment.

Every value has a safe development default, so a fresh checkout runs with
SQLite and a file cache under var/cache that every process shares.
Production sets DJANGO_DEBUG=false, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL and REDIS_URL.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
KIOSK_DIR = BASE_DIR / "kiosk"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    default="django-insecure-development-only-never-use-in-production",
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "kiosk.accounts",
    "kiosk.images",
    "kiosk.galleries",
    "kiosk.news",
    "kiosk.newsroom",
    "kiosk.pagecache",
    "kiosk.comments",
    "kiosk.moderation",
    "kiosk.donations",
    "kiosk.security",
    "kiosk.background",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Where a reader is logged in, so they (and the deletion of their account) can end every session.
    "allauth.usersessions",
    "ninja",
    # django-csp: its system checks (the middleware is Kiosk's subclass below).
    "csp",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: it takes over keeping Wagtail's search index current (kiosk.search.signals).
    "kiosk.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
# The demo newsroom (manage.py load_demo) is installed only where it is wanted: in
# development by default, never in production unless asked for.
KIOSK_DEMO = env.bool("KIOSK_DEMO", default=DEBUG)
if KIOSK_DEMO:
    INSTALLED_APPS.append("kiosk.demo")

MIDDLEWARE = [
    # The request's id on every log line it causes, and in the response (X-Request-ID).
    "kiosk.background.logs.RequestIdMiddleware",
    # /healthz and /readyz, before the HTTPS redirect, the host check and everything else.
    "kiosk.background.middleware.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache: a page replayed from the cache gets today's policy.
    "kiosk.security.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves anonymous readers from the page cache before sessions or
    # language activation cost anything.
    "kiosk.pagecache.middleware.PageCacheMiddleware",
    "kiosk.newsroom.middleware.ReaderLanguageMiddleware",
    "kiosk.newsroom.middleware.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A RateLimited raised anywhere (a login throttled mid-form) becomes a 429 page.
    "kiosk.security.ratelimits.RateLimitMiddleware",
    "kiosk.security.logins.KnownDeviceMiddleware",
    "kiosk.accounts.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [KIOSK_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "kiosk.accounts.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kiosk.newsroom.context_processors.newsroom",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and a writer work at once; IMMEDIATE avoids
    # "database is locked" when two writers upgrade their locks together.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"),
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis, counting rate limits in one round trip (kiosk.pagecache.rediscache).
            "BACKEND": "kiosk.pagecache.rediscache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kiosk",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kiosk-renditions",
            "TIMEOUT": 60 * 60 * 24 * 7,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    # Shared by every process on the machine (server, scheduler, task worker), so
    # a publish in one retires what the others cache: Django's file cache, tuned
    # for this (kiosk.pagecache.filecache). `make clean` throws it away with var/.
    KIOSK_CACHE_DIR = Path(env("KIOSK_CACHE_DIR", default=str(BASE_DIR / "var" / "cache")))
    CACHES = {
        "default": {
            "BACKEND": "kiosk.pagecache.filecache.FileCache",
            "LOCATION": str(KIOSK_CACHE_DIR / "default"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "renditions": {
            "BACKEND": "kiosk.pagecache.filecache.FileCache",
            "LOCATION": str(KIOSK_CACHE_DIR / "renditions"),
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
    # Read from the shared cache, written to the database as well: a logged-in page costs
    # no session query, and throwing the cache away logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One backend: everyone logs in through allauth's form (its limits, its 2FA
# step), readers by e-mail, staff by username or e-mail. Django's ModelBackend
# would let readers in by their usernames, which come from their public names.
AUTHENTICATION_BACKENDS = ["kiosk.accounts.backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Readers see Swiss Standard German by default; English and French are
# reached through a URL prefix (/en/, /fr/) so every page stays cacheable.
LANGUAGE_CODE = "de-ch"
LANGUAGES = [("de-ch", _("German")), ("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [KIOSK_DIR / "locale"]
# The language the newsroom writes in (BCP 47). /en/ and /fr/ translate the interface only, so
# articles, teasers and comments carry this as their lang attribute, the page the reader's.
KIOSK_CONTENT_LANGUAGE = env("KIOSK_CONTENT_LANGUAGE", default="de-CH")
TIME_ZONE = "Europe/Zurich"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [KIOSK_DIR / "static"]
MEDIA_URL = "/media/"
# Uploaded images are served by Django itself in development and in the
# browser tests; production serves /media/ from the proxy or a CDN.
KIOSK_SERVE_MEDIA = env.bool("KIOSK_SERVE_MEDIA", default=DEBUG)
MEDIA_ROOT = env.path("KIOSK_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "kiosk.newsroom.staticfiles.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30 if not DEBUG else 0

# Wagtail
WAGTAIL_SITE_NAME = env("KIOSK_SITE_NAME", default="Kiosk")
# The newsroom's public address (scheme and host, no path): every absolute link in
# mails, feeds and sitemaps, and the purges, take it instead of a request's Host.
KIOSK_BASE_URL = env("KIOSK_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = KIOSK_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "images.KioskImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Wagtail's search index in the database: PostgreSQL's full-text search with German stemming
# ("Wahlen" finds "Wahl"), SQLite's FTS5 in the embedded default (words as written). Not updated
# on every save: kiosk.search enqueues a task on commit (publish, unpublish, move, delete).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend (kiosk.search.backends: one query made cheaper on PostgreSQL).
        "BACKEND": "kiosk.search.backends",
        "AUTO_UPDATE": False,
        **({"SEARCH_CONFIG": "german"} if DATABASES["default"]["ENGINE"].endswith("postgresql") else {}),
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("fr", "Français")]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "csv", "docx", "xlsx"]
TAGGIT_CASE_INSENSITIVE = True

# Purging: Kiosk's own page cache always, plus a shared HTTP cache in front
# (Varnish, nginx) when KIOSK_FRONTEND_CACHE_URL is set.
WAGTAILFRONTENDCACHE = {
    "pagecache": {"BACKEND": "kiosk.pagecache.backends.PageCacheBackend"},
}
if env("KIOSK_FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("KIOSK_FRONTEND_CACHE_URL"),
    }

# How long anonymous article and section pages may be kept, by us and by a
# shared cache. Publishing purges them earlier.
KIOSK_PAGE_CACHE_SECONDS = env.int("KIOSK_PAGE_CACHE_SECONDS", default=300)
KIOSK_PAGE_CACHE_ENABLED = env.bool("KIOSK_PAGE_CACHE_ENABLED", default=True)

# Background tasks through the django.tasks API (the django-tasks backport; Wagtail's
# purges and reference-index updates are tasks too). KIOSK_TASKS picks the backend:
#   db         the embedded default: rows in the database, run by `manage.py worker`
#              (django-tasks-db's db_worker), which `make run` starts beside the server;
#   rq         at scale: RQ queues in Redis (REDIS_URL), run by `manage.py worker` on each
#              worker machine (an RQ worker with its scheduler, for deferred retries);
#   immediate  run inside the process that enqueues them (tests, one-off scripts).
KIOSK_TASKS = env("KIOSK_TASKS", default="db")
if KIOSK_TASKS == "db":
    TASKS = {
        "default": {
            "BACKEND": "kiosk.background.backends.DatabaseBackend",
            "OPTIONS": {
                # A purge empties the page cache; were that cache in each process's memory
                # (a LocMemCache set by hand), it would have to run where it was enqueued.
                "in_process": (
                    ["wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"]
                    if CACHES["default"]["BACKEND"].endswith("LocMemCache")
                    else []
                ),
            },
        }
    }
elif KIOSK_TASKS == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("KIOSK_TASKS=rq needs REDIS_URL")
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif KIOSK_TASKS == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(f"KIOSK_TASKS must be db, rq or immediate, not {KIOSK_TASKS!r}")
# What the clock (`manage.py clock`, `manage.py worker --with-clock`) enqueues, every so many seconds.
KIOSK_PERIODIC_TASKS = {
    # Wagtail's scheduled publishing and expiry ("go live at", "expire at").
    "kiosk.news.tasks.publish_scheduled": 60,
    "kiosk.background.tasks.prune_task_results": 60 * 60,
    # Mail the subscribed moderators when the queue needs them (at most every quarter hour).
    "kiosk.moderation.tasks.alert_moderators": 60,
    "kiosk.donations.tasks.events_waiting_retry": 5 * 60,
    # Proof that a worker runs tasks, for /readyz.
    "kiosk.background.tasks.heartbeat": 60,
}
# /readyz: a worker whose last heartbeat is older than this many seconds counts as gone (three
# missed beats), and each check of Redis waits at most KIOSK_HEALTH_TIMEOUT seconds.
KIOSK_HEARTBEAT_MAX_AGE = env.int("KIOSK_HEARTBEAT_MAX_AGE", default=180)
KIOSK_HEALTH_TIMEOUT = env.float("KIOSK_HEALTH_TIMEOUT", default=2.0)
# Successful task results are forgotten after this many days; failed ones stay until staff act.
KIOSK_TASK_RESULTS_DAYS = env.int("KIOSK_TASK_RESULTS_DAYS", default=14)
# A task "running" longer than this is listed with the failed ones: its worker probably died.
KIOSK_TASK_STUCK_MINUTES = env.int("KIOSK_TASK_STUCK_MINUTES", default=30)

# Production sends by SMTP: EMAIL_URL=smtp+tls://user:password@mail.example:587
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# Every mail is rendered where it is sent and delivered by a task (kiosk.background.mail),
# through the backend chosen above, retried a few times when the mail server is away.
KIOSK_EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "kiosk.background.mail.TaskEmailBackend"
EMAIL_FILE_PATH = env("KIOSK_EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="redaktion@kiosk.example")

# Production hardening; all on when DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Off only for a production-like server on plain http (the browser tests).
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview shows our own pages in a frame of the admin.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Content-Security-Policy (django-csp, kiosk.security.middleware). Reader pages
# are served whole from the page cache, the same bytes to every reader, so a
# nonce would be shared by all: reader pages carry no inline script or style
# at all and need none. JSON-LD is a data block, which the policy allows.
# data: images are the CSS icons and the authenticator app's QR code.
# Click-to-load embeds frame only these players (kiosk.news.blocks); any
# other embed offers the link to its source.
KIOSK_EMBED_FRAME_SOURCES = env.list(
    "KIOSK_EMBED_FRAME_SOURCES",
    default=["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
)
KIOSK_CSP_REPORT_URL = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'report-sample'"],
        "style-src": ["'self'", "'report-sample'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *KIOSK_EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # As X_FRAME_OPTIONS: Wagtail's live preview frames our own pages.
        "frame-ancestors": ["'self'"],
        "report-uri": [KIOSK_CSP_REPORT_URL],
        # The Reporting API's name for the endpoint in the Reporting-Endpoints header.
        "report-to": "csp",
    },
}
# What the Wagtail admin (/admin/) needs on top, and nothing more (found by
# loading its pages under the strict policy): its choosers and date fields
# write inline <script>s, and the rich-text editor (Draft.js) inserts <style>
# elements. Inline style attributes stay blocked there too. Admin pages are
# never cached, and only staff open them.
KIOSK_CSP_ADMIN_ALLOWANCES = {
    "script-src": ["'unsafe-inline'"],
    "style-src-elem": ["'self'", "'unsafe-inline'"],
}
# No request leaves the site from the admin either: no Gravatar pictures of the
# editors, no version check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Editors type and read Swiss dates in the admin (13.09.2023 10:36), in Europe/Zurich, in every
# admin language: Wagtail's pickers write these (strftime patterns), config/formats reads them back.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
FORMAT_MODULE_PATH = ["config.formats"]
# Permissions-Policy: what a news site never uses is off for it and for every
# frame in it; embedded players may still go full screen.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": KIOSK_EMBED_FRAME_SOURCES,
    "fullscreen": ["self", *KIOSK_EMBED_FRAME_SOURCES],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": KIOSK_EMBED_FRAME_SOURCES,
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# Every line with its request's id (kiosk.background.logs); `json` for a log collector in
# production (one JSON object per line: time, level, logger, message, request_id), else text.
KIOSK_LOG_FORMAT = env("KIOSK_LOG_FORMAT", default="text")
# Error reports (kiosk.background.errors): off without a DSN; performance traces off unless sampled.
SENTRY_DSN = env("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="production")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "kiosk.background.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if KIOSK_LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
    "loggers": {
        "kiosk": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Which task each request enqueued, under the request's id: a line per task, for the log
        # collector (JSON); the text console of `make run` and the benchmarks stays readable.
        "kiosk.tasks": {
            "handlers": ["console"],
            "level": "INFO" if KIOSK_LOG_FORMAT == "json" else "WARNING",
            "propagate": False,
        },
    },
}

# Modern image formats offered in <picture>, best first; JPEG is always the
# fallback. AVIF is smaller still but costs ~0.5–1 s per rendition to encode,
# so it is opt-in: KIOSK_IMAGE_FORMATS=avif,webp
KIOSK_IMAGE_FORMATS = env.list("KIOSK_IMAGE_FORMATS", default=["webp"])

# Reader accounts (django-allauth): e-mail and password, verified by e-mail.
# Staff log in here too, by username or e-mail (kiosk.accounts.forms.LoginForm
# keeps usernames for staff: readers' usernames come from their public names).
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth counts attempts in the cache (Redis when REDIS_URL is set) and
# answers 429 beyond these.
ACCOUNT_RATE_LIMITS = {
    # allauth counts "login" attempts per IP. Wrong passwords are Kiosk's own
    # KIOSK_RATE_LIMITS["login_failed"] below; allauth's "login_failed" only
    # counts wrong second-factor codes, after a right password.
    "login": env("KIOSK_RATE_LOGIN", default="30/m/ip"),
    "login_failed": env("KIOSK_RATE_MFA_FAILED", default="10/m/ip,5/5m/key"),
    "signup": env("KIOSK_RATE_SIGNUP", default="20/h/ip"),
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
ACCOUNT_ADAPTER = "kiosk.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "kiosk.accounts.forms.SignupForm", "login": "kiosk.accounts.forms.LoginForm"}
ACCOUNT_USER_DISPLAY = "kiosk.accounts.adapter.user_display"

# Two-factor authentication (allauth.mfa, /konto/2fa/): an authenticator app
# with recovery codes, open to every account. The Wagtail admin has no login
# of its own: staff log in above, with the same limits and the same 2FA step.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Second-factor secrets are stored encrypted with this key (kiosk.accounts.mfa).
# Set it once in production and keep it: a new key invalidates every app.
MFA_ADAPTER = "kiosk.accounts.mfa.MFAAdapter"
KIOSK_MFA_SECRET_KEY = env("KIOSK_MFA_SECRET_KEY", default="")
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_LOGIN_URL = "account_login"
# One way to reset a password (allauth's, rate-limited) and to change an
# address (allauth's, verified): an address only an admin can set is trusted.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# On, everyone who may use the admin must set up an authenticator app before
# the admin opens (kiosk.accounts.middleware). Production should turn it on.
KIOSK_STAFF_REQUIRE_2FA = env.bool("KIOSK_STAFF_REQUIRE_2FA", default=False)

# Reader comments. Rates are "<count>/<seconds>" per account and per IP
# address, counted in the cache (Redis when REDIS_URL is set).
KIOSK_COMMENT_MAX_LENGTH = env.int("KIOSK_COMMENT_MAX_LENGTH", default=2000)
KIOSK_COMMENTS_PER_PAGE = env.int("KIOSK_COMMENTS_PER_PAGE", default=20)
# The same text from the same reader on the same article within this time is stored once.
KIOSK_COMMENT_DUPLICATE_SECONDS = env.int("KIOSK_COMMENT_DUPLICATE_SECONDS", default=3600)
# What every new comment passes, in order (kiosk.comments.checks): a newsroom adds its own here.
KIOSK_COMMENT_CHECKS = env.list(
    "KIOSK_COMMENT_CHECKS",
    default=[
        "kiosk.comments.checks.window",
        "kiosk.moderation.checks.banned_words",
        "kiosk.moderation.checks.suspect_words",
        "kiosk.comments.checks.links",
        # Last: publishes at once (post-moderation, trusted authors) only what no check before held.
        "kiosk.moderation.checks.publish_at_once",
    ],
)
# Site-wide pauses of commenting (kiosk.comments.rules.Pause): outside the staffed hours.
KIOSK_COMMENT_PAUSES = env.list(
    "KIOSK_COMMENT_PAUSES",
    default=["kiosk.moderation.checks.desk_pause", "kiosk.moderation.checks.back_pressure"],
)
# Back-pressure (kiosk.moderation.queue): new comments pause while this many wait, or while the
# oldest has waited this long (0: no limit), site-wide or only on the busiest articles.
KIOSK_BACK_PRESSURE_MAX_PENDING = env.int("KIOSK_BACK_PRESSURE_MAX_PENDING", default=0)
KIOSK_BACK_PRESSURE_MAX_WAIT_MINUTES = env.int("KIOSK_BACK_PRESSURE_MAX_WAIT_MINUTES", default=0)
KIOSK_BACK_PRESSURE_SCOPE = env("KIOSK_BACK_PRESSURE_SCOPE", default="site")  # "site" or "busiest"
# Moderators who asked for it get an e-mail when this many wait, or the oldest has waited this long.
KIOSK_QUEUE_ALERT_PENDING = env.int("KIOSK_QUEUE_ALERT_PENDING", default=50)
KIOSK_QUEUE_ALERT_WAIT_MINUTES = env.int("KIOSK_QUEUE_ALERT_WAIT_MINUTES", default=30)
# Post-moderation and trusted authors (kiosk.moderation.publishing): authors whose account is younger
# than KIOSK_NEW_AUTHOR_DAYS, or who had a comment rejected in the last KIOSK_TRUSTED_CLEAN_DAYS, always
# wait for review. Where the site lets trusted authors publish at once, a trusted author has at least
# KIOSK_TRUSTED_MIN_APPROVED comments a moderator approved and an account older than
# KIOSK_TRUSTED_MIN_ACCOUNT_DAYS.
KIOSK_NEW_AUTHOR_DAYS = env.int("KIOSK_NEW_AUTHOR_DAYS", default=7)
KIOSK_TRUSTED_CLEAN_DAYS = env.int("KIOSK_TRUSTED_CLEAN_DAYS", default=90)
KIOSK_TRUSTED_MIN_APPROVED = env.int("KIOSK_TRUSTED_MIN_APPROVED", default=10)
KIOSK_TRUSTED_MIN_ACCOUNT_DAYS = env.int("KIOSK_TRUSTED_MIN_ACCOUNT_DAYS", default=30)
# What a reader must pass to comment, like or report at all (kiosk.comments.checks.reader_refusal).
KIOSK_READER_CHECKS = env.list("KIOSK_READER_CHECKS", default=["kiosk.moderation.checks.blocked_reader"])
# More addresses than this in one comment: held for a moderator with the links marked.
KIOSK_COMMENT_MAX_LINKS = env.int("KIOSK_COMMENT_MAX_LINKS", default=3)
KIOSK_RATE_LIMITS = {
    "comment": {
        "user": env("KIOSK_RATE_COMMENT_USER", default="5/60"),
        "ip": env("KIOSK_RATE_COMMENT_IP", default="30/60"),
    },
    "like": {
        "user": env("KIOSK_RATE_LIKE_USER", default="60/60"),
        "ip": env("KIOSK_RATE_LIKE_IP", default="300/60"),
    },
    "report": {
        "user": env("KIOSK_RATE_REPORT_USER", default="10/60"),
        "ip": env("KIOSK_RATE_REPORT_IP", default="60/60"),
    },
    # Starting a payment (a checkout session at the provider, or a bank-transfer slip).
    "donation": {
        "user": env("KIOSK_RATE_DONATION_USER", default="10/600"),
        "ip": env("KIOSK_RATE_DONATION_IP", default="20/600"),
    },
    # Searches and headline suggestions (kiosk.search, /api/search/headlines): a reader typing makes
    # a few per second at most; beyond this an address is searching for a machine.
    "search": {"ip": env("KIOSK_RATE_SEARCH_IP", default="120/60")},
    # A reader's data export (kiosk.accounts.views.data_export).
    "export": {"user": env("KIOSK_RATE_EXPORT_USER", default="10/3600")},
    # Content-Security-Policy violation reports (kiosk.security.views): beyond this
    # an address's reports are accepted and dropped unlogged.
    "csp_report": {"ip": env("KIOSK_RATE_CSP_REPORT_IP", default="30/60")},
    # Wrong passwords (kiosk.security.logins): per client address, per address and
    # account, and per account; a device that has logged into the account before is
    # counted on its own instead, so a stranger cannot lock the owner out.
    "login_failed": {
        "device_account": env("KIOSK_RATE_LOGIN_FAILED_DEVICE", default="5/300"),
        "ip": env("KIOSK_RATE_LOGIN_FAILED_IP", default="20/900"),
        "ip_account": env("KIOSK_RATE_LOGIN_FAILED_IP_ACCOUNT", default="5/300"),
        "account": env("KIOSK_RATE_LOGIN_FAILED_ACCOUNT", default="30/3600"),
    },
}
KIOSK_RATE_LIMITS_ENABLED = env.bool("KIOSK_RATE_LIMITS_ENABLED", default=True)

# How many proxies of ours stand in front of the application (nginx: 1). Their
# X-Forwarded-For entries name the reader; without them every reader would
# share the proxy's address. Zero trusts no header: REMOTE_ADDR is the client.
KIOSK_TRUSTED_PROXY_COUNT = env.int("KIOSK_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = KIOSK_TRUSTED_PROXY_COUNT

# Reader donations (kiosk.donations). Amounts in CHF: the presets the box offers and the limits of a
# free amount (within 1–5,000, which the database holds; TWINT takes at most 5,000 per payment).
KIOSK_DONATION_AMOUNTS = [int(a) for a in env.list("KIOSK_DONATION_AMOUNTS", default=["5", "15", "25"])]
KIOSK_DONATION_MIN = env.int("KIOSK_DONATION_MIN", default=2)
KIOSK_DONATION_MAX = env.int("KIOSK_DONATION_MAX", default=5000)
# Stripe (card and TWINT). Without a secret key the local test payment page stands in for Stripe
# (kiosk.donations.stand_in): the same library calls, the same signed webhook events, nothing leaves
# the machine. Its webhook secret is then a fixed test value unless set.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
KIOSK_STRIPE_STAND_IN = not STRIPE_SECRET_KEY
STRIPE_WEBHOOK_SECRET = env(
    "STRIPE_WEBHOOK_SECRET", default="whsec_kiosk_stand_in" if KIOSK_STRIPE_STAND_IN else ""
)
# Where the stripe library sends its requests: Stripe itself, or the stand-in's API on this site.
KIOSK_STRIPE_API_BASE = env(
    "KIOSK_STRIPE_API_BASE",
    default=f"{KIOSK_BASE_URL}/testzahlung/api" if KIOSK_STRIPE_STAND_IN else "https://api.stripe.com",
)
# Bank transfers: the publisher's account and address for the Swiss QR-bill (structured address).
# A QR-IBAN (institution id 30000–31999) gets QR references, any other IBAN creditor references (RF…).
KIOSK_DONATION_IBAN = env("KIOSK_DONATION_IBAN", default="CH44 3199 9123 0008 8901 2")
KIOSK_DONATION_CREDITOR = {
    "name": env("KIOSK_DONATION_CREDITOR_NAME", default="Kiosk Medien AG"),
    "street": env("KIOSK_DONATION_CREDITOR_STREET", default="Seestrasse"),
    "house_num": env("KIOSK_DONATION_CREDITOR_HOUSE_NUMBER", default="12"),
    "pcode": env("KIOSK_DONATION_CREDITOR_POSTCODE", default="8000"),
    "city": env("KIOSK_DONATION_CREDITOR_TOWN", default="Zürich"),
    "country": env("KIOSK_DONATION_CREDITOR_COUNTRY", default="CH"),
}
# Digits (up to 8) every payment reference starts with after its check digits (RF) or at its front (QR
# reference): newsrooms sharing one account each take their own, all of the same length. References
# already given are stored and keep matching; a new prefix must keep the old one's length.
KIOSK_DONATION_REFERENCE_PREFIX = env("KIOSK_DONATION_REFERENCE_PREFIX", default="")
