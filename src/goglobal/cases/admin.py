from django.contrib import admin

from goglobal.cases.models import Case, Referral


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["id", "enterprise", "stage", "owner", "priority", "updated_at"]
    list_filter = ["stage", "priority", "origin"]
    raw_id_fields = ["enterprise", "owner", "updated_by"]


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ["id", "case", "need", "provider", "status", "sent_at"]
    list_filter = ["status"]
    raw_id_fields = ["case", "provider"]
