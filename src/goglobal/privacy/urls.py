from django.urls import path

from goglobal.privacy import views

app_name = "privacy"

urlpatterns = [
    path(
        "enterprises/<int:enterprise_id>/export.<str:fmt>",
        views.enterprise_export,
        name="enterprise_export",
    ),
    path("enterprises/<int:enterprise_id>/erase/", views.enterprise_erase, name="enterprise_erase"),
    path("contacts/<int:contact_id>/export.<str:fmt>", views.contact_export, name="contact_export"),
    path("contacts/<int:contact_id>/erase/", views.contact_erase, name="contact_erase"),
    path("contacts/<int:contact_id>/withdraw/", views.contact_withdraw, name="contact_withdraw"),
    path(
        "contacts/<int:contact_id>/withdrawal-link/",
        views.withdrawal_link_send,
        name="withdrawal_link_send",
    ),
    path("withdraw/<str:token>/", views.withdraw_link, name="withdraw_link"),
]
