from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# The demo content (`load_demo`) is a development tool; production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
