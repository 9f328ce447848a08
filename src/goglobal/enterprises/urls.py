from django.urls import path

from goglobal.enterprises import duplicates, views

app_name = "enterprises"

urlpatterns = [
    path("", views.enterprise_list, name="list"),
    path("register/", views.enterprise_register, name="register"),
    path("portal/", views.enterprise_portal, name="portal"),
    path("new/", views.enterprise_create, name="create"),
    path("duplicates/", duplicates.duplicate_list, name="duplicates"),
    path("duplicates/scan/", duplicates.duplicate_scan, name="duplicates_scan"),
    path(
        "duplicates/<int:candidate_id>/dismiss/",
        duplicates.duplicate_dismiss,
        name="duplicate_dismiss",
    ),
    path("merge/<int:kept_id>/<int:merged_id>/", duplicates.merge_preview, name="merge"),
    path("merges/<int:merge_id>/undo/", duplicates.merge_undo, name="merge_undo"),
    path("<int:enterprise_id>/", views.enterprise_detail, name="detail"),
    path("<int:enterprise_id>/edit/", views.enterprise_edit, name="edit"),
    path("<int:enterprise_id>/needs/", views.enterprise_needs, name="needs"),
    path("<int:enterprise_id>/delete/", views.enterprise_delete, name="delete"),
    path("<int:enterprise_id>/contacts/new/", views.contact_edit, name="contact_add"),
    path("<int:enterprise_id>/contacts/<int:contact_id>/", views.contact_edit, name="contact_edit"),
    path(
        "<int:enterprise_id>/contacts/<int:contact_id>/delete/",
        views.contact_delete,
        name="contact_delete",
    ),
]
