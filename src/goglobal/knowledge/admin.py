"""Admin for reference data: edits go through services, so every change is audited."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from goglobal.knowledge import models
from goglobal.knowledge.services.facts import fact_delete, fact_recheck, fact_save


class RecheckForm(ActionForm):
    source = forms.ModelChoiceField(
        queryset=models.Source.objects.all(),
        required=False,
        label=_("New source (optional)"),
    )


class FactAdmin(admin.ModelAdmin):
    """Saves and deletes are audited; “mark re-checked” stamps today's date and a new source."""

    action_form = RecheckForm
    actions = ["mark_rechecked"]
    list_filter = ["checked_on", "source"]

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        fact_save(record=obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        fact_delete(record=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for record in queryset:
            fact_delete(record=record, actor=request.user)

    @admin.action(description=_("Mark re-checked today (with the new source, if chosen)"))
    def mark_rechecked(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        source_id = request.POST.get("source")
        source = models.Source.objects.filter(pk=source_id).first() if source_id else None
        count = fact_recheck(records=queryset, source=source, actor=request.user)
        self.message_user(
            request,
            gettext("%(count)d facts marked re-checked.") % {"count": count},
            messages.SUCCESS,
        )


class NamedAdmin(FactAdmin):
    list_display = ["code", "name_en", "name_zh_hans", "name_zh_hant", "checked_on"]
    search_fields = ["code", "name_en", "name_zh_hans", "name_zh_hant"]


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "publisher", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["key", "title", "publisher", "url"]


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


@admin.register(models.MarketGroupMembership)
class MembershipAdmin(FactAdmin):
    list_display = ["group", "country", "joined_on", "left_on", "checked_on"]
    list_filter = ["group", "checked_on", "source"]
    autocomplete_fields = ["country"]


class AgreementPartyInline(admin.TabularInline):
    model = models.AgreementParty
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(models.Agreement)
class AgreementAdmin(NamedAdmin):
    list_display = [
        "code",
        "name_en",
        "kind",
        "status",
        "signed_on",
        "in_force_on",
        "is_verified",
        "checked_on",
    ]
    list_filter = ["kind", "status", "is_verified", "checked_on", "source"]
    inlines = [AgreementPartyInline]


@admin.register(models.AgreementParty)
class AgreementPartyAdmin(FactAdmin):
    list_display = ["agreement", "country", "checked_on"]
    autocomplete_fields = ["country"]


@admin.register(models.Office)
class OfficeAdmin(NamedAdmin):
    list_display = [
        "code",
        "name_en",
        "kind",
        "status",
        "country",
        "opened_on",
        "is_verified",
        "checked_on",
    ]
    list_filter = ["kind", "status", "is_verified", "checked_on", "source"]
    autocomplete_fields = ["country"]


@admin.register(models.Indicator)
class IndicatorAdmin(NamedAdmin):
    list_display = ["code", "name_en", "unit", "checked_on"]


@admin.register(models.IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area_code", "area_name", "year", "value", "is_aggregate"]
    list_filter = ["indicator", "is_aggregate"]
    search_fields = ["area_code", "area_name"]


for _model in (
    models.HongKongFunction,
    models.Scheme,
    models.Mechanism,
    models.MechanismInitiative,
    models.TaskForce,
):
    admin.site.register(_model, NamedAdmin)
for _fact in (
    models.FunctionStep,
    models.FunctionPoint,
    models.MechanismMeeting,
    models.MarketGroupArea,
    models.TaskForceMember,
):
    admin.site.register(_fact, FactAdmin)


@admin.register(models.GroupAccession)
class GroupAccessionAdmin(FactAdmin):
    list_display = ["group", "applicant", "status", "applied_on", "status_on", "checked_on"]
    list_select_related = ["group", "applicant"]
