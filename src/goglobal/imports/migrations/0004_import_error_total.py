from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0003_duplicates"),
    ]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="error_total",
            field=models.PositiveIntegerField(
                default=0,
                help_text="Every error in the file; only the first ones are kept in the list.",
                verbose_name="errors found",
            ),
        ),
    ]
