"""Settings for Eşit İzmir, read from the environment only (12-factor).

Development defaults are safe and need no service; `DJANGO_ENV=production`
refuses to start with an unsafe value. See README.md for every variable.
"""

import base64
import hashlib
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


ENVIRONMENT = env("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")

if PRODUCTION:
    problems = []
    if not SECRET_KEY:
        problems.append("SECRET_KEY is not set")
    elif len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY is shorter than 50 characters")
    if DEBUG:
        problems.append("DEBUG is on")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is empty")
    if not env("SITE_URL").startswith("https://"):
        problems.append("SITE_URL must be the public https:// address used in e-mails")
    if not env_list("FIELD_ENCRYPTION_KEYS"):
        problems.append("FIELD_ENCRYPTION_KEYS is not set")
    if problems:
        raise ImproperlyConfigured("Refusing to start in production: " + "; ".join(problems) + ".")
elif not SECRET_KEY:
    SECRET_KEY = "development-only-not-secret"  # noqa: S105 - never used when DJANGO_ENV=production

# The key of every hash that stands for a client address or an e-mail address (rate limits,
# the audit trail, consent records, known sign-in addresses: esit/core/network.py). Its own
# variable, so rotating SECRET_KEY (sessions, signed links) keeps those hashes comparable;
# SECRET_KEY when unset.
ADDRESS_HASH_KEY = env("ADDRESS_HASH_KEY") or SECRET_KEY

# Encryption at rest of phones, exact birth dates and free texts (esit/core/encryption.py):
# comma-separated Fernet keys, the first encrypts, all decrypt (rotation: put a new key
# first, run `manage.py rotate_encryption_keys`, then drop the old one). Required in
# production; derived from SECRET_KEY in development and tests.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS") or [
    base64.urlsafe_b64encode(hashlib.sha256(f"esit:fields:{SECRET_KEY}".encode()).digest()).decode()
]
# The key of the hashes that stand for encrypted values in equality look-ups (duplicate
# phones, unique constraints, search by number). Changing it means recomputing the hashes
# (`manage.py rotate_encryption_keys --rehash`); SECRET_KEY when unset.
LOOKUP_HASH_KEY = env("LOOKUP_HASH_KEY") or SECRET_KEY

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Behind a load balancer: how many proxies append to X-Forwarded-For. Sign-in limits
# (allauth), our rate limits and consent records all read the client's address this way.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

INSTALLED_APPS = [
    "esit.core.apps.AdminConfig",  # django.contrib.admin on our site (esit/core/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before allauth, so our templates (allauth/layouts, allauth/elements, account/…) win.
    "esit.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "django_filters",
    "django_htmx",
    "esit.core",
    "esit.reference",
    "esit.privacy",
    "esit.audit",
    "esit.notifications",
    "esit.applications",
    "esit.volunteers",
    "esit.activities",
    "esit.team",
    "esit.kvkk",
    "esit.safety",
    "esit.announcements",
    "esit.matching",
    "esit.moderation",
    "esit.community",
    "esit.resources",
    "esit.reports",
    "esit.opendata",
    "ninja",  # django-ninja's templates and static files: /api/v1/docs's own Swagger UI
    "esit.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS for reads of the open-data API only (/api/, GET/HEAD/OPTIONS): opendata/middleware.py.
    "esit.opendata.middleware.ReadOnlyCorsMiddleware",
    # ETag on GET responses that may be kept (none marked no-store) and 304 to a client that
    # has them already: the feeds of other apps answer conditional requests too.
    "django.middleware.http.ConditionalGetMiddleware",
    "esit.core.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "esit.core.middleware.TurkishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A body larger than any upload is refused before it is read (core/middleware.py).
    "esit.core.middleware.UploadSizeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "esit.audit.middleware.AuditRequestMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "esit.accounts.middleware.StaffTwoFactorMiddleware",
    "esit.accounts.middleware.StaffSessionMiddleware",
    "esit.kvkk.middleware.ReconsentMiddleware",
]

ROOT_URLCONF = "esit.urls"
WSGI_APPLICATION = "esit.wsgi.application"
ASGI_APPLICATION = "esit.asgi.application"

# Django's widget templates, with a faster select of the same HTML (esit/core/forms.py).
FORM_RENDERER = "esit.core.forms.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "esit" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "esit.core.context_processors.site",
            ],
            "string_if_invalid": env("TEMPLATE_STRING_IF_INVALID", ""),
            # Our `capfirst` replaces Django's everywhere, the admin included: Turkish capitals.
            "builtins": ["esit.core.templatetags.turkish_case"],
        },
    }
]

# Database: SQLite by default (no server needed); PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Search's typo match (esit/core/search.py) is pg_trgm's `<%` operator, whose threshold is
    # a setting of the session: 0.5 rather than the default 0.6 lets one missing letter of a
    # six-letter word ("bornva" for "Bornova", 0.57) through. Given at connection start, it
    # costs no query.
    # No JIT compilation: the ranking and listing queries whose estimated cost passes
    # jit_above_cost ran faster than PostgreSQL compiled them (matching's ordering 0.4 s of
    # 1.1 s, /me/'s open shifts 0.34 s of 0.59 s, the volunteers' export 1.5 s of 2.5 s at
    # 100,000 volunteers: docs/performance.md). A page's queries are short; none gains.
    # Joins planned in groups of at most four (join_collapse_limit, 8 by default): a list's
    # query joins six or seven related tables by their keys, and PostgreSQL spent longer
    # choosing their order than running it (the hours queue 20 ms of planning for 1 ms of
    # execution; 2.5 ms with 4). At 1.0 every staff page got faster (the hours queue
    # 64 → 46 ms, one application 49 → 33, /staff/reports/ 141 → 88), none slower.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (
        _options.get("options", "")
        + " -c pg_trgm.word_similarity_threshold=0.5 -c jit=off"
        + f" -c join_collapse_limit={int(env('DB_JOIN_COLLAPSE_LIMIT', '4'))}"
    ).strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file too, not shared-cache memory, so concurrency behaves as in production.
    # One file per process, so two test runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
    (BASE_DIR / "var").mkdir(exist_ok=True)
if not PRODUCTION:
    (BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (rate limits, sign-in lockout, sessions): local memory by default, Redis when
# REDIS_URL is set. Production supports both a Redis and a Redis-less deployment:
# - Rate limits (esit/core/rate_limits.py, allauth's) need a cache shared by every process,
#   with atomic counters: local memory is one process's, and Django's database cache
#   increments by reading and writing back, so parallel requests would be counted once.
# - With REDIS_URL: Django's RedisCache, whose `incr` is Redis's atomic INCR, through
#   esit.core.cache.ResilientRedisCache: when Redis is down, each process caches (and counts
#   rate limits) in its own memory until Redis answers again, so pages keep being served.
# - Without it: a database table (`manage.py createcachetable`) through esit.core.cache,
#   whose `incr` locks the row, so counters stay exact (tests/platform/test_cache.py).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "esit.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "esit"),
        }
    }
elif PRODUCTION:
    CACHES = {"default": {"BACKEND": "esit.core.cache.DatabaseCache", "LOCATION": "esit_cache"}}
else:
    # One development process: local memory is shared by everything that needs it.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if REDIS_URL or not PRODUCTION:
    # Sessions read from the cache and written through to the database: a page read costs no
    # session query. Not over the database cache, where it would be a query all the same.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SILENCED_SYSTEM_CHECKS: list[str] = []

# Background work through django.tasks. The database backend needs only a worker process
# (`manage.py db_worker`); a deployment that outgrows it sets TASKS_BACKEND=rq: the queue moves
# to Redis (REDIS_URL) and the workers are `manage.py rqworker --job-class django_tasks_rq.Job`.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}
TASKS_BACKEND = TASK_BACKENDS.get(env("TASKS_BACKEND", "database"), env("TASKS_BACKEND"))
TASKS: dict[str, dict[str, Any]] = {"default": {"BACKEND": TASKS_BACKEND}}
if TASKS_BACKEND == "django_tasks_rq.RQBackend":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq keeps the queue in Redis: set REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's model backend, answering from the cached standing (esit/accounts/standing.py).
    "esit.accounts.standing.StandingBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home_after_login"

# django-allauth: e-mail only, verified; nobody signs up on their own (approval creates accounts).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "esit.accounts.adapter.AccountAdapter"
# allauth's forms relabelled in our words ("parola", sentence case): esit/accounts/forms.py.
ACCOUNT_FORMS = {
    "login": "esit.accounts.forms.SignInForm",
    "reset_password": "esit.accounts.forms.RequestPasswordResetForm",
    "reset_password_from_key": "esit.accounts.forms.SetPasswordFromKeyForm",
    "change_password": "esit.accounts.forms.ChangePasswordForm",
    "set_password": "esit.accounts.forms.SetPasswordForm",
    "reauthenticate": "esit.accounts.forms.ConfirmPasswordForm",
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins (esit/accounts/sign_in.py): 20 per client address, 5 per account from
    # one address (an attacker's guesses lock her address out, never the owner's), and a much
    # higher cap per account from everywhere, which addresses the account signed in from
    # before do not count against.
    "login_failed": env("SIGN_IN_FAILURES_LIMIT", "20/5m/ip,5/5m/key"),
    "login_failed_account": env("SIGN_IN_FAILURES_ACCOUNT_LIMIT", "50/1h/key"),
    "reset_password": "10/h/ip,5/h/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Eşit İzmir · "
# Tell the person when their password, address or two-factor setting changes: if it was not
# them, they learn it at once (allauth's "security notifications").
ACCOUNT_EMAIL_NOTIFICATIONS = True
# The data controller the information notice (/privacy/) names, and where people write to
# use their rights (KVKK article 10 and 13). Set them for the deployment.
DATA_CONTROLLER_NAME = env("DATA_CONTROLLER_NAME", "İzmir Büyükşehir Belediyesi")
DATA_CONTROLLER_UNIT = env(
    "DATA_CONTROLLER_UNIT",
    "Kadın ve Aile Hizmetleri Dairesi Başkanlığı · Kadın Çalışmaları Şube Müdürlüğü",
)
DATA_CONTROLLER_ADDRESS = env("DATA_CONTROLLER_ADDRESS", "")
DATA_CONTROLLER_EMAIL = env("DATA_CONTROLLER_EMAIL", "kvkk@esitizmir.example")
DATA_CONTROLLER_KEP = env("DATA_CONTROLLER_KEP", "")
# Staff hold everyone's data: a staff session ends after this long without a request.
STAFF_SESSION_IDLE_SECONDS = int(env("STAFF_SESSION_IDLE_SECONDS", str(8 * 60 * 60)))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Eşit İzmir"

# Languages: Turkish first, English complete.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Türkçe")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "esit" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Istanbul"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "esit_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "esit" / "static"]
# Uploaded files (task deliveries) on local disk under MEDIA_ROOT by default. With
# AWS_STORAGE_BUCKET_NAME set they go to S3-compatible object storage through django-storages
# instead, so every web server behind the load balancer sees the same files.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            # Deliveries are personal: never public, read only through our views.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production, WhiteNoise serves straight from the apps' static folders (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"

# E-mail: printed to the console in development, SMTP in production (Django 6.1 MAILERS).
# Our console backend prints the decoded text, so the links in it can be followed.
EMAIL_BACKEND_NAME = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "esit.core.mail_console.EmailBackend",
)
MAILER_OPTIONS = {}
if EMAIL_BACKEND_NAME.endswith("smtp.EmailBackend"):
    MAILER_OPTIONS = {
        "host": env("EMAIL_HOST", "localhost"),
        "port": int(env("EMAIL_PORT", "25")),
        "username": env("EMAIL_HOST_USER"),
        "password": env("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS"),
        "timeout": 20,
    }
elif EMAIL_BACKEND_NAME.endswith("filebased.EmailBackend"):
    MAILER_OPTIONS = {"file_path": env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))}
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_NAME, "OPTIONS": MAILER_OPTIONS}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Eşit İzmir <gonullu@esitizmir.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The absolute address used in e-mails (status links, invitations, allauth's links). Required
# in production (checked above); in development it follows the port `make run PORT=…` serves on.
PORT = env("PORT", "8000")
if not PRODUCTION and not (PORT.isascii() and PORT.isdigit() and 0 < int(PORT) < 65536):
    raise ImproperlyConfigured(f"PORT must be a port number (1-65535), not {PORT!r}.")
SITE_URL = env("SITE_URL", f"http://127.0.0.1:{PORT}").rstrip("/")

# Security defaults; production hardens them further.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# The browser features no page uses are switched off; the camera is for the check-in scanner.
PERMISSIONS_POLICY = (
    "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
    "display-capture=(), browsing-topics=(), interest-cohort=()"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    if not SECURE_SSL_REDIRECT:
        # Turned off on purpose (README): the proxy in front already redirects to HTTPS, so
        # security.W008 (no redirect here) does not describe this deployment.
        SILENCED_SYSTEM_CHECKS.append("security.W008")
    if TRUSTED_PROXY_COUNT:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        # security.W021 asks for HSTS preloading. That is for the owner of the whole domain
        # (e.g. izmir.bel.tr, every subdomain on HTTPS for good) to decide, and takes months
        # to undo, so it stays an explicit choice (SECURE_HSTS_PRELOAD=true).
        SILENCED_SYSTEM_CHECKS.append("security.W021")

# Application rules that a deployment may tune.
# Rate limits of the public forms, posts per client address (esit/core/rate_limits.py):
# "count/period", period s, m, h or d (e.g. "20/h", "5/10m").
# An information desk may help many people apply from one tablet, so the default is generous.
APPLY_RATE_LIMIT = env("APPLY_RATE_LIMIT", "20/h")
PUBLIC_REGISTRATION_RATE_LIMIT = env("PUBLIC_REGISTRATION_RATE_LIMIT", "20/h")
# The other public forms: the applicant's status page, cancelling a registration, confirming a
# shift from an e-mail.
PUBLIC_FORM_RATE_LIMIT = env("PUBLIC_FORM_RATE_LIMIT", "30/h")
# One-click unsubscribe is posted by mail providers' servers, for many people from one address.
UNSUBSCRIBE_RATE_LIMIT = env("UNSUBSCRIBE_RATE_LIMIT", "600/h")
# The open-data API (docs/opendata.md): requests per client address, how long an answer and
# its figures are kept, and the licence the data is published under with its attribution
# (the municipality may choose another: these three are all that names it).
OPEN_DATA_RATE_LIMIT = env("OPEN_DATA_RATE_LIMIT", "300/h")
OPEN_DATA_CACHE_SECONDS = int(env("OPEN_DATA_CACHE_SECONDS", "300"))
# The programme's first month of data: no open-data table is counted before it.
OPEN_DATA_FIRST_MONTH = env("OPEN_DATA_FIRST_MONTH", "2024-01")
OPEN_DATA_LICENCE_NAME = env("OPEN_DATA_LICENCE_NAME", "CC BY 4.0")
OPEN_DATA_LICENCE_URL = env(
    "OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.tr"
)
OPEN_DATA_ATTRIBUTION = env("OPEN_DATA_ATTRIBUTION", "İzmir Büyükşehir Belediyesi")
# The network (docs/community.md), per client address: posting and editing ideas, comments and
# replies, supporting. A community centre's tablet may serve a group at once.
COMMUNITY_POST_RATE_LIMIT = env("COMMUNITY_POST_RATE_LIMIT", "20/h")
COMMUNITY_COMMENT_RATE_LIMIT = env("COMMUNITY_COMMENT_RATE_LIMIT", "60/h")
COMMUNITY_SUPPORT_RATE_LIMIT = env("COMMUNITY_SUPPORT_RATE_LIMIT", "120/h")
# Minutes after writing a comment during which its author may still change it.
COMMUNITY_EDIT_WINDOW = int(env("COMMUNITY_EDIT_WINDOW", "15"))
# django-ratelimit counts them (not installed as an app: its checks predate Django's own
# Redis cache and our atomic database cache, see "Cache" above). A cache that cannot count
# lets the post through rather than refusing everyone.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_CACHE_PREFIX = "esit:rl:"
RATELIMIT_FAIL_OPEN = True
MINIMUM_VOLUNTEER_AGE = 18

# Matching volunteers to shifts and tasks (esit/matching, docs/matching.md). Each part of
# the score gives at most its weight in points; set a weight to 0 to leave a part out.
MATCHING_WEIGHTS = {
    "areas": 30,  # she works in one of the areas the work is for
    "languages": 10,  # she speaks the required languages fluently (half for a lower level)
    "distance": 20,  # her district's centre is near the activity's (online work: none)
    "availability": 20,  # her week covers the parts of the day the shift takes
    "fair_share": 15,  # fewer approved hours lately ranks higher
    "reliability": 15,  # she came to the shifts she signed up for
    "first_timer": 10,  # a lift for someone who has not taken part yet
}
# The hours (from, to) of the parts of the day in volunteers' weekly availability, local time.
MATCHING_DAY_PARTS = {"morning": (6, 12), "afternoon": (12, 18), "evening": (18, 24)}
MATCHING_DISTANCE_LIMIT_KM = 60  # this far or farther: no points for distance
MATCHING_FAIR_SHARE_DAYS = 90  # the period of "recent" hours
MATCHING_FAIR_SHARE_HOURS = 20  # this many approved hours in the period: no fair-share points
MATCHING_RESULTS = 50  # how many ranked volunteers a matches page shows
MATCHING_RECOMMENDATIONS = 5  # how many shifts and tasks /me/ recommends
INVITATION_VALID_DAYS = 7  # an invitation's links work this long (never past the shift's start)
# The solidarity network's moderation (esit/moderation, docs/moderation.md): content reported by
# this many different people is hidden until a moderator looks; reports a person may send.
MODERATION_AUTO_HIDE_REPORTERS = int(env("MODERATION_AUTO_HIDE_REPORTERS", "3"))
MODERATION_REPORT_RATE_LIMIT = env("MODERATION_REPORT_RATE_LIMIT", "20/h")
# The resource library (esit/resources, docs/resources.md): the largest file, whether volunteers
# may propose resources (staff review each before it is published), how often one may.
RESOURCES_MAX_UPLOAD_MB = int(env("RESOURCES_MAX_UPLOAD_MB", "10"))
RESOURCES_VOLUNTEER_UPLOADS = env_bool("RESOURCES_VOLUNTEER_UPLOADS", default=True)
RESOURCES_UPLOAD_RATE_LIMIT = env("RESOURCES_UPLOAD_RATE_LIMIT", "10/h")
# Rows a staff export reads from the database at a time (esit/audit/exports.py): memory stays
# at a few chunks whatever the size of the list.
EXPORT_CHUNK_SIZE = 2000
# Where "quick exit" leads: a neutral, everyday page (İzmir's default is the weather service).
QUICK_EXIT_URL = env("QUICK_EXIT_URL", "https://www.mgm.gov.tr/")
# How the audit trail keeps a client's address: "hash" (keyed, the default) or "none". Never in
# full: client addresses are stored only as keyed hashes (KVKK; "full" is read as "hash").
AUDIT_CLIENT_ADDRESS = env("AUDIT_CLIENT_ADDRESS", "hash")

# KVKK retention rules (esit/kvkk/retention.py), applied by the daily `apply_retention`.
# The information notice and the processing register state these same numbers.
RETENTION = {
    # Rejected and withdrawn applications: anonymised this long after the decision.
    "APPLICATION_MONTHS": int(env("RETENTION_APPLICATION_MONTHS", "6")),
    # Public participants: anonymised this long after the end of their last activity.
    "PARTICIPANT_MONTHS": int(env("RETENTION_PARTICIPANT_MONTHS", "12")),
    # Volunteers with no sign of life this long are warned...
    "INACTIVE_VOLUNTEER_MONTHS": int(env("RETENTION_INACTIVE_VOLUNTEER_MONTHS", "24")),
    # ...and anonymised this many days after the warning unless they choose to stay.
    "INACTIVE_VOLUNTEER_GRACE_DAYS": int(env("RETENTION_INACTIVE_VOLUNTEER_GRACE_DAYS", "30")),
    # Audit events older than this are deleted (the trail cannot be rewritten, only purged).
    "AUDIT_MONTHS": int(env("RETENTION_AUDIT_MONTHS", "36")),
}
# Destruction records (kvkk.DestructionRecord) are never deleted by any rule: the regulation
# on erasure asks for at least three years, and they name nobody.
# Calendar feeds (docs/performance.md): a bounded window of events, whatever the data. Past
# events stay this many days (so a cancellation reaches subscribed calendars), events this
# many days ahead are listed, and never more than MAX_EVENTS, soonest first. A built feed is
# cached for CACHE_SECONDS at most; any change to an activity, a shift or a volunteer's
# sign-ups makes a new one at once (esit/core/versions.py).
CALENDAR_FEED_PAST_DAYS = int(env("CALENDAR_FEED_PAST_DAYS", "30"))
CALENDAR_PRIVATE_FEED_PAST_DAYS = int(env("CALENDAR_PRIVATE_FEED_PAST_DAYS", "90"))
CALENDAR_FEED_FUTURE_DAYS = int(env("CALENDAR_FEED_FUTURE_DAYS", "365"))
CALENDAR_FEED_MAX_EVENTS = int(env("CALENDAR_FEED_MAX_EVENTS", "500"))
CALENDAR_FEED_CACHE_SECONDS = int(env("CALENDAR_FEED_CACHE_SECONDS", "600"))
# Public pages whose content is cached (the activity list): kept this long at most, and
# drawn anew at once when what they show changes.
PUBLIC_PAGE_CACHE_SECONDS = int(env("PUBLIC_PAGE_CACHE_SECONDS", "120"))
# Staff lists whose results are kept rendered (esit/core/kept_lists.py): per scope, language
# and query, drawn anew at once when what they show changes, and kept this long at most. The
# copies hold what the rows show (names, e-mails, phones): over the database cache they would
# be rows of a table and of its backups, so a production without Redis keeps none (0).
STAFF_LIST_CACHE_SECONDS = int(
    env("STAFF_LIST_CACHE_SECONDS", "0" if PRODUCTION and not REDIS_URL else "120")
)
# An account's roles, permissions, authenticator and scope (esit/accounts/standing.py): read
# again at once when one of them changes, and at least this often.
STANDING_CACHE_SECONDS = int(env("STANDING_CACHE_SECONDS", "3600"))

# Announcements (esit/announcements/): cover images and the social-media kit.
ANNOUNCEMENT_COVER_MAX_BYTES = int(env("ANNOUNCEMENT_COVER_MAX_BYTES", str(5 * 1024 * 1024)))
# More pixels than this is refused before decoding (a decompression bomb): 40 megapixels.
ANNOUNCEMENT_COVER_MAX_PIXELS = int(env("ANNOUNCEMENT_COVER_MAX_PIXELS", str(40_000_000)))

# The largest file any form takes (a resource, a task's delivery: 10 MB; a cover image: 5 MB),
# and the largest form post the site reads at all: that file and a megabyte for the form's
# other fields. A larger body is refused before it is read (core/middleware.py,
# UploadSizeMiddleware); tests/core/test_upload_size.py keeps each form's limit inside it.
UPLOAD_MAX_FILE_BYTES = max(
    RESOURCES_MAX_UPLOAD_MB * 1024 * 1024, ANNOUNCEMENT_COVER_MAX_BYTES, 10 * 1024 * 1024
)
UPLOAD_REQUEST_MAX_BYTES = UPLOAD_MAX_FILE_BYTES + 1024 * 1024
# The programme's accounts, linked in the footer and named in the social-media posts:
# "network|handle|url" entries separated by commas.
SOCIAL_ACCOUNTS = [
    {"network": network, "handle": handle, "url": url}
    for network, handle, url in (
        entry.strip().split("|", 2)
        for entry in env(
            "SOCIAL_ACCOUNTS",
            "Instagram|izbbkadin|https://www.instagram.com/izbbkadin/,"
            "X|izbbkadin|https://x.com/izbbkadin",
        ).split(",")
        if entry.strip().count("|") == 2
    )
]
SOCIAL_HASHTAGS = env("SOCIAL_HASHTAGS", "#EşitİzmirGönüllüleri #ToplumsalCinsiyetEşitliği").split()
# The cards' colours (background, text, accent) and logo text.
SOCIAL_CARD_COLOURS = env("SOCIAL_CARD_COLOURS", "#5b2a86,#ffffff,#f2c14e").split(",")
SOCIAL_CARD_LOGO_TEXT = env("SOCIAL_CARD_LOGO_TEXT", "Eşit İzmir")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
    },
}
