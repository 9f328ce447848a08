from django.urls import path

from goglobal.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_list, name="list"),
    path("upload/", views.import_upload, name="upload"),
    path("<int:job_id>/", views.import_detail, name="detail"),
    path("export/<slug:kind>/<slug:file_format>/", views.import_export, name="export"),
]
