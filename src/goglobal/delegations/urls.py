from django.urls import path

from goglobal.delegations import views

app_name = "delegations"

urlpatterns = [
    path("", views.delegation_list, name="list"),
    path("new/", views.delegation_create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("<int:delegation_id>/", views.delegation_detail, name="detail"),
    path("<int:delegation_id>/edit/", views.delegation_edit, name="edit"),
    path("<int:delegation_id>/travel/", views.travel_save, name="travel"),
    path("<int:delegation_id>/<slug:part>/add/", views.part_add, name="part_add"),
    path(
        "<int:delegation_id>/<slug:part>/<int:row_id>/edit/",
        views.part_edit,
        name="part_edit",
    ),
    path(
        "<int:delegation_id>/<slug:part>/<int:row_id>/remove/",
        views.part_remove,
        name="part_remove",
    ),
    path("<int:delegation_id>/run/", views.run_start, name="run_start"),
    path("<int:delegation_id>/runs/<int:run_id>/", views.run_detail, name="run"),
    path("<int:delegation_id>/runs/<int:run_id>/publish/", views.run_publish, name="run_publish"),
    path("<int:delegation_id>/meetings/<int:visit_id>/", views.visit_detail, name="visit"),
    path(
        "<int:delegation_id>/meetings/<int:visit_id>/briefing.pdf",
        views.visit_briefing_pdf,
        name="briefing_pdf",
    ),
    path("<int:delegation_id>/members/<int:member_id>/", views.itinerary_page, name="itinerary"),
    path(
        "<int:delegation_id>/members/<int:member_id>/itinerary.pdf",
        views.itinerary_pdf,
        name="itinerary_pdf",
    ),
    path(
        "<int:delegation_id>/members/<int:member_id>/itinerary.ics",
        views.itinerary_ics,
        name="itinerary_ics",
    ),
]
