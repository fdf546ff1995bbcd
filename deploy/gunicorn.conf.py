"""gunicorn settings for production (`gunicorn -c deploy/gunicorn.conf.py studio.wsgi`).

Behind nginx (deploy/nginx/allin.conf) on the loopback; nginx hides gunicorn's `Server` header.
Every log line, the access log included, goes through the site's masking filter, so a
confirmation link's token or an address in a path never reaches a log file (home.masking).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
# A request never waits on an image: renditions are made by the task worker (home.renditions).
timeout = 30
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then (memory), staggered by the jitter
max_requests_jitter = 200
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_personal_data": {"()": "home.masking.MaskPersonalData"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["mask_personal_data"],
            "stream": "ext://sys.stdout",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
