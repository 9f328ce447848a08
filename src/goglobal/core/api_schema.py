"""The error answers every API operation can give, declared in the published OpenAPI schema.

The API answers errors in one place (``goglobal.config.api``'s exception handlers and
django-ninja's own validation), so they are declared in one place too, from what each
operation takes:

* 400 for every operation: a request the API cannot read at all (a body that is not JSON, a
  NUL in the query string, a number the database cannot hold, a refusal by a business rule);
* 401 when the operation needs authentication (no, an unknown, an expired or a revoked token);
* 403 for the same (a token outside its scopes, or a role that may not do this);
* 404 when its path names a record (absent, deleted, or not visible to the caller);
* 409 when its body carries the ``version`` it was read at (someone saved in between);
* 422 when it takes parameters or a body (a value of the wrong type or out of range).

Times of day (``datetime.time``) are local times without an offset — a delegation's day starts
at 09:00 in the delegation's own time zone — which JSON Schema's ``time`` format (RFC 3339's
``full-time``) does not allow, so they are published as RFC 3339's ``partial-time``, with a
pattern a client can check.
"""

from __future__ import annotations

from typing import Any

ERROR_COMPONENT = "ErrorOut"
ERROR_SCHEMA: dict[str, Any] = {
    "title": ERROR_COMPONENT,
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "What went wrong: a sentence, or one entry per invalid field",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}],
        },
        "code": {"title": "Code", "type": "string"},
        "field": {"title": "Field", "anyOf": [{"type": "string"}, {"type": "null"}]},
        "errors": {
            "title": "Errors",
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail"],
}
_DESCRIPTIONS = {
    400: "The request cannot be read or was refused",
    401: "Not authenticated",
    403: "Not allowed for this token or role",
    404: "No such record, or not visible to the caller",
    409: "The record changed since it was read",
    422: "A parameter or field is not valid",
}


def _body_has_version(operation: dict[str, Any], components: dict[str, Any]) -> bool:
    content = operation.get("requestBody", {}).get("content", {})
    for media in content.values():
        ref = media.get("schema", {}).get("$ref", "")
        schema = components.get(ref.rsplit("/", 1)[-1], {}) if ref else media.get("schema", {})
        if "version" in schema.get("properties", {}):
            return True
    return False


PARTIAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$"


def _local_times(node: Any) -> None:
    """Every ``format: time`` in ``node`` becomes ``partial-time`` with its pattern."""
    if isinstance(node, dict):
        if node.get("format") == "time" and node.get("type") == "string":
            node["format"] = "partial-time"
            node["pattern"] = PARTIAL_TIME_PATTERN
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def declare_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the error answers each operation can give added to its responses."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[ERROR_COMPONENT] = ERROR_SCHEMA
    _local_times(schema)
    reference = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
    for path, methods in schema.get("paths", {}).items():
        for operation in methods.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            codes = [400]
            if operation.get("security"):
                codes += [401, 403]
            if "{" in path:
                codes.append(404)
            if _body_has_version(operation, components):
                codes.append(409)
            if operation.get("parameters") or operation.get("requestBody"):
                codes.append(422)
            responses = operation["responses"]
            for code in codes:
                # django-ninja keys responses by number: one key per code, never 404 and "404".
                if code in responses or str(code) in responses:
                    continue
                responses[code] = {
                    "description": _DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": reference}},
                }
    return schema
