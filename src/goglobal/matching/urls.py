from django.urls import path

from goglobal.matching import views

app_name = "matching"

urlpatterns = [
    path("enterprises/<int:enterprise_id>/", views.enterprise_matches, name="enterprise"),
    path("portal/<int:enterprise_id>/", views.enterprise_portal, name="portal"),
    path(
        "enterprises/<int:enterprise_id>/needs/<str:need_code>/suggest/",
        views.enterprise_match_refresh,
        name="suggest",
    ),
    path(
        "enterprises/<int:enterprise_id>/<slug:kind>/suggest/",
        views.connector_refresh,
        name="connector_suggest",
    ),
]
