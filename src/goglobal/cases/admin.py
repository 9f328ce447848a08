"""Cases and referrals in the admin site: to look at only.

Every change to them goes through the case pages or the API, where the stage and status rules,
the audit trail, optimistic concurrency and the pipeline's filter copies apply.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from goglobal.cases.models import Case, Referral


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["id", "enterprise", "stage", "owner", "priority", "updated_at"]
    list_filter = ["stage", "priority", "origin"]
    raw_id_fields = ["enterprise", "owner", "updated_by"]


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    list_display = ["id", "case", "need", "provider", "status", "sent_at"]
    list_filter = ["status"]
    raw_id_fields = ["case", "provider"]
