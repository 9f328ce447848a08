from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Who asked and when, or the rule that applies. Kept with the erasure; do not write "
            "the personal data itself here."
        ),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that the personal data is replaced everywhere and cannot be restored"
        ),
    )


class WithdrawalForm(forms.Form):
    stop_peer = forms.BooleanField(
        label=_(
            "Also stop showing the enterprise to other enterprises as an example of going global"
        ),
        required=False,
        initial=True,
    )
