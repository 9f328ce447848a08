from django.db import migrations


def _room_to_update_in_place(apps, schema_editor):
    # Writes change a row's counts, never its key: with room left on each page PostgreSQL keeps
    # the new version on the same page (a heap-only update), so a period's rows for one
    # dimension stay on the neighbouring pages the rebuild wrote them to. SQLite has no heap.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE analytics_dailyfigure SET (fillfactor = 80)")


def _full_pages(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE analytics_dailyfigure RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0002_daily_rollup"),
    ]

    operations = [
        migrations.RunPython(_room_to_update_in_place, _full_pages),
    ]
