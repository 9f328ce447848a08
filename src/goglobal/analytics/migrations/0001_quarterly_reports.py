# Quarterly reports rendered by a background job.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='QuarterlyReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('quarter', models.PositiveSmallIntegerField(verbose_name='quarter')),
                ('language', models.CharField(choices=[('en', 'English'), ('zh-hans', '简体中文'), ('zh-hant', '繁體中文')], max_length=10, verbose_name='language')),
                ('status', models.CharField(choices=[('queued', 'queued'), ('running', 'being prepared'), ('done', 'ready'), ('failed', 'failed')], default='queued', max_length=10, verbose_name='status')),
                ('file', models.FileField(blank=True, upload_to='analytics/reports/', verbose_name='file')),
                ('seconds', models.FloatField(blank=True, null=True, verbose_name='seconds')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='requested')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'quarterly report',
                'verbose_name_plural': 'quarterly reports',
                'ordering': ['-id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('quarter__gte', 1), ('quarter__lte', 4)), name='report_quarter_1_to_4')],
            },
        ),
    ]
