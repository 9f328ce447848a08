from django.urls import path

from goglobal.roadmaps import views

app_name = "roadmaps"

urlpatterns = [
    path("mine/", views.roadmap_mine, name="mine"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("shared/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("<int:enterprise_id>/", views.roadmap_detail, name="detail"),
    path("<int:enterprise_id>/generate/", views.roadmap_generate, name="generate"),
    path("<int:enterprise_id>/figures/", views.figures_save, name="figures"),
    path("<int:enterprise_id>/overrides/", views.override_add, name="override_add"),
    path(
        "<int:enterprise_id>/overrides/<int:override_id>/withdraw/",
        views.override_withdraw,
        name="override_withdraw",
    ),
    path("<int:enterprise_id>/v<int:number>/", views.roadmap_version, name="version"),
    path("<int:enterprise_id>/v<int:number>/pdf/", views.roadmap_pdf, name="pdf"),
    path("<int:enterprise_id>/v<int:number>/share/", views.share_link, name="share"),
    path(
        "<int:enterprise_id>/v<int:number>/share/revoke/",
        views.share_links_revoke,
        name="share_revoke",
    ),
]
