"""Signing in and out, the home page by role, and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.accounts import services
from goglobal.accounts.forms import ApiTokenForm, EmailAuthenticationForm
from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import Role


class LoginView(auth_views.LoginView):
    """Signs in by email; a user who never chose a language gets the one saved on the account."""

    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        language = form.get_user().preferred_language
        if settings.LANGUAGE_COOKIE_NAME not in self.request.COOKIES and language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
            )
        return response


login_view = LoginView.as_view()
logout_view = auth_views.LogoutView.as_view()


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    """Members go to their organisation; task-force roles see their start page."""
    role = request.user.role
    if role == Role.ENTERPRISE_MEMBER:
        return redirect("enterprises:portal")
    if role == Role.PROVIDER_MEMBER:
        return redirect("providers:portal")
    return redirect("analytics:overview")


@login_required
def token_list(request: AuthenticatedRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        _token, raw = services.api_token_issue(user=request.user, name=form.cleaned_data["name"])
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
