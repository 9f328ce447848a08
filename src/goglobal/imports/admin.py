from django.contrib import admin

from goglobal.imports.models import ImportJob, SavedMapping


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "original_name", "status", "dry_run", "created_by", "created_at"]
    list_filter = ["kind", "status", "dry_run"]
    readonly_fields = [field.name for field in ImportJob._meta.fields]
    search_fields = ["original_name"]


@admin.register(SavedMapping)
class SavedMappingAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_by", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name"]
