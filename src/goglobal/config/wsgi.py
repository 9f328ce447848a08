"""WSGI entry point (``gunicorn goglobal.config.wsgi``)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
application = get_wsgi_application()

# Everything loaded at start-up lives as long as the process: move it out of the collector's
# sight, so that full collections during requests scan only what requests allocate.
gc.freeze()
# Requests allocate many short-lived objects; collect the oldest generation less often.
gc.set_threshold(50_000, 20, 100)
