# Outcomes the enterprise confirms; indexes for the impact figures.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0007_case_list_by_name'),
        ('enterprises', '0002_enterprise_shown_as_peer'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='outcome',
            name='confirmation',
            field=models.CharField(choices=[('not_requested', 'not requested'), ('no_contact', 'no consenting contact'), ('requested', 'waiting for the enterprise'), ('confirmed', 'confirmed by the enterprise'), ('disputed', 'disputed by the enterprise'), ('unconfirmed', 'unconfirmed (no answer)')], default='not_requested', max_length=20, verbose_name='confirmation'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_answered_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='answered'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_comment',
            field=models.TextField(blank=True, verbose_name="enterprise's comment"),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_contact',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='enterprises.contact', verbose_name='asked'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_nonce',
            field=models.CharField(blank=True, editable=False, max_length=32),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_rating',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="how much the task force's help mattered (1–5)"),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_sends',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='requests sent'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='confirmation_sent_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='confirmation requested'),
        ),
        migrations.AlterField(
            model_name='caseevent',
            name='kind',
            field=models.CharField(choices=[('opened', 'case opened'), ('stage_moved', 'stage changed'), ('updated', 'details changed'), ('assigned', 'owner changed'), ('outcome', 'outcome recorded'), ('interaction', 'interaction logged'), ('task_done', 'task completed'), ('referral', 'referral changed'), ('confirmation', 'outcome confirmation')], max_length=20, verbose_name='kind'),
        ),
        migrations.AddIndex(
            model_name='caseevent',
            index=models.Index(condition=models.Q(('kind', 'stage_moved')), fields=['created_at', 'case'], name='case_event_stage_moves'),
        ),
        migrations.AddIndex(
            model_name='outcome',
            index=models.Index(fields=['confirmation', 'confirmation_sent_at'], name='outcome_confirmation'),
        ),
        migrations.AddIndex(
            model_name='outcome',
            index=models.Index(fields=['kind', 'achieved_on'], name='outcome_kind_on'),
        ),
        migrations.AddIndex(
            model_name='referralevent',
            index=models.Index(fields=['to_status', 'created_at'], name='referral_event_by_status'),
        ),
        migrations.AddConstraint(
            model_name='outcome',
            constraint=models.CheckConstraint(condition=models.Q(('confirmation_rating__isnull', True), models.Q(('confirmation_rating__gte', 1), ('confirmation_rating__lte', 5)), _connector='OR'), name='outcome_rating_one_to_five'),
        ),
    ]
