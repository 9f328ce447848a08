from django.urls import path

from goglobal.enterprises import views

app_name = "enterprises"

urlpatterns = [
    path("", views.enterprise_list, name="list"),
    path("register/", views.enterprise_register, name="register"),
    path("portal/", views.enterprise_portal, name="portal"),
    path("new/", views.enterprise_create, name="create"),
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
