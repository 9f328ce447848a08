from django.urls import path

from goglobal.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.market_index, name="index"),
    path("compare/", views.market_compare, name="compare"),
    path("functions/", views.function_index, name="functions"),
    path("functions/<slug:code>/", views.function_detail, name="function"),
    path("schemes/", views.scheme_index, name="schemes"),
    path("mechanisms/", views.mechanism_index, name="mechanisms"),
    path("stale/", views.fact_stale_report, name="stale"),
    path("facts/<slug:kind>/<int:pk>/", views.fact_detail, name="fact"),
    path("rules/", views.rule_index, name="rules"),
    path("<str:code>/", views.market_detail, name="detail"),
]
