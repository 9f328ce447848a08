"""Fixtures shared by every test: reference data, and a user per role.

Reference data is loaded once into the test database. Tests that use ``transactional_db`` (a
live server, a worker process) empty every table when they finish, so those tests get the
reference rows loaded again before they start and after they end.
"""

from __future__ import annotations

import pytest


def _load_reference_data() -> None:
    from goglobal.knowledge.services import reference_data_load

    reference_data_load()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_around_transactional_tests(request):
    """Instantiated first, torn down last: reloads after ``transactional_db`` has flushed."""
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    if not transactional:
        yield
        return
    blocker = request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        _load_reference_data()
    yield
    with blocker.unblock():
        _load_reference_data()


@pytest.fixture(autouse=True)
def _staff_force_login_passes_second_factor(request, monkeypatch):
    """``Client.force_login`` of a staff user also verifies a TOTP device for the session, as
    signing in through both steps would; tests marked ``real_two_factor`` get the bare login
    and see two-factor enforcement exactly as a browser does."""
    if request.node.get_closest_marker("real_two_factor"):
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from goglobal.accounts.testing import verify_second_factor
        from goglobal.accounts.two_factor import requires_two_factor

        if requires_two_factor(user):
            verify_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def make_user(db):
    from goglobal.accounts.tests.factories import UserFactory

    def make(role: str = "officer", **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def officer(make_user):
    return make_user("officer")


@pytest.fixture
def admin_user(make_user):
    return make_user("admin")
