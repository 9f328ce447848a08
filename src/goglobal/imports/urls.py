from django.urls import path

from goglobal.imports import views, wizard_views

app_name = "imports"

urlpatterns = [
    path("", views.import_list, name="list"),
    path("upload/", views.import_upload, name="upload"),
    path("<int:job_id>/", views.import_detail, name="detail"),
    path("wizard/", wizard_views.wizard_start, name="wizard"),
    path("wizard/<int:draft_id>/columns/", wizard_views.wizard_columns, name="wizard_columns"),
    path("wizard/<int:draft_id>/values/", wizard_views.wizard_values, name="wizard_values"),
    path("wizard/<int:draft_id>/preview/", wizard_views.wizard_preview, name="wizard_preview"),
    path("export/<slug:kind>/<slug:file_format>/", views.import_export, name="export"),
]
