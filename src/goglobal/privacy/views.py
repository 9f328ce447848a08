"""Personal data pages: export of everything held, erasure with a confirm step and a reason,
consent withdrawal (by the contact's link, the portal or an officer)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.core.pdf import FONT_FAMILIES, html_to_pdf
from goglobal.privacy import consent, erasure, selectors
from goglobal.privacy.export import SubjectRecord, contact_record, enterprise_record
from goglobal.privacy.forms import ErasureForm, WithdrawalForm

FORMATS = ("json", "pdf")


def _record_response(
    request: AuthenticatedRequest, record: SubjectRecord, fmt: str
) -> HttpResponse:
    name = f"personal-data-{record.kind}-{record.subject_id}.{fmt}"
    if fmt == "json":
        body = json.dumps(record.as_json(), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        heading = _("Personal data held about %(name)s") % {"name": record.title}
        intro = _(
            "Everything the platform holds about this record on %(date)s: every field, and "
            "every record that refers to it. Prepared on request; keep it safe."
        ) % {"date": record.generated_at.strftime("%Y-%m-%d")}
        html = render(
            request,
            "privacy/record_pdf.html",
            {
                "record": record,
                "heading": heading,
                "intro": intro,
                "font_families": FONT_FAMILIES,
                "language": translation.get_language(),
            },
        ).content.decode()
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _audit_export(
    request: AuthenticatedRequest, enterprise: object, kind: str, pk: int, fmt: str
) -> None:
    audit_record(
        actor=request.user,
        record=enterprise,  # type: ignore[arg-type]
        action="exported",
        changes={"export": "personal_data", "subject": kind, "id": pk, "format": fmt},
    )


@login_required
def enterprise_export(request: AuthenticatedRequest, enterprise_id: int, fmt: str) -> HttpResponse:
    enterprise = selectors.enterprise_for_export(user=request.user, enterprise_id=enterprise_id)
    if fmt not in FORMATS:
        raise Http404
    record = enterprise_record(enterprise)
    _audit_export(request, enterprise, "enterprise", enterprise.pk, fmt)
    return _record_response(request, record, fmt)


@login_required
def contact_export(request: AuthenticatedRequest, contact_id: int, fmt: str) -> HttpResponse:
    contact = selectors.contact_for_export(user=request.user, contact_id=contact_id)
    if fmt not in FORMATS:
        raise Http404
    record = contact_record(contact)
    _audit_export(request, contact.enterprise, "contact", contact.pk, fmt)
    return _record_response(request, record, fmt)


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_erase(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.enterprise_for_erasure(user=request.user, enterprise_id=enterprise_id)
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erasure.enterprise_erase(
            actor=request.user, enterprise=enterprise, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The enterprise's personal data has been anonymised."))
        return redirect("enterprises:detail", enterprise.pk)
    context = {"form": form, "enterprise": enterprise, "contact": None}
    return render(request, "privacy/erase.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def contact_erase(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = selectors.contact_for_erasure(user=request.user, contact_id=contact_id)
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erasure.contact_erase(
            actor=request.user, contact=contact, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The contact's personal data has been anonymised."))
        return redirect("enterprises:detail", contact.enterprise_id)
    context = {"form": form, "enterprise": contact.enterprise, "contact": contact}
    return render(request, "privacy/erase.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def contact_withdraw(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    """An officer records a contact's withdrawal; a member withdraws in its portal."""
    contact = selectors.contact_for_withdrawal(user=request.user, contact_id=contact_id)
    form = WithdrawalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        channel = "officer" if selectors.is_task_force(request.user) else "portal"
        consent.consent_withdraw(
            contact=contact,
            actor=request.user,
            channel=channel,
            stop_peer=form.cleaned_data["stop_peer"],
        )
        messages.success(request, _("Consent withdrawn. It takes effect at once."))
        return redirect("enterprises:detail", contact.enterprise_id)
    return render(request, "privacy/withdraw.html", {"form": form, "contact": contact, "token": ""})


@require_http_methods(["GET", "POST"])
def withdraw_link(request: HttpRequest, token: str) -> HttpResponse:
    """The contact itself, from the emailed link: no account needed."""
    contact = consent.contact_for_token(token)
    if contact is None:
        return render(request, "privacy/withdraw_invalid.html", status=404)
    form = WithdrawalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        consent.consent_withdraw(
            contact=contact, actor=None, channel="link", stop_peer=form.cleaned_data["stop_peer"]
        )
        return render(request, "privacy/withdraw_done.html", {"contact": contact})
    return render(
        request, "privacy/withdraw.html", {"form": form, "contact": contact, "token": token}
    )


@login_required
@require_POST
def withdrawal_link_send(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = selectors.contact_for_erasure(user=request.user, contact_id=contact_id)
    try:
        consent.withdrawal_link_send(
            contact=contact, actor=request.user, base_url=request.build_absolute_uri("/")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The contact has been sent a link to withdraw consent."))
    return redirect("enterprises:detail", contact.enterprise_id)
