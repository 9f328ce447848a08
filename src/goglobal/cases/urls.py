from django.urls import path

from goglobal.cases import confirmation_views, views

app_name = "cases"

urlpatterns = [
    path("", views.case_board, name="board"),
    path("list/", views.case_list, name="list"),
    path("assign/", views.case_bulk_assign, name="bulk_assign"),
    path("filters/", views.saved_filter_save, name="filter_save"),
    path("filters/<int:filter_id>/delete/", views.saved_filter_delete, name="filter_delete"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/<int:task_id>/done/", views.task_complete, name="task_complete"),
    path("open/<int:enterprise_id>/", views.case_open, name="open"),
    path(
        "refer/suggestion/<int:suggestion_id>/",
        views.refer_suggestion,
        name="refer_suggestion",
    ),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/edit/", views.case_update, name="update"),
    path("<int:case_id>/roadmap-tasks/", views.roadmap_tasks_make, name="roadmap_tasks"),
    path("<int:case_id>/move/", views.case_move, name="move"),
    path("<int:case_id>/outcomes/", views.outcome_add, name="outcome_add"),
    path(
        "<int:case_id>/outcomes/<int:outcome_id>/correct/",
        views.outcome_correct,
        name="outcome_correct",
    ),
    path(
        "<int:case_id>/outcomes/<int:outcome_id>/confirmation/<slug:action>/",
        views.outcome_confirmation,
        name="outcome_confirmation",
    ),
    path("<int:case_id>/interactions/", views.interaction_add, name="interaction_add"),
    path("<int:case_id>/referrals/", views.referral_add, name="referral_add"),
    path("<int:case_id>/suggestions/", views.case_suggest, name="suggest"),
    path(
        "referrals/<int:referral_id>/<slug:action>/",
        views.referral_officer_action,
        name="referral_action",
    ),
    path("provider/", views.provider_referrals, name="provider_referrals"),
    path("provider/<int:referral_id>/", views.provider_referral, name="provider_referral"),
    path(
        "provider/<int:referral_id>/<slug:action>/",
        views.provider_referral_answer,
        name="provider_referral_answer",
    ),
    path("my-case/", views.enterprise_case, name="enterprise_case"),
    path("confirm/<str:token>/", confirmation_views.outcome_confirm, name="outcome_confirm"),
]
