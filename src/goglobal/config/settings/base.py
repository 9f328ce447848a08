"""Settings read once from the environment; defaults are the safe production values.

There is no production.py: production is this module plus its environment. See
docs/configuration.md for every variable.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

env = environ.Env()

PACKAGE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(env.str("GOGLOBAL_DATA_DIR", default=str(Path.cwd() / ".data")))

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("GOGLOBAL_DB_CONN_MAX_AGE", default=60)
    # A persistent connection is checked before reuse, so a database restart costs one
    # failed request per process instead of a process restart.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_rq",
    "django_rq",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "goglobal.core",
    "goglobal.accounts",
    "goglobal.knowledge",
    "goglobal.enterprises",
    "goglobal.providers",
    "goglobal.imports",
    "goglobal.matching",
    "goglobal.roadmaps",
    "goglobal.cases",
    "goglobal.events",
    "goglobal.delegations",
    "goglobal.analytics",
    "goglobal.privacy",
    "goglobal.demo",
]

MIDDLEWARE = [
    "goglobal.core.middleware.RequestLogMiddleware",
    "goglobal.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "goglobal.core.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "goglobal.core.text_input.TextInputMiddleware",
    "goglobal.core.signed_links.ExpiredLinkMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "goglobal.accounts.middleware.SessionTimeoutMiddleware",
    "goglobal.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "goglobal.config.urls"
WSGI_APPLICATION = "goglobal.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "goglobal.accounts.context_processors.navigation",
                "goglobal.core.context_processors.cache_versions",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {
        # Our users have an email and a full name, not Django's first and last names.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "full_name"]},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},  # ASVS 2.1.1
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "core:landing"

# Signing in (docs/security.md): failures allowed per account and per address within the
# lockout window, after which both are refused until the window has passed.
GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT = env.int("GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT", default=5)
GOGLOBAL_LOGIN_FAILURES_PER_ADDRESS = env.int("GOGLOBAL_LOGIN_FAILURES_PER_ADDRESS", default=20)
GOGLOBAL_LOGIN_LOCKOUT_SECONDS = env.int("GOGLOBAL_LOGIN_LOCKOUT_SECONDS", default=15 * 60)
GOGLOBAL_RESET_REQUESTS_PER_HOUR = env.int("GOGLOBAL_RESET_REQUESTS_PER_HOUR", default=10)
# Proxies whose X-Forwarded-For is believed for the client's address (nginx on the same host).
GOGLOBAL_TRUSTED_PROXIES = env.list("GOGLOBAL_TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
GOGLOBAL_SIGNUPS_PER_HOUR = env.int("GOGLOBAL_SIGNUPS_PER_HOUR", default=5)
GOGLOBAL_EMAIL_VERIFY_SECONDS = env.int("GOGLOBAL_EMAIL_VERIFY_SECONDS", default=48 * 3600)
PASSWORD_RESET_TIMEOUT = env.int("GOGLOBAL_PASSWORD_RESET_SECONDS", default=3600)
# Sessions: signed out after this many idle minutes (staff, members) and after SESSION_COOKIE_AGE.
GOGLOBAL_SESSION_IDLE_MINUTES_STAFF = env.int("GOGLOBAL_SESSION_IDLE_MINUTES_STAFF", default=30)
GOGLOBAL_SESSION_IDLE_MINUTES = env.int("GOGLOBAL_SESSION_IDLE_MINUTES", default=120)
SESSION_COOKIE_AGE = env.int("GOGLOBAL_SESSION_MAX_HOURS", default=12) * 3600
OTP_TOTP_ISSUER = "GoGlobal Connect"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("zh-hant", "繁體中文")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Hong_Kong"
LANGUAGE_COOKIE_NAME = "goglobal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env.str("GOGLOBAL_STATIC_ROOT", default=str(DATA_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("GOGLOBAL_MEDIA_ROOT", default=str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "GOGLOBAL_STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Security: safe by default, relaxed only by the environment (make demo sets the local values).
SECURE_SSL_REDIRECT = env.bool("GOGLOBAL_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("GOGLOBAL_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HSTS once HTTPS is configured (the redirect on): a year, subdomains included (ASVS 14.4.5).
SECURE_HSTS_SECONDS = env.int(
    "GOGLOBAL_HSTS_SECONDS", default=365 * 24 * 3600 if SECURE_SSL_REDIRECT else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("GOGLOBAL_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = env.str(
    "GOGLOBAL_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("GOGLOBAL_FROM_EMAIL", default="GoGlobal Connect <noreply@localhost>")

# Background work: Django's Tasks API. Inline by default; RQ workers on Redis in production.
REDIS_CONFIGURED = bool(env.str("REDIS_URL", default=""))
REDIS_URL = env.str("REDIS_URL", default="") or "redis://127.0.0.1:6379/0"
TASKS_BACKEND = env.str("GOGLOBAL_TASKS_BACKEND", default="immediate")
TASKS = {
    "default": (
        {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
        if TASKS_BACKEND == "rq"
        else {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    )
}
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
RQ = {"QUEUE_CLASS": "goglobal.core.jobs.RequestIdQueue"}

# One cache for every process when Redis is there (filter panels; see core/shared_cache.py).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "goglobal",
        }
        if REDIS_CONFIGURED
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
GOGLOBAL_METRICS_TOKEN = env.str("GOGLOBAL_METRICS_TOKEN", default="")

GOGLOBAL_PAGE_SIZE = env.int("GOGLOBAL_PAGE_SIZE", default=25)
GOGLOBAL_IMPORT_BATCH_SIZE = env.int("GOGLOBAL_IMPORT_BATCH_SIZE", default=1000)
GOGLOBAL_IMPORT_LEASE_SECONDS = env.int("GOGLOBAL_IMPORT_LEASE_SECONDS", default=60)
# Upload limits: a file past any of them is refused before its rows are read (docs/security.md).
GOGLOBAL_UPLOAD_MAX_BYTES = env.int("GOGLOBAL_UPLOAD_MAX_BYTES", default=100 * 1024 * 1024)
GOGLOBAL_IMPORT_MAX_ROWS = env.int("GOGLOBAL_IMPORT_MAX_ROWS", default=200_000)
GOGLOBAL_IMPORT_MAX_COLUMNS = env.int("GOGLOBAL_IMPORT_MAX_COLUMNS", default=100)
GOGLOBAL_IMPORT_MAX_CELL_CHARACTERS = env.int("GOGLOBAL_IMPORT_MAX_CELL_CHARACTERS", default=32_767)
GOGLOBAL_IMPORT_MAX_ERRORS = env.int("GOGLOBAL_IMPORT_MAX_ERRORS", default=1000)
GOGLOBAL_XLSX_MAX_UNCOMPRESSED_BYTES = env.int(
    "GOGLOBAL_XLSX_MAX_UNCOMPRESSED_BYTES", default=400 * 1024 * 1024
)
GOGLOBAL_XLSX_MAX_SHARED_STRINGS_BYTES = env.int(
    "GOGLOBAL_XLSX_MAX_SHARED_STRINGS_BYTES", default=64 * 1024 * 1024
)
GOGLOBAL_API_TOKEN_DAYS = env.int("GOGLOBAL_API_TOKEN_DAYS", default=90)
GOGLOBAL_API_TOKEN_MAX_DAYS = env.int("GOGLOBAL_API_TOKEN_MAX_DAYS", default=90)
# The interactive API docs (/api/docs) and the schema (/api/openapi.json) only for signed-in users.
GOGLOBAL_API_DOCS_LOGIN_REQUIRED = env.bool("GOGLOBAL_API_DOCS_LOGIN_REQUIRED", default=True)
GOGLOBAL_API_TOKEN_AUDIT_SECONDS = env.int("GOGLOBAL_API_TOKEN_AUDIT_SECONDS", default=3600)
GOGLOBAL_REFERRAL_REPLY_DAYS = env.int("GOGLOBAL_REFERRAL_REPLY_DAYS", default=10)
GOGLOBAL_OUTCOME_CONFIRM_DAYS = env.int("GOGLOBAL_OUTCOME_CONFIRM_DAYS", default=14)
# Personal data (docs/privacy.md): contacts of cases closed this many years ago are anonymised by
# ``goglobal privacy retention``; 0 turns the rule off. Consent-withdrawal links last this long.
GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS = env.int(
    "GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS", default=3
)
GOGLOBAL_CONSENT_LINK_DAYS = env.int("GOGLOBAL_CONSENT_LINK_DAYS", default=90)
# How often each process counts the live providers behind its matcher index (index_cache).
# Where a built matcher index is kept for the next process to read instead of rebuilding it
# (docs/matching.md); empty: never saved.
GOGLOBAL_MATCH_INDEX_FILE = env.str(
    "GOGLOBAL_MATCH_INDEX_FILE", default=str(DATA_DIR / "matcher-index.bin")
)
GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS = env.int("GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS", default=60)
GOGLOBAL_IMPACT_CACHE_SECONDS = env.int("GOGLOBAL_IMPACT_CACHE_SECONDS", default=300)
# Read the impact figures' daily rollup once it is built (goglobal kpis_rollup --rebuild); off:
# every figure from the source tables (the rollup is then not kept up to date either).
GOGLOBAL_KPI_ROLLUP = env.bool("GOGLOBAL_KPI_ROLLUP", default=True)
# Days a roadmap's shared link stays valid.
GOGLOBAL_ROADMAP_LINK_DAYS = env.int("GOGLOBAL_ROADMAP_LINK_DAYS", default=14)
GOGLOBAL_AGENDA_LINK_DAYS = env.int("GOGLOBAL_AGENDA_LINK_DAYS", default=60)
GOGLOBAL_SITE_URL = env.str("GOGLOBAL_SITE_URL", default="http://127.0.0.1:8000")
# Who runs the platform, as the public About and Contact pages name it (empty: the task force's
# name in the reader's language), and how the public reaches it (an empty value is not shown).
GOGLOBAL_OWNER_NAME = env.str("GOGLOBAL_OWNER_NAME", default="")
GOGLOBAL_CONTACT_EMAIL = env.str("GOGLOBAL_CONTACT_EMAIL", default="")
GOGLOBAL_CONTACT_PHONE = env.str("GOGLOBAL_CONTACT_PHONE", default="")
GOGLOBAL_CONTACT_ADDRESS = env.str("GOGLOBAL_CONTACT_ADDRESS", default="")
GOGLOBAL_STALE_MONTHS = env.int("GOGLOBAL_STALE_MONTHS", default=12)

LOG_FORMAT = env.str("GOGLOBAL_LOG_FORMAT", default="json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "goglobal.core.request_context.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "goglobal.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("GOGLOBAL_LOG_LEVEL", default="INFO")},
    # RQ adds a plain-text handler of its own unless its logger already has one.
    "loggers": {"rq.worker": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

ADMIN_SITE_HEADER = _("GoGlobal Connect administration")
