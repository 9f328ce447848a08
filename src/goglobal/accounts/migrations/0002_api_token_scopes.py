from django.db import migrations, models


def existing_tokens_keep_their_rights(apps, schema_editor):
    """Tokens issued before scopes existed could read and write everywhere; they still can."""
    apps.get_model("accounts", "ApiToken").objects.update(scopes=["read", "write"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scopes",
            field=models.JSONField(blank=True, default=list, verbose_name="scopes"),
        ),
        migrations.RunPython(existing_tokens_keep_their_rights, migrations.RunPython.noop),
    ]
