from django.urls import path

from goglobal.core import views

app_name = "core"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("design/", views.design, name="design"),
    path("healthz", views.health, name="health"),
    path("readyz", views.ready, name="ready"),
    path("metrics", views.metrics_view, name="metrics"),
]
