"""Signing in and out, the home page by role, and API tokens."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from goglobal.accounts import security, services, throttle, two_factor
from goglobal.accounts.forms import (
    ApiTokenForm,
    EmailAuthenticationForm,
    TwoFactorTokenForm,
    lockout_message,
)
from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import Role


class LoginView(auth_views.LoginView):
    """Signs in by email; a user who never chose a language gets the one saved on the account."""

    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        security.security_event(security.SIGNED_IN, user=form.get_user(), request=self.request)
        language = form.get_user().preferred_language
        if settings.LANGUAGE_COOKIE_NAME not in self.request.COOKIES and language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
            )
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated:
            security.security_event(security.SIGNED_OUT, user=request.user, request=request)
        return super().post(request, *args, **kwargs)


login_view = LoginView.as_view()
logout_view = LogoutView.as_view()


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(reverse_lazy("accounts:home"))


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse_lazy(name)}?{urlencode({'next': _next_url(request)})}"


@login_required
def two_factor_setup(request: AuthenticatedRequest) -> HttpResponse:
    """Enrol an authenticator (scan the QR code, type a code), or see one's enrolment."""
    user = request.user
    enrolled = two_factor.has_confirmed_device(user)
    if enrolled and two_factor.needs_second_factor(request):
        return redirect(_with_next("accounts:two_factor_verify", request))
    if enrolled:
        codes = None
        if request.method == "POST" and request.POST.get("action") == "recovery":
            codes = two_factor.recovery_codes_replace(user)
            security.security_event(
                security.TWO_FACTOR_ENROLLED, user=user, request=request, recovery_codes="new"
            )
            _notify(request, user, services.NOTICE_RECOVERY_CODES_RENEWED)
        return render(
            request,
            "accounts/two_factor_status.html",
            {"codes": codes, "required": two_factor.requires_two_factor(user)},
        )
    device = two_factor.pending_device(user)
    form = TwoFactorTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = two_factor.confirm_device(device)
            otp_login(request, device)
            security.security_event(security.TWO_FACTOR_ENROLLED, user=user, request=request)
            _notify(request, user, services.NOTICE_TWO_FACTOR_ENROLLED)
            return render(
                request,
                "accounts/two_factor_status.html",
                {"codes": codes, "just_enrolled": True, "next": _next_url(request)},
            )
        form.add_error("token", _("That code is not right. Check the time on your phone."))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr": two_factor.qr_svg(device),
            "secret": two_factor.secret_base32(device),
            "required": two_factor.requires_two_factor(user),
            "next": _next_url(request),
        },
    )


@login_required
def two_factor_verify(request: AuthenticatedRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator or a recovery code."""
    user = request.user
    if not two_factor.has_confirmed_device(user):
        return redirect(_with_next("accounts:two_factor_setup", request))
    if not two_factor.needs_second_factor(request):
        return redirect(_next_url(request))
    form = TwoFactorTokenForm(request.POST or None)
    address = throttle.client_address(request)
    if request.method == "POST" and form.is_valid():
        if throttle.is_locked(user.email, address, scope="otp"):
            form.add_error("token", lockout_message())
        else:
            device = match_token(user, form.cleaned_data["token"])
            if device is not None:
                otp_login(request, device)
                throttle.clear_account(user.email, scope="otp")
                security.security_event(
                    security.TWO_FACTOR_VERIFIED,
                    user=user,
                    request=request,
                    device=type(device).__name__,
                )
                if two_factor.is_recovery_device(device):
                    _notify(request, user, services.NOTICE_RECOVERY_CODE_USED)
                return redirect(_next_url(request))
            locked = throttle.record_failure(user.email, address, scope="otp")
            security.security_event(security.TWO_FACTOR_FAILED, user=user, request=request)
            if locked:
                security.security_event(security.LOCKED_OUT, user=user, request=request, step="2fa")
            form.add_error("token", lockout_message() if locked else _("That code is not right."))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    """Enterprise members go to their status page, provider members to their referrals inbox;
    task-force roles see their start page."""
    role = request.user.role
    if role == Role.ENTERPRISE_MEMBER:
        return redirect("cases:enterprise_case")
    if role == Role.PROVIDER_MEMBER:
        return redirect("cases:provider_referrals")
    return redirect("analytics:overview")


@login_required
def token_list(request: AuthenticatedRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        _token, raw = services.api_token_issue(
            user=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            days=form.cleaned_data["days"],
        )
        form = ApiTokenForm()
    tokens = request.user.api_tokens.all()
    return render(request, "accounts/tokens.html", {"form": form, "tokens": tokens, "raw": raw})


@login_required
@require_POST
def token_revoke(request: AuthenticatedRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    services.api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:tokens")


class PasswordResetView(auth_views.PasswordResetView):
    """The same answer whether or not the address has an account; rate-limited per address."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        if throttle.hit_rate_limit(
            "password_reset",
            throttle.client_address(self.request),
            limit=settings.GOGLOBAL_RESET_REQUESTS_PER_HOUR,
            window=3600,
        ):
            return redirect(self.success_url)  # the same page, and no mail sent
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        security.security_event(
            security.PASSWORD_CHANGED, user=self.request.user, request=self.request
        )
        _notify(self.request, self.request.user, services.NOTICE_PASSWORD_CHANGED)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password from an emailed link: audited, and the account holder told."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        security.security_event(
            security.PASSWORD_CHANGED, user=form.user, request=self.request, via="reset link"
        )
        _notify(self.request, form.user, services.NOTICE_PASSWORD_CHANGED)
        return response


def _notify(request: HttpRequest, user: Any, kind: str) -> None:
    services.security_notice_send(
        user=user,
        kind=kind,
        site_url=f"{request.scheme}://{request.get_host()}",
        address=throttle.client_address(request),
    )


def registration_sent(request: HttpRequest) -> HttpResponse:
    """The one answer to every registration, new address or not."""
    return render(request, "accounts/registration_sent.html")


def verify_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """A self-registered account becomes active, and signed in, from its emailed link."""
    user = services.email_verify(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/verify_email_invalid.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    security.security_event(security.SIGNED_IN, user=user, request=request, via="email link")
    messages.success(request, _("Your email address is confirmed. Welcome!"))
    return redirect("accounts:home")
