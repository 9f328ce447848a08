from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from goglobal.enterprises import models
from goglobal.enterprises.services import enterprise_edited_elsewhere


class NeedInline(admin.TabularInline):
    model = models.EnterpriseNeed
    extra = 0


class ContactInline(admin.StackedInline):
    model = models.Contact
    extra = 0


@admin.register(models.Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["name_zh", "name_en", "social_credit_code", "city", "sector", "deleted_at"]
    list_filter = ["ownership", "listing_status", "province"]
    search_fields = ["name_zh", "name_en", "social_credit_code", "external_id"]
    raw_id_fields = ["province", "city", "sector"]
    inlines = [NeedInline, ContactInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Markets and needs are saved here, after the record: then derived data catches up."""
        super().save_related(request, form, formsets, change)
        enterprise_edited_elsewhere(actor=request.user, enterprise=form.instance)  # type: ignore[arg-type]


admin.site.register(models.EnterpriseMembership)
