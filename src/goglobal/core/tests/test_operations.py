"""Health, readiness, metrics, request ids and the 503 page: what operators and balancers see."""

import json
import logging

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import RequestFactory

from goglobal.core import shared_cache, views
from goglobal.core.middleware import DatabaseUnavailableMiddleware
from goglobal.core.request_context import request_id_from
from goglobal.knowledge.models import Country


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")  # no db fixture: any query would fail the test

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_with_the_database_migrated(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200, response.content
    assert response.json() == {"status": "ok"}


def test_readyz_is_not_ready_when_redis_is_configured_but_down(client, db, settings):
    settings.REDIS_CONFIGURED = True
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/readyz")

    assert response.status_code == 503
    assert "redis" in response.json()["problems"]


def test_a_request_keeps_a_plain_request_id_and_gets_one_otherwise(client, db):
    given = client.get("/healthz", headers={"X-Request-ID": "lb-1234"})
    fresh = client.get("/healthz", headers={"X-Request-ID": "<script>"})

    assert given["X-Request-ID"] == "lb-1234"
    assert fresh["X-Request-ID"] not in {"", "<script>"}
    assert len(fresh["X-Request-ID"]) == 32


def test_the_access_log_line_is_json_with_the_request_id(client, db, caplog):
    from goglobal.core.logs import JsonFormatter

    with caplog.at_level(logging.INFO, logger="goglobal.request"):
        client.get("/healthz", headers={"X-Request-ID": "abc-1"})

    record = next(r for r in caplog.records if r.name == "goglobal.request")
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc-1"
    assert (line["view"], line["status"], line["path"]) == ("core:health", 200, "/healthz")


def test_request_id_from_refuses_long_or_odd_values():
    assert request_id_from("a" * 64) == "a" * 64
    assert request_id_from("a" * 65) != "a" * 65
    assert request_id_from(None)


def test_metrics_from_loopback_count_requests_by_view(client, db):
    client.get("/healthz")

    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")

    assert response.status_code == 200
    text = response.content.decode()
    assert 'goglobal_http_requests_total{method="GET",status="200",view="core:health"}' in text
    assert "goglobal_http_request_duration_seconds_bucket" in text


def test_metrics_are_hidden_from_other_addresses_and_need_the_token_when_set(client, db, settings):
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.9").status_code == 404
    settings.GOGLOBAL_METRICS_TOKEN = "s3cret"

    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    allowed = client.get(
        "/metrics", REMOTE_ADDR="10.0.0.9", headers={"Authorization": "Bearer s3cret"}
    )
    assert allowed.status_code == 200


@pytest.mark.parametrize(
    ("language", "text"), [("en", "briefly unavailable"), ("zh-hans", "暂时"), ("zh-hant", "暫時")]
)
def test_a_view_that_loses_the_database_answers_a_plain_translated_503(language, text):
    from django.utils import translation

    request = RequestFactory().get("/cases/")
    middleware = DatabaseUnavailableMiddleware(lambda request: None)

    with translation.override(language):
        response = middleware.process_exception(request, OperationalError("server closed"))

    assert response.status_code == 503
    assert response["Retry-After"]
    assert text in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_the_api_answers_503_in_json_and_other_errors_pass_through():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/api/cases")

    response = middleware.process_exception(request, OperationalError("down"))

    assert response.status_code == 503
    assert "detail" in json.loads(response.content)
    assert middleware.process_exception(request, ValueError("bug")) is None


def test_the_500_handler_turns_a_database_outage_into_a_503():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = views.server_error(request)

    assert response.status_code == 503


def test_saving_a_row_the_filter_panels_list_invalidates_them_after_commit(
    db, django_capture_on_commit_callbacks
):
    cache.clear()
    before = shared_cache.panels_version()
    country = Country.objects.first()

    with django_capture_on_commit_callbacks(execute=True):
        country.save()

    assert shared_cache.panels_version() == before + 1
