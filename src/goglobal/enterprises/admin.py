from django.contrib import admin

from goglobal.enterprises import models


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


admin.site.register(models.EnterpriseMembership)
