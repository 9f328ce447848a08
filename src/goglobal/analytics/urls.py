from django.urls import path

from goglobal.analytics import impact_views, views

app_name = "analytics"

SLICE = "<slug:kind>/<str:value>/"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("impact/", impact_views.impact, name="impact"),
    path("impact/records/", impact_views.impact_records, name="records"),
    path("impact/reports/", impact_views.report_list, name="reports"),
    path("impact/reports/<int:report_id>.pdf", impact_views.report_download, name="report"),
    path(
        "impact/export/<slug:table>.<slug:file_format>",
        impact_views.impact_export,
        name="export",
    ),
    path(f"impact/{SLICE}", impact_views.impact, name="impact_slice"),
    path(
        f"impact/{SLICE}export/<slug:table>.<slug:file_format>",
        impact_views.impact_export,
        name="export_slice",
    ),
]
