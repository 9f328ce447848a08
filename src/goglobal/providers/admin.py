from django.contrib import admin

from goglobal.providers import models


class MarketInline(admin.TabularInline):
    model = models.ProviderMarket
    extra = 0


@admin.register(models.ServiceProvider)
class ServiceProviderAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_zh_hant", "category", "capacity_per_month", "deleted_at"]
    list_filter = ["category"]
    search_fields = ["name_en", "name_zh_hans", "name_zh_hant", "external_id"]
    filter_horizontal = ["needs", "sectors"]
    inlines = [MarketInline]


@admin.register(models.Investor)
class InvestorAdmin(admin.ModelAdmin):
    list_display = ["name_en", "investor_type", "ticket_min", "ticket_max", "currency"]
    list_filter = ["investor_type"]
    search_fields = ["name_en", "name_zh_hans", "name_zh_hant"]


@admin.register(models.PartnerBody)
class PartnerBodyAdmin(admin.ModelAdmin):
    list_display = ["name_en", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_zh_hans", "name_zh_hant"]


admin.site.register(models.ProviderMembership)
