from django.contrib import admin

from goglobal.knowledge import models


class NamedAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh_hans", "name_zh_hant", "checked_on"]
    search_fields = ["code", "name_en", "name_zh_hans", "name_zh_hant"]


admin.site.register(models.Source)
admin.site.register(models.Sector, NamedAdmin)
admin.site.register(models.AdministrativeArea, NamedAdmin)
admin.site.register(models.Country, NamedAdmin)
admin.site.register(models.NeedCode, NamedAdmin)


class MembershipInline(admin.TabularInline):
    model = models.MarketGroupMembership
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(models.MarketGroup)
class MarketGroupAdmin(NamedAdmin):
    inlines = [MembershipInline]
