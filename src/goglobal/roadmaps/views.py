"""Roadmap pages: the officer's and the enterprise's view, versions, overrides, PDF, links."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import Role
from goglobal.core.forms import save_or_explain
from goglobal.enterprises.models import Enterprise
from goglobal.roadmaps import pdf, presenters, selectors, services
from goglobal.roadmaps.forms import FiguresForm, OverrideForm
from goglobal.roadmaps.models import Roadmap, RoadmapFigures


def _page_context(
    request: AuthenticatedRequest,
    enterprise: Enterprise,
    roadmap: Roadmap | None,
    **forms: Any,
) -> dict[str, Any]:
    figures = RoadmapFigures.objects.filter(enterprise=enterprise).first()
    view = presenters.present(roadmap, user=request.user) if roadmap else None
    return {
        "enterprise": enterprise,
        "roadmap": roadmap,
        "view": view,
        "versions": list(selectors.roadmap_versions(enterprise)[:20]),
        "is_latest": roadmap is not None and roadmap == selectors.roadmap_latest(enterprise),
        "can_generate": selectors.can_generate(user=request.user, enterprise=enterprise),
        "can_override": selectors.can_override(user=request.user),
        "figures_form": forms.get("figures_form") or FiguresForm(figures=figures),
        "override_form": forms.get("override_form") or OverrideForm(),
        "overrides": list(selectors.overrides_active(enterprise)),
        "share_days": selectors.share_days(),
    }


@login_required
def roadmap_detail(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    roadmap = selectors.roadmap_latest(enterprise)
    return render(request, "roadmaps/detail.html", _page_context(request, enterprise, roadmap))


@login_required
def roadmap_version(request: AuthenticatedRequest, enterprise_id: int, number: int) -> HttpResponse:
    roadmap = selectors.roadmap_version_for(
        user=request.user, enterprise_id=enterprise_id, number=number
    )
    context = _page_context(request, roadmap.enterprise, roadmap)
    return render(request, "roadmaps/detail.html", context)


@login_required
def roadmap_mine(request: AuthenticatedRequest) -> HttpResponse:
    """The enterprise member's own roadmap."""
    if request.user.role != Role.ENTERPRISE_MEMBER:
        raise Http404
    enterprise = Enterprise.objects.filter(
        members__user=request.user, deleted_at__isnull=True
    ).first()
    if enterprise is None:
        raise Http404
    return redirect("roadmaps:detail", enterprise_id=enterprise.pk)


@login_required
@require_POST
def roadmap_generate(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    selectors.require_generate(user=request.user, enterprise=enterprise)
    roadmap = services.roadmap_generate(actor=request.user, enterprise=enterprise)
    assert roadmap is not None  # noqa: S101 - only_if_changed is off
    messages.success(request, _("Roadmap version %(n)s generated.") % {"n": roadmap.number})
    return redirect("roadmaps:detail", enterprise_id=enterprise.pk)


@login_required
@require_POST
def figures_save(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    selectors.require_generate(user=request.user, enterprise=enterprise)
    form = FiguresForm(request.POST)
    if form.is_valid() and save_or_explain(
        form,
        lambda: services.figures_save(
            actor=request.user,
            enterprise=enterprise,
            seen_version=form.cleaned_data.get("version"),
            data=form.to_input(),
        ),
    ):
        roadmap = services.roadmap_generate(actor=request.user, enterprise=enterprise)
        assert roadmap is not None  # noqa: S101
        messages.success(
            request, _("Figures saved; roadmap version %(n)s generated.") % {"n": roadmap.number}
        )
        return redirect("roadmaps:detail", enterprise_id=enterprise.pk)
    context = _page_context(
        request, enterprise, selectors.roadmap_latest(enterprise), figures_form=form
    )
    return render(request, "roadmaps/detail.html", context, status=400)


def _override_from(
    data: dict[str, Any], *, request: AuthenticatedRequest, enterprise: Enterprise
) -> Roadmap:
    return services.override_add(
        actor=request.user,
        enterprise=enterprise,
        kind=data["kind"],
        note=data["note"],
        part=data.get("part") or "",
        code=data.get("code") or "",
        value=data.get("value"),
        title=data.get("title") or "",
        weeks=data.get("weeks"),
        after=data.get("after") or "",
    )


@login_required
@require_POST
def override_add(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    selectors.require_override(user=request.user)
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    form = OverrideForm(request.POST)
    if form.is_valid() and save_or_explain(
        form, lambda: _override_from(form.cleaned_data, request=request, enterprise=enterprise)
    ):
        messages.success(request, _("Override recorded; the roadmap was regenerated."))
        return redirect("roadmaps:detail", enterprise_id=enterprise.pk)
    context = _page_context(
        request, enterprise, selectors.roadmap_latest(enterprise), override_form=form
    )
    return render(request, "roadmaps/detail.html", context, status=400)


@login_required
@require_POST
def override_withdraw(
    request: AuthenticatedRequest, enterprise_id: int, override_id: int
) -> HttpResponse:
    override = selectors.override_get_for(
        user=request.user, enterprise_id=enterprise_id, override_id=override_id
    )
    services.override_withdraw(actor=request.user, override=override)
    messages.success(request, _("Override withdrawn; the roadmap was regenerated."))
    return redirect("roadmaps:detail", enterprise_id=enterprise_id)


def _pdf_response(roadmap: Roadmap, *, user: Any) -> HttpResponse:
    body = pdf.roadmap_pdf(roadmap, user=user)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="roadmap-{roadmap.enterprise_id}-v{roadmap.number}.pdf"'
    )
    return response


@login_required
def roadmap_pdf(request: AuthenticatedRequest, enterprise_id: int, number: int) -> HttpResponse:
    roadmap = selectors.roadmap_version_for(
        user=request.user, enterprise_id=enterprise_id, number=number
    )
    return _pdf_response(roadmap, user=request.user)


@login_required
@require_POST
def share_link(request: AuthenticatedRequest, enterprise_id: int, number: int) -> HttpResponse:
    roadmap = selectors.roadmap_version_for(
        user=request.user, enterprise_id=enterprise_id, number=number
    )
    selectors.require_generate(user=request.user, enterprise=roadmap.enterprise)
    url = request.build_absolute_uri(
        reverse("roadmaps:shared", kwargs={"token": selectors.share_token(roadmap)})
    )
    context = _page_context(request, roadmap.enterprise, roadmap)
    context["share_url"] = url
    return render(request, "roadmaps/detail.html", context)


@login_required
@require_POST
def share_links_revoke(
    request: AuthenticatedRequest, enterprise_id: int, number: int
) -> HttpResponse:
    roadmap = selectors.roadmap_version_for(
        user=request.user, enterprise_id=enterprise_id, number=number
    )
    selectors.require_generate(user=request.user, enterprise=roadmap.enterprise)
    services.roadmap_links_revoke(actor=request.user, roadmap=roadmap)
    messages.success(
        request,
        _("The links made to share version %(number)s so far no longer work.")
        % {"number": roadmap.number},
    )
    return redirect(reverse("roadmaps:version", args=[roadmap.enterprise_id, roadmap.number]))


def shared(request: HttpRequest, token: str) -> HttpResponse:
    """The roadmap behind a signed link that expires: read-only, no providers, no overrides."""
    roadmap = selectors.roadmap_from_token(token)
    view = presenters.present(roadmap, user=None)
    context = {"roadmap": roadmap, "view": view, "enterprise": roadmap.enterprise, "token": token}
    return render(request, "roadmaps/shared.html", context)


def shared_pdf(request: HttpRequest, token: str) -> HttpResponse:
    return _pdf_response(selectors.roadmap_from_token(token), user=None)
