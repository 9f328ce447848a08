"""Roadmap endpoints: the same services, selectors and checks as the pages."""

from __future__ import annotations

from typing import Any

from ninja import Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.roadmaps import selectors, services
from goglobal.roadmaps.models import Roadmap

router = Router()


class RoadmapOut(Schema):
    enterprise: int
    version: int
    as_of: str
    generated_at: str
    roadmap: dict[str, Any]
    changes: list[dict[str, Any]]


class VersionOut(Schema):
    version: int
    as_of: str
    generated_at: str


def _out(roadmap: Roadmap) -> dict[str, Any]:
    return {
        "enterprise": roadmap.enterprise_id,
        "version": roadmap.number,
        "as_of": roadmap.as_of.isoformat(),
        "generated_at": roadmap.generated_at.isoformat(),
        "roadmap": roadmap.result,
        "changes": roadmap.changes,
    }


@router.get("/enterprises/{enterprise_id}", response={200: RoadmapOut, 404: dict[str, str]})
def roadmap_latest(request: AuthenticatedRequest, enterprise_id: int) -> Any:
    """The latest roadmap of an enterprise (format goglobal-roadmap/1, overrides marked)."""
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    roadmap = selectors.roadmap_latest(enterprise)
    if roadmap is None:
        return 404, {"detail": "No roadmap has been generated for this enterprise yet."}
    return 200, _out(roadmap)


@router.get("/enterprises/{enterprise_id}/versions", response=list[VersionOut])
def roadmap_version_list(request: AuthenticatedRequest, enterprise_id: int) -> list[dict[str, Any]]:
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    return [
        {
            "version": r.number,
            "as_of": r.as_of.isoformat(),
            "generated_at": r.generated_at.isoformat(),
        }
        for r in selectors.roadmap_versions(enterprise)
    ]


@router.get("/enterprises/{enterprise_id}/versions/{number}", response=RoadmapOut)
def roadmap_version(request: AuthenticatedRequest, enterprise_id: int, number: int) -> Any:
    return _out(
        selectors.roadmap_version_for(user=request.user, enterprise_id=enterprise_id, number=number)
    )


@router.post("/enterprises/{enterprise_id}/generate", response={201: RoadmapOut})
def roadmap_generate(request: AuthenticatedRequest, enterprise_id: int) -> Any:
    """Compute and store a new version under the rules in force today."""
    enterprise = selectors.roadmap_enterprise_for(user=request.user, enterprise_id=enterprise_id)
    selectors.require_generate(user=request.user, enterprise=enterprise)
    roadmap = services.roadmap_generate(actor=request.user, enterprise=enterprise)
    assert roadmap is not None  # noqa: S101 - only_if_changed is off
    return 201, _out(roadmap)
