"""Settings for the factcheck workbench, all read from environment variables.

The defaults give the embedded run (`make run`): SQLite and a filesystem Celery broker under
`var/`, a local-memory cache, DEBUG on. Production sets DEBUG=0 and the variables listed in
`.env.example`; see docs/deployment.md.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from celery.schedules import schedule
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default=""):
    """A variable's value; unset or empty gives the default, so that the blank lines of an
    exported .env.example mean "the default" rather than an empty setting."""
    return os.environ.get(name) or default


VAR_DIR = Path(env("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see .env.example).")
    SECRET_KEY = "embedded-run-only-not-secret-" + "x" * 40

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo users with printed passwords exist only where this is on; never in production.
DEMO_MODE = env_bool("DEMO_MODE", DEBUG)

INSTALLED_APPS = [
    "claims.apps.WorkbenchAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "axes",
    "claims",
    "webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: a request too large gets a clear 413, not a bare 400.
    "factcheck.lib.security.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so that cached pages carry the policy too.
    "csp.middleware.CSPMiddleware",
    "factcheck.lib.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The public site's language from its address; the newsroom's from the staff member's profile.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Credits each recorded change (claims, verdicts, evidence, …) to the staff member who made it.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "claims.admin.language.StaffLanguageMiddleware",
    # After messages: a session it ends says why on the login page.
    "factcheck.lib.security.SessionExpiryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.context.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'factcheck.sqlite3'}"
# Connections are kept between requests, and checked before a request reuses one: a database
# restart costs a reconnection, not an error page. A server that does not answer in
# DATABASE_CONNECT_TIMEOUT seconds is reported (503, /readyz/) rather than waited for.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", 60)),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["OPTIONS"] = {"connect_timeout": int(env("DATABASE_CONNECT_TIMEOUT", 5))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that a real Celery worker process started by a test sees the data;
    # one per test run, so that runs side by side do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A cache that does not answer is skipped quickly rather than waited for.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous readers get public pages from the cache for this long, or until anything changes.
# Off without Redis: a per-process cache would not hear of changes made by a Celery worker.
PUBLIC_PAGE_CACHE_SECONDS = int(env("PUBLIC_PAGE_CACHE_SECONDS") or (300 if REDIS_URL else 0))

# --- Auth and sessions ----------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# The admin shows every recorded version of a claim, verdict or piece of evidence, but never
# offers to bring an old one back: a published verdict is not overwritten, it is corrected.
SIMPLE_HISTORY_REVERT_DISABLED = True
# django-axes first: it counts failed logins and refuses any login while locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A session ends at whichever comes first: SESSION_COOKIE_AGE after logging in (however busy),
# SESSION_IDLE_SECONDS without a request, or the browser closing (factcheck/lib/security.py).
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", 60 * 60 * 12))
SESSION_IDLE_SECONDS = int(env("SESSION_IDLE_SECONDS", 60 * 60 * 2))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# Password guessing (django-axes): after LOGIN_FAILURE_LIMIT failed logins for one username from
# one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES (0: until `manage.py axes_reset`).
# Per pair, so that a colleague's typos behind the newsroom's shared address lock out nobody else
# and nobody elsewhere can lock a journalist out.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", 5))
LOGIN_LOCKOUT_MINUTES = int(env("LOGIN_LOCKOUT_MINUTES", 30))
# Staff land on their desk after logging in (the admin's login form says so too).
LOGIN_REDIRECT_URL = "admin:desk"
AXES_COOLOFF_TIME = dt.timedelta(minutes=LOGIN_LOCKOUT_MINUTES) if LOGIN_LOCKOUT_MINUTES else None
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "factcheck.lib.security.lockout_response"
# The client's address behind API_NUM_PROXIES proxies, as the API's throttle reads it.
AXES_CLIENT_IP_CALLABLE = "factcheck.lib.security.client_ip"
AXES_VERBOSE = False  # no banner on every command; failed logins and lockouts are still logged

# --- Internationalisation -------------------------------------------------------------------
# The site's language (its texts and date formats) at the site's root, each other one under its
# code (/ar/, /fr/, /es/); staff pick theirs on their profile (claims.admin.language).
# Catalogues: locale/<code>/LC_MESSAGES/django.po (docs/languages.md says how to add one).
LANGUAGES = [("en-gb", "English"), ("ar", "العربية"), ("fr", "Français"), ("es", "Español")]
LANGUAGE_CODE = env("LANGUAGE_CODE", "en-gb")
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}.")
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", 25))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds the mail server has to answer each step of a send (a hung server must not hold a
# sender past its lease, OUTBOX_LEASE_SECONDS).
EMAIL_TIMEOUT = float(env("EMAIL_TIMEOUT", 20))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "factcheck@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- The newsroom ---------------------------------------------------------------------------
SITE_NAME = env("SITE_NAME", "Factcheck Workbench")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Who publishes the fact checks: the ClaimReview `author` on every verdict page.
ORGANIZATION_NAME = env("ORGANIZATION_NAME") or SITE_NAME
ORGANIZATION_URL = (env("ORGANIZATION_URL") or SITE_URL).rstrip("/")
# How many days before a deadline the reviewer gets a reminder (0 turns reminders off).
DEADLINE_REMINDER_DAYS = int(env("DEADLINE_REMINDER_DAYS", 7))
DEADLINE_SWEEP_SECONDS = int(env("DEADLINE_SWEEP_SECONDS", 300))
# How often beat sends the outbox's e-mails (the sweep also asks for a send when it queued some).
NOTIFICATION_SEND_SECONDS = int(env("NOTIFICATION_SEND_SECONDS", 60))
# The outbox (e-mails and webhook deliveries; docs/operations.md#e-mails-and-webhooks): a sender
# holds the row it sends for OUTBOX_LEASE_SECONDS (after which a sender that died is presumed
# dead and the row is sent again: longer than any send may take), and a send task runs at most
# OUTBOX_RUN_SECONDS, then asks for another run while rows are owed.
OUTBOX_LEASE_SECONDS = int(env("OUTBOX_LEASE_SECONDS", 300))
OUTBOX_RUN_SECONDS = int(env("OUTBOX_RUN_SECONDS", 30))

# --- Article import (factcheck/lib/fetching.py opens every URL) ------------------------------
FETCH_MAX_BYTES = int(env("FETCH_MAX_BYTES", 5 * 1024 * 1024))
# The largest request body read: room for an article of FETCH_MAX_BYTES pasted into the admin's
# form or the API's JSON, whose encoding can triple it (%D8%A7, \u0627); a larger one is refused
# with a 413 that says so (factcheck/lib/security.py), and one in between by the import, with
# the cap.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(
    env("DATA_UPLOAD_MAX_MEMORY_SIZE", 3 * FETCH_MAX_BYTES + 1024 * 1024)
)
FETCH_CONNECT_TIMEOUT = float(env("FETCH_CONNECT_TIMEOUT", 5))
FETCH_READ_TIMEOUT = float(env("FETCH_READ_TIMEOUT", 15))
FETCH_TOTAL_TIMEOUT = float(env("FETCH_TOTAL_TIMEOUT", 60))
FETCH_MAX_REDIRECTS = int(env("FETCH_MAX_REDIRECTS", 5))
# Networks that may be fetched although private or loopback (e.g. 127.0.0.1/32); none by default.
FETCH_ALLOW_PRIVATE_NETWORKS = env_list("FETCH_ALLOW_PRIVATE_NETWORKS")
# An import queued this long with no worker taking it, or running this long with no word from its
# worker, is sent again by resume_imports (its message was lost, or its worker died).
IMPORT_REQUEUE_AFTER_SECONDS = int(env("IMPORT_REQUEUE_AFTER_SECONDS", 120))
IMPORT_STALLED_AFTER_SECONDS = int(
    env("IMPORT_STALLED_AFTER_SECONDS", int(FETCH_TOTAL_TIMEOUT) + 120)
)
# How often beat looks for imports whose work was lost and sends them again.
IMPORT_RESUME_SECONDS = int(env("IMPORT_RESUME_SECONDS", 60))

# --- Link health (claims/evidence/linkcheck.py; see docs/workflow.md#link-health) -------------
# How often beat starts a run, and how much one run does at most: links, and seconds.
LINK_CHECK_SWEEP_SECONDS = int(env("LINK_CHECK_SWEEP_SECONDS", 600))
LINK_CHECK_BATCH_SIZE = int(env("LINK_CHECK_BATCH_SIZE", 100))
LINK_CHECK_TIME_BUDGET_SECONDS = int(env("LINK_CHECK_TIME_BUDGET_SECONDS", 120))
# A link is checked again this long after its last check; after a failure, sooner.
LINK_CHECK_INTERVAL_HOURS = float(env("LINK_CHECK_INTERVAL_HOURS", 24))
LINK_CHECK_RETRY_HOURS = float(env("LINK_CHECK_RETRY_HOURS", 4))
# Failed checks in a row before a link is shown as broken (one failure may be a passing fault).
LINK_CHECK_BROKEN_AFTER = int(env("LINK_CHECK_BROKEN_AFTER", 2))
# At most one link check per host in this many seconds, across all workers (a shared-cache token).
LINK_CHECK_HOST_DELAY_SECONDS = int(env("LINK_CHECK_HOST_DELAY_SECONDS", 5))

# --- Monitored news (claims/intake/feeds.py; see docs/workflow.md#the-re-check) -----------------
# How often beat starts a poll of the feeds due, and how long a run may start requests for.
FEED_POLL_SECONDS = int(env("FEED_POLL_SECONDS", 300))
FEED_TIME_BUDGET_SECONDS = int(env("FEED_TIME_BUDGET_SECONDS", 120))
# A feed is polled again this long after a poll that worked; after failures the wait doubles with
# each one in a row, up to FEED_BACKOFF_MAX_HOURS, and from FEED_FAILING_AFTER failures in a row
# the admin shows it as failing.
FEED_INTERVAL_MINUTES = int(env("FEED_INTERVAL_MINUTES", 15))
FEED_BACKOFF_MAX_HOURS = int(env("FEED_BACKOFF_MAX_HOURS", 24))
FEED_FAILING_AFTER = int(env("FEED_FAILING_AFTER", 3))
# At most one request per host (a feed, or an article found in one) in this many seconds, across
# every worker; and the most new items a poll takes from one feed (the rest wait for the next).
FEED_HOST_DELAY_SECONDS = int(env("FEED_HOST_DELAY_SECONDS", 5))
FEED_ITEMS_PER_POLL = int(env("FEED_ITEMS_PER_POLL", 30))

# --- Evidence snapshots (claims/evidence/snapshots.py) -----------------------------------------
# How often beat takes the snapshots owed, how many a run takes at most and for how long; the
# readable text kept of a page (characters); a failed attempt is tried again after
# SNAPSHOT_RETRY_HOURS, SNAPSHOT_ATTEMPTS times in all.
SNAPSHOT_SWEEP_SECONDS = int(env("SNAPSHOT_SWEEP_SECONDS", 300))
SNAPSHOT_BATCH_SIZE = int(env("SNAPSHOT_BATCH_SIZE", 50))
SNAPSHOT_TIME_BUDGET_SECONDS = int(env("SNAPSHOT_TIME_BUDGET_SECONDS", 120))
SNAPSHOT_MAX_CHARS = int(env("SNAPSHOT_MAX_CHARS", 200_000))
SNAPSHOT_RETRY_HOURS = float(env("SNAPSHOT_RETRY_HOURS", 6))
SNAPSHOT_ATTEMPTS = int(env("SNAPSHOT_ATTEMPTS", 3))

# --- Webhooks (webhooks/; see docs/webhooks.md) ----------------------------------------------
# Attempts per delivery before it is marked failed; the wait after the first failed attempt
# (doubled after each further one) and its ceiling, in seconds.
WEBHOOK_MAX_ATTEMPTS = int(env("WEBHOOK_MAX_ATTEMPTS", 6))
WEBHOOK_RETRY_BASE_SECONDS = int(env("WEBHOOK_RETRY_BASE_SECONDS", 60))
WEBHOOK_RETRY_MAX_SECONDS = int(env("WEBHOOK_RETRY_MAX_SECONDS", 3600))
# How long a receiver has to answer (seconds), and how often beat looks for deliveries due.
WEBHOOK_TIMEOUT = float(env("WEBHOOK_TIMEOUT", 10))
WEBHOOK_SWEEP_SECONDS = int(env("WEBHOOK_SWEEP_SECONDS", 30))

# --- REST API (claims/api/; see docs/api.md) ------------------------------------------------
# Anonymous requests per client address, counted in the default (shared) cache: "120/minute".
API_ANON_THROTTLE_RATE = env("API_ANON_THROTTLE_RATE", "120/minute")
# Items per page of a list, unless the request asks for another `page_size` (at most 100).
API_PAGE_SIZE = int(env("API_PAGE_SIZE", 25))
REST_FRAMEWORK = {
    # Token first, so that a request without credentials is told 401 with `WWW-Authenticate`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["factcheck.lib.parsers.LimitedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Pagination (API_PAGE_SIZE) and the anonymous throttle are set on the views (claims/api/).
    # Client addresses behind this many proxies are read from X-Forwarded-For; none by default.
    # 0 means the connection's own address (DRF reads None as "trust the header as it comes").
    "NUM_PROXIES": int(env("API_NUM_PROXIES") or 0),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} API",
    "DESCRIPTION": "Claims, verdicts and evidence; the newsroom's writes go through the "
    "workflow. See docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the installed sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "VerdictStatusEnum": "claims.models.Verdict.Status",
    },
}

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "celery"
    (_broker_dir / "queue").mkdir(parents=True, exist_ok=True)
    # The scheme names kombu's filesystem transport with whole writes (factcheck/celery.py).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
else:
    # A task whose worker died outright (tasks are acknowledged late) is handed out again after
    # BROKER_VISIBILITY_TIMEOUT seconds: longer than any task runs (each keeps to a time budget),
    # and looked for every few seconds rather than kombu's default of 100.
    _visibility = int(env("BROKER_VISIBILITY_TIMEOUT", 300))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": _visibility,
        "unacked_restore_interval": max(1, min(10, _visibility // 10)),
        "unacked_restore_throttle": 1,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The queue's name (a deployment, or a test, may name its own). E-mails and webhook deliveries
# have a queue each beside it, so that a backlog of either never holds up the sweep; a worker
# reads all three unless told otherwise (`celery worker -Q …`).
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", "factcheck")
MAIL_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}.mail"
WEBHOOK_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}.webhooks"
CELERY_TASK_QUEUES = {name: {} for name in (CELERY_TASK_DEFAULT_QUEUE, MAIL_QUEUE, WEBHOOK_QUEUE)}
CELERY_TASK_ROUTES = {
    "claims.tasks.send_notifications": {"queue": MAIL_QUEUE},
    "claims.tasks.*": {"queue": CELERY_TASK_DEFAULT_QUEUE},
    "webhooks.tasks.*": {"queue": WEBHOOK_QUEUE},
}
CELERY_TIMEZONE = TIME_ZONE
# One entry per periodic job, each a task of its own and a management command of the same name.
CELERY_BEAT_SCHEDULE = {
    "sweep-deadlines": {
        "task": "claims.tasks.sweep_deadlines",
        "schedule": schedule(DEADLINE_SWEEP_SECONDS),
    },
    "send-notifications": {
        "task": "claims.tasks.send_notifications",
        "schedule": schedule(NOTIFICATION_SEND_SECONDS),
    },
    "resume-imports": {
        "task": "claims.tasks.resume_imports",
        "schedule": schedule(IMPORT_RESUME_SECONDS),
    },
    # Sends what is due: retries after their backoff, and any delivery whose message was lost.
    "deliver-webhooks": {
        "task": "webhooks.tasks.deliver_due",
        "schedule": schedule(WEBHOOK_SWEEP_SECONDS),
    },
    # Evidence links due for a check, a bounded batch a run (claims/evidence/linkcheck.py).
    "check-links": {
        "task": "claims.tasks.check_links",
        "schedule": schedule(LINK_CHECK_SWEEP_SECONDS),
    },
    # Monitored news feeds due for a poll, politely, within a time budget (claims/intake/feeds.py).
    "poll-feeds": {
        "task": "claims.tasks.poll_feeds",
        "schedule": schedule(FEED_POLL_SECONDS),
    },
    # Readable copies of evidence pages still owed (claims/evidence/snapshots.py).
    "snapshot-evidence": {
        "task": "claims.tasks.snapshot_evidence",
        "schedule": schedule(SNAPSHOT_SWEEP_SECONDS),
    },
}

# --- Production hardening (DEBUG off) -------------------------------------------------------
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp), in DEBUG too so that a developer sees a violation at
# once: scripts, styles, fonts and images from this site only, never inline. See
# docs/deployment.md for why each source is there.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
