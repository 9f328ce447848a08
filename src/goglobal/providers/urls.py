from django.urls import path

from goglobal.providers import views

app_name = "providers"

urlpatterns = [
    path("", views.provider_directory, name="directory"),
    path("providers/<int:provider_id>/", views.provider_detail, name="provider_detail"),
    path("providers/<int:provider_id>/edit/", views.provider_edit, name="provider_edit"),
    path("my-organisation/", views.provider_portal, name="portal"),
    path("investors/", views.investor_directory, name="investors"),
    path("investors/<int:investor_id>/", views.investor_detail, name="investor_detail"),
    path("investors/<int:investor_id>/edit/", views.investor_edit, name="investor_edit"),
]
