import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# `make run` serves http://127.0.0.1:$PORT/; links in emails (and the demo's site) say the same.
PORT = int(os.environ.get("PORT", "8000"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{PORT}")

# The site's own 404 page, never Django's technical one (see home.debug_404).
MIDDLEWARE = [*MIDDLEWARE, "home.debug_404.SiteNotFoundPageMiddleware"]  # noqa: F405

# The demo content (`load_demo`) is a development tool; production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
