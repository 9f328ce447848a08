"""The enterprise's answer on an outcome, through the signed link it was sent. No account needed:
the link identifies the outcome; an expired, replaced or answered link shows a plain page."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from goglobal.cases import services
from goglobal.cases.services.confirmations import outcome_for_token
from goglobal.core.errors import DomainError

RATINGS = [
    ("", _("(no rating)")),
    ("5", _("5 – it was decisive")),
    ("4", _("4 – it helped a lot")),
    ("3", _("3 – it helped")),
    ("2", _("2 – it helped a little")),
    ("1", _("1 – it made no difference")),
]


class ConfirmationForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Is this outcome right?"),
        choices=[
            ("agree", _("Yes, this is right")),
            ("dispute", _("No, something is wrong")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    rating = forms.TypedChoiceField(
        label=_("How much did the task force's help matter?"),
        choices=RATINGS,
        coerce=int,
        empty_value=None,
        required=False,
    )


@require_http_methods(["GET", "POST"])
def outcome_confirm(request: HttpRequest, token: str) -> HttpResponse:
    outcome = outcome_for_token(token)
    if outcome is None:
        response = render(request, "cases/confirmation_closed.html", status=410)
        response["X-Robots-Tag"] = "noindex"
        return response
    form = ConfirmationForm(request.POST or None)
    answered = None
    if request.method == "POST" and form.is_valid():
        answer = services.Answer(
            agrees=form.cleaned_data["answer"] == "agree",
            comment=form.cleaned_data["comment"],
            rating=form.cleaned_data["rating"],
        )
        try:
            answered = services.outcome_confirmation_answer(outcome=outcome, answer=answer)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                form.add_error(name if name in form.fields else None, messages)
        except DomainError as error:
            form.add_error(None, error.message)
    status = 400 if request.method == "POST" and answered is None else 200
    response = render(
        request,
        "cases/confirmation.html",
        {"outcome": answered or outcome, "form": form, "answered": answered},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
