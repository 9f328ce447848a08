"""Enterprise pages: registration, portal, officer list and profile, editing."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.accounts import rules, throttle
from goglobal.accounts import services as account_services
from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import User
from goglobal.core.forms import VersionForm, save_or_explain
from goglobal.core.models import AuditEvent
from goglobal.core.pagination import CappedPaginator
from goglobal.enterprises import identity, selectors, services
from goglobal.enterprises.forms import (
    ContactForm,
    EnterpriseProfileForm,
    NeedsForm,
    RegistrationAccountForm,
)
from goglobal.enterprises.models import Enterprise, Ownership
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector


def _mainland_default_language(request: HttpRequest) -> None:
    """Registration speaks Simplified Chinese unless the visitor chose or asked otherwise."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return
    accepted = request.META.get("HTTP_ACCEPT_LANGUAGE", "").lower()
    first = accepted.split(",")[0].split(";")[0].strip()
    if first.startswith(("en", "zh-hant", "zh-tw", "zh-hk", "zh-mo")):
        return
    translation.activate("zh-hans")
    request.LANGUAGE_CODE = "zh-hans"


def enterprise_register(request: HttpRequest) -> HttpResponse:
    _mainland_default_language(request)
    if request.user.is_authenticated:
        return redirect("accounts:home")
    account = RegistrationAccountForm(request.POST or None, prefix="account")
    profile = EnterpriseProfileForm(request.POST or None, prefix="profile")
    needs = NeedsForm(request.POST or None, prefix="needs")
    if request.method == "POST" and all(f.is_valid() for f in (account, profile, needs)):
        data = account.cleaned_data
        if throttle.hit_rate_limit(
            "signup",
            throttle.client_address(request),
            limit=settings.GOGLOBAL_SIGNUPS_PER_HOUR,
            window=3600,
        ):
            account.add_error(
                None, _("Too many registrations from your network. Please try again in an hour.")
            )
            context = {"account_form": account, "profile_form": profile, "needs_form": needs}
            return render(request, "enterprises/register.html", context, status=429)
        site_url = f"{request.scheme}://{request.get_host()}"
        existing = User.objects.filter(email=data["email"]).first()
        registration = services.Registration(
            email=data["email"],
            password=data["password"],
            full_name=data["full_name"],
            job_title=data["job_title"],
            phone=data["phone"],
            preferred_language=translation.get_language() or "zh-hans",
            has_consent=data["has_consent"],
            enterprise=services.EnterpriseInput(
                values=profile.profile_values(),
                target_countries=profile.cleaned_data["target_countries"],
                target_groups=profile.cleaned_data["target_groups"],
            ),
            needs=needs.chosen(),
        )
        try:
            if existing is None:
                user, _enterprise = services.enterprise_register(registration=registration)
            else:  # the same work, rolled back: the same answer in the same time
                services.registration_rehearse(registration=registration)
                user = existing
        except ValidationError as error:
            profile.add_error(None, error)
        else:
            account_services.registration_mail_send(email=user.email, user=user, site_url=site_url)
            return redirect("accounts:registration_sent")
    return render(
        request,
        "enterprises/register.html",
        {"account_form": account, "profile_form": profile, "needs_form": needs},
    )


def _detail_context(request: AuthenticatedRequest, enterprise: Enterprise) -> dict[str, object]:
    user = request.user
    can_edit = selectors.enterprise_can_edit(user=user, enterprise=enterprise)
    history = (
        AuditEvent.objects.filter(
            target_type="enterprises.enterprise", target_id=str(enterprise.pk)
        ).select_related("actor")[:50]
        if rules.can(user, "enterprise.edit_any")
        else []
    )
    return {
        "enterprise": enterprise,
        "can_edit": can_edit,
        "can_see_contacts": selectors.enterprise_can_see_contacts(user=user, enterprise=enterprise),
        "contacts": selectors.contact_list_for(user=user, enterprise=enterprise),
        "history": history,
        "can_remove": rules.can(user, "enterprise.edit_any"),
        "duplicates": (
            identity.duplicates_of_enterprise(enterprise)
            if rules.can(user, "enterprise.edit_any")
            else []
        ),
    }


@login_required
def enterprise_portal(request: AuthenticatedRequest) -> HttpResponse:
    enterprise = selectors.enterprise_of_member(request.user)
    if enterprise is None:
        raise Http404
    enterprise = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise.pk)
    return render(request, "enterprises/detail.html", _detail_context(request, enterprise))


@login_required
def enterprise_detail(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)
    return render(request, "enterprises/detail.html", _detail_context(request, enterprise))


@login_required
def enterprise_list(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.can(request.user, "enterprise.view_any"):
        raise PermissionDenied
    get = request.GET
    filters = selectors.EnterpriseFilters(
        query=get.get("q", "").strip(),
        province=get.get("province", ""),
        city=get.get("city", ""),
        sector=get.get("sector", ""),
        need=get.get("need", ""),
        market=get.get("market", ""),
        ownership=get.get("ownership", ""),
    )
    queryset = selectors.enterprise_list_for(user=request.user, filters=filters)
    page = CappedPaginator(queryset, settings.GOGLOBAL_PAGE_SIZE).get_page(get.get("page"))
    return render(
        request,
        "enterprises/list.html",
        {
            "page_obj": page,
            "filters": filters,
            "provinces": AdministrativeArea.objects.filter(level="province"),
            "sections": Sector.objects.filter(level=Sector.Level.SECTION),
            "needs": NeedCode.objects.filter(is_active=True),
            "groups": MarketGroup.objects.all(),
            "countries": Country.objects.all(),
            "ownerships": Ownership.choices,
            "can_create": rules.can(request.user, "enterprise.create"),
        },
    )


def _profile_input(form: EnterpriseProfileForm) -> services.EnterpriseInput:
    return services.EnterpriseInput(
        values=form.profile_values(),
        target_countries=form.cleaned_data["target_countries"],
        target_groups=form.cleaned_data["target_groups"],
    )


@login_required
def enterprise_create(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.can(request.user, "enterprise.create"):
        raise PermissionDenied
    form = EnterpriseProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enterprise = services.enterprise_create(actor=request.user, data=_profile_input(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Enterprise created."))
            return redirect(enterprise)
    return render(request, "enterprises/edit.html", {"form": form, "enterprise": None})


@login_required
def enterprise_edit(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for_edit(user=request.user, enterprise_id=enterprise_id)
    form = EnterpriseProfileForm(request.POST or None, instance=enterprise)
    version = VersionForm(request.POST or None, initial={"version": enterprise.version})
    if request.method == "POST" and form.is_valid() and version.is_valid():
        saved = save_or_explain(
            form,
            lambda: services.enterprise_update(
                actor=request.user,
                enterprise=enterprise,
                seen_version=version.cleaned_data["version"],
                data=_profile_input(form),
            ),
        )
        if saved:
            messages.success(request, _("Profile saved."))
            return redirect(_home_of(request, enterprise))
    return render(
        request,
        "enterprises/edit.html",
        {"form": form, "version_form": version, "enterprise": enterprise},
    )


def _home_of(request: AuthenticatedRequest, enterprise: Enterprise) -> str:
    if selectors.enterprise_of_member(request.user) == enterprise:
        return "enterprises:portal"
    return enterprise.get_absolute_url()


@login_required
def enterprise_needs(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for_edit(user=request.user, enterprise_id=enterprise_id)
    current = list(enterprise.needs.all())
    form = NeedsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen()
        with transaction.atomic():
            kept = {item.need.pk for item in chosen}
            for row in current:
                if row.need_id not in kept:
                    services.enterprise_need_remove(actor=request.user, need=row)
            for item in chosen:
                services.enterprise_need_save(actor=request.user, enterprise=enterprise, need=item)
        messages.success(request, _("Needs saved."))
        return redirect(_home_of(request, enterprise))
    return render(request, "enterprises/needs.html", {"form": form, "enterprise": enterprise})


@login_required
def contact_edit(
    request: AuthenticatedRequest, enterprise_id: int, contact_id: int | None = None
) -> HttpResponse:
    enterprise = selectors.enterprise_get_for_edit(user=request.user, enterprise_id=enterprise_id)
    contact = (
        get_object_or_404(
            selectors.contact_list_for(user=request.user, enterprise=enterprise), pk=contact_id
        )
        if contact_id
        else None
    )
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        services.contact_save(
            actor=request.user,
            enterprise=enterprise,
            contact=contact,
            values={name: form.cleaned_data[name] for name in ContactForm.Meta.fields},
        )
        messages.success(request, _("Contact saved."))
        return redirect(_home_of(request, enterprise))
    return render(
        request,
        "enterprises/contact_edit.html",
        {"form": form, "enterprise": enterprise, "contact": contact},
    )


@login_required
@require_POST
def contact_delete(
    request: AuthenticatedRequest, enterprise_id: int, contact_id: int
) -> HttpResponse:
    enterprise = selectors.enterprise_get_for_edit(user=request.user, enterprise_id=enterprise_id)
    contact = get_object_or_404(
        selectors.contact_list_for(user=request.user, enterprise=enterprise), pk=contact_id
    )
    services.contact_remove(actor=request.user, contact=contact)
    messages.success(request, _("Contact removed."))
    return redirect(_home_of(request, enterprise))


@login_required
@require_POST
def enterprise_delete(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)
    if not rules.can(request.user, "enterprise.edit_any"):
        raise PermissionDenied
    services.enterprise_delete(actor=request.user, enterprise=enterprise)
    messages.success(request, _("Enterprise removed from the lists. Its history is kept."))
    return redirect("enterprises:list")
