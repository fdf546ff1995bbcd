"""WSGI entry point for the audits: production settings (DEBUG off, whitenoise, manifest
static files) plus the uploaded media, which production leaves to S3 or the web server."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studio.settings.production")

application = WhiteNoise(get_wsgi_application(), autorefresh=True)  # renditions appear on demand
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
