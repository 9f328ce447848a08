"""ASGI entry point."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
application = get_asgi_application()
gc.freeze()
gc.set_threshold(50_000, 20, 100)
