"""Request type for views behind ``login_required`` and authenticated API endpoints."""

from django.http import HttpRequest

from goglobal.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User
