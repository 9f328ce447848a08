from django.urls import path

from goglobal.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("<int:event_id>/", views.event_detail, name="detail"),
    path("<int:event_id>/edit/", views.event_edit, name="edit"),
    path("<int:event_id>/participants/", views.participant_list, name="participants"),
    path("<int:event_id>/participants/new/", views.participant_create, name="participant_create"),
    path(
        "<int:event_id>/participants/directory/",
        views.participants_from_directory,
        name="participants_directory",
    ),
    path(
        "<int:event_id>/participants/<int:participant_id>/edit/",
        views.participant_edit,
        name="participant_edit",
    ),
    path(
        "<int:event_id>/participants/<int:participant_id>/request/",
        views.participant_request_meeting,
        name="participant_request_meeting",
    ),
    path(
        "<int:event_id>/participants/<int:participant_id>/cancel/",
        views.participant_cancel,
        name="participant_cancel",
    ),
    path(
        "<int:event_id>/participants/<int:participant_id>/revoke-links/",
        views.participant_links_revoke,
        name="participant_links_revoke",
    ),
    path(
        "<int:event_id>/participants/<int:participant_id>/agenda.pdf",
        views.participant_agenda_pdf,
        name="participant_agenda_pdf",
    ),
    path("<int:event_id>/agendas/", views.agendas_start, name="agendas_start"),
    path("<int:event_id>/agendas/email/", views.agendas_email, name="agendas_email"),
    path(
        "<int:event_id>/agendas/<int:bundle_id>/download/",
        views.agendas_download,
        name="agendas_download",
    ),
    path("<int:event_id>/requests/", views.request_list, name="requests"),
    path("<int:event_id>/requests/new/", views.request_create, name="request_create"),
    path(
        "<int:event_id>/requests/<int:request_id>/withdraw/",
        views.request_withdraw,
        name="request_withdraw",
    ),
    path("<int:event_id>/runs/", views.run_start, name="run_start"),
    path("<int:event_id>/runs/<int:run_id>/", views.run_detail, name="run"),
    path("<int:event_id>/runs/<int:run_id>/publish/", views.run_publish, name="run_publish"),
    path("<int:event_id>/runs/<int:run_id>/grid/", views.run_grid, name="grid"),
    path(
        "<int:event_id>/runs/<int:run_id>/meetings/<int:meeting_id>/move/",
        views.meeting_move,
        name="meeting_move",
    ),
    path(
        "<int:event_id>/runs/<int:run_id>/schedule.<str:file_format>",
        views.run_export,
        name="run_export",
    ),
    path("<int:event_id>/runs/<int:run_id>/signs/", views.run_signs, name="signs"),
    path("<int:event_id>/check-in/", views.event_check_in, name="check_in"),
    path("<int:event_id>/meetings/<int:meeting_id>/", views.meeting_outcome, name="meeting"),
    path("agenda/<str:token>/", views.agenda_page, name="agenda"),
    path("agenda/<str:token>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path(
        "agenda/<str:token>/meetings/<int:meeting_id>/change/",
        views.agenda_change,
        name="agenda_change",
    ),
    path("agenda/<str:token>/calendar.ics", views.agenda_ics, name="agenda_ics"),
    path("agenda/<str:token>/requests/", views.agenda_request_create, name="agenda_request"),
    path(
        "agenda/<str:token>/requests/<int:request_id>/withdraw/",
        views.agenda_request_withdraw,
        name="agenda_request_withdraw",
    ),
]
