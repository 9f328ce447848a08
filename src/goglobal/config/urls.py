from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from goglobal.config.api import api

admin.site.site_header = "GoGlobal Connect"

urlpatterns = [
    path("markets/", include("goglobal.knowledge.urls")),
    path("", include("goglobal.core.urls")),
    path("accounts/", include("goglobal.accounts.urls")),
    path("enterprises/", include("goglobal.enterprises.urls")),
    path("directory/", include("goglobal.providers.urls")),
    path("data/", include("goglobal.imports.urls")),
    path("matching/", include("goglobal.matching.urls")),
    path("roadmaps/", include("goglobal.roadmaps.urls")),
    path("cases/", include("goglobal.cases.urls")),
    path("events/", include("goglobal.events.urls")),
    path("delegations/", include("goglobal.delegations.urls")),
    path("overview/", include("goglobal.analytics.urls")),
    path("privacy/", include("goglobal.privacy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler403 = "goglobal.core.views.permission_denied"
handler404 = "goglobal.core.views.page_not_found"
handler500 = "goglobal.core.views.server_error"
