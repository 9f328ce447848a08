from django.urls import path

from goglobal.core import public_views, views

app_name = "core"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("design/", views.design, name="design"),
    path("about/", public_views.about, name="about"),
    path("contact/", public_views.contact, name="contact"),
    path("privacy/", public_views.privacy, name="privacy"),
    path("privacy/collection/", public_views.collection, name="collection"),
    path("accessibility/", public_views.accessibility, name="accessibility"),
    path("healthz", views.health, name="health"),
    path("readyz", views.ready, name="ready"),
    path("metrics", views.metrics_view, name="metrics"),
]
