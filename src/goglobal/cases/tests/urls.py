"""The site's URLs plus the cases API, for tests that run before it is mounted at /api/cases."""

from django.urls import path
from ninja import NinjaAPI

from goglobal.accounts.api_auth import api_auth
from goglobal.cases.api import router
from goglobal.config import api as root
from goglobal.config.urls import urlpatterns as site_patterns

if not any(mounted is router for _prefix, mounted in root.api._routers):  # not mounted yet
    api = NinjaAPI(auth=api_auth, urls_namespace="cases_test_api", docs_url=None)
    api.add_router("/cases", router)
    for error, handler in [
        (root.StaleRecordError, root._stale),
        (root.DomainError, root._domain),
        (root.ValidationError, root._invalid),
    ]:
        api.add_exception_handler(error, lambda r, e, h=handler: h(r, e))
    urlpatterns = [path("api/", api.urls), *site_patterns]
else:
    urlpatterns = site_patterns
