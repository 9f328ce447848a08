"""Fixtures shared by every test: reference data, and a user per role.

Reference data is loaded once into the test database. Tests that use ``transactional_db`` (a
live server, a worker process) empty every table when they finish, so those tests get the
reference rows loaded again before they start and after every fixture of theirs is torn down.
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


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(autouse=True)
def _reference_data_before_transactional_tests(request):
    """A transactional test starts from the reference rows (an earlier one may have flushed)."""
    if _transactional(request.node):
        with request.getfixturevalue("django_db_blocker").unblock():
            _load_reference_data()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's fixtures are torn down (its flush included), whatever order
    they were torn down in (under pytest-xdist pytest-django's own fixtures can finish after
    ours), the reference rows are loaded again for the tests that follow."""
    result = yield
    if nextitem is not None and _transactional(item):  # after the last test: no database left
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _load_reference_data()
    return result


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A view that activates a language (registration speaks Simplified Chinese to mainland
    visitors) leaves it active in the thread after the test client's request; the next test in
    the same process would read messages in it. Each test starts from the default."""
    from django.utils import translation

    yield
    translation.deactivate()


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
