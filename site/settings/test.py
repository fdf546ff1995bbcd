import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405  (load_demo, for the tests)
# Pages are marked public but not kept: a test that changes content inside its transaction (no
# commit, so no purge) reads it back at once. The `page_cache` fixture switches the cache on.
PAGE_CACHE_ENABLED = False
WAGTAILFRONTENDCACHE = {}

# pytest-xdist workers each have their own test database; give each its own Redis database too,
# since clearing the cache (FLUSHDB) in one worker would empty it under the other.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw") and os.environ.get("REDIS_URL"):
    _url = urlsplit(os.environ["REDIS_URL"])
    _database = int(_url.path.strip("/") or 0) + int(_worker[2:])
    for _alias in CACHES.values():  # noqa: F405
        _alias["LOCATION"] = urlunsplit(_url._replace(path=f"/{_database}"))
