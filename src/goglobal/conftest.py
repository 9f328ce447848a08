"""Shared fixtures: reference data loaded once per test database, and a user per role."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from goglobal.knowledge.services import reference_data_load

    with django_db_blocker.unblock():
        reference_data_load()


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
