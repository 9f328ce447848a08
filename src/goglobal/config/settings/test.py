"""Test settings: base plus speed knobs only."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("GOGLOBAL_SSL_REDIRECT", "false")
os.environ.setdefault("GOGLOBAL_SECURE_COOKIES", "false")
# The matcher's index counts the live providers on every request, so a test's hard delete is
# seen at once (production counts once a minute: docs/matching.md).
os.environ.setdefault("GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS", "0")
# Each test builds the index from its own data; the tests that read a saved index set a file.
os.environ.setdefault("GOGLOBAL_MATCH_INDEX_FILE", "")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault(
    "GOGLOBAL_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

from goglobal.config.settings.base import *  # noqa: F403
from goglobal.config.settings.base import DATA_DIR, DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = DATA_DIR / "test-media"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that a real worker process can share the test database. Its name
    # carries the first test process's id, inherited by the workers and servers it starts, so
    # two test runs in one checkout never share (and corrupt) one file.
    _RUN = os.environ.setdefault("GOGLOBAL_TEST_RUN", str(os.getpid()))
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-db-{_RUN}.sqlite3")}
else:
    # The same on PostgreSQL: two test runs against one server (two checkouts, or a run while
    # another is still going) each get a test database of their own instead of dropping the
    # other's. A run that is killed leaves its database behind; `dropdb` removes it.
    _RUN = os.environ.setdefault("GOGLOBAL_TEST_RUN", str(os.getpid()))
    _NAME = DATABASES["default"]["NAME"]
    DATABASES["default"]["TEST"] = {"NAME": f"test_{_NAME}_{_RUN}"}
