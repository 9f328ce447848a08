"""Property-based tests of the whole JSON API from its published OpenAPI schema (schemathesis).

Every operation of ``/api/openapi.json`` is called with inputs generated from its schema —
valid ones, and invalid ones (wrong types, out-of-range numbers, missing or extra fields) —
by a real API token of each role, through the real WSGI application (middleware, token
authentication, scopes, the views and the database). Every answer must:

* never be a server error (5xx);
* have a status code the operation declares;
* have the content type it declares for that status;
* match the declared schema of that status's body;
* refuse invalid input with a 4xx.

Generation is derandomised and uses no example database, so a run is the same every time
and writes nothing into the checkout. The default run keeps a few examples per operation and
role; ``-m slow`` runs many more (``test_the_api_holds_for_many_more_inputs``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from goglobal.config.api import api
from goglobal.core.tests import api_world

# Hypothesis keeps caches (and, unless told otherwise, an example database) in ``.hypothesis``
# of the working directory; none of it belongs in the checkout.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "goglobal-hypothesis")

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


def _schema() -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": 15,
            "generation": {"mode": "all", "database": "none", "deterministic": True},
        }
    )
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=config)
    schema.app = get_wsgi_application()
    return schema


schema = _schema()
CALLS: dict[str, int] = {}
api_world.register_path_hooks(schema)

QUICK = hypothesis.settings(
    max_examples=6,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The records the generated requests read and change, made once for this module and
    rolled back when it ends; each test (one operation and one token) runs in a savepoint
    of its own, so what one writes is gone before the next starts."""
    yield from api_world.world(django_db_blocker)


@pytest.fixture(scope="module", autouse=True)
def _report_the_count(request):
    """Say how many requests were sent to how many operations (in the terminal summary)."""
    CALLS.clear()
    yield
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None and CALLS:
        with capture.global_and_fixture_disabled():
            reporter.write_line(
                f"\nAPI property tests: {sum(CALLS.values())} requests to {len(CALLS)} operations"
            )


@pytest.fixture(scope="module", autouse=True)
def _keep_the_test_connection():
    """Django closes the database connection when a request ends; the test's transaction
    lives on that connection, so (as Django's test client does) it stays open here."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@QUICK
def test_the_api_holds_for_generated_inputs(case, world):
    _call_and_validate(case, world)


def _call_and_validate(case, world):
    credential = api_world.credential_for(case)
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {world.tokens[credential]}"}
    CALLS[case.operation.label] = CALLS.get(case.operation.label, 0) + 1
    case.call_and_validate(checks=CHECKS)


DEEP = hypothesis.settings(QUICK, max_examples=80)


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@DEEP
def test_the_api_holds_for_many_more_inputs(case, world):
    """The same properties with many more examples per operation (``make test-slow``)."""
    _call_and_validate(case, world)


@pytest.mark.slow
@pytest.mark.django_db
def test_sequences_of_calls_hold(world):
    """Chains of calls (schemathesis' stateful testing): what one answer names — an id made
    by a create, a version read by a get — is fed to the operations that take it, and every
    answer along the way keeps the same properties."""
    tokens = world.tokens

    class Sequences(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case):
            credential = api_world.credential_for(case)
            return {"headers": {"Authorization": f"Bearer {tokens[credential]}"}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS)

    Sequences.run(
        settings=hypothesis.settings(
            QUICK, max_examples=40, stateful_step_count=8, phases=list(hypothesis.Phase)
        )
    )
