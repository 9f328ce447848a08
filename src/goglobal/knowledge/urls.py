from django.urls import path

from goglobal.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.market_index, name="index"),
    path("compare/", views.market_compare, name="compare"),
    path("stale/", views.fact_stale_report, name="stale"),
    path("<str:code>/", views.market_detail, name="detail"),
]
