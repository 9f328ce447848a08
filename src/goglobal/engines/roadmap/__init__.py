"""The going-global roadmap engine: pure Python, no Django (see docs/roadmap-format.md).

    profile = parse_profile("profile.json", today=date.today())   # ProfileError names the field
    roadmap = build_roadmap(profile, snapshot)                     # snapshot: model.Snapshot
    document = roadmap.to_json("zh-hans")                          # goglobal-roadmap/1
    changes = diff(old_document, document)                         # what changed, and why

The Django side builds the snapshot from the loaded knowledge base:
``goglobal.knowledge.services.snapshot.snapshot_build()``.
"""

from goglobal.engines.roadmap.build import ENGINE_VERSION, Roadmap, build_roadmap
from goglobal.engines.roadmap.diff import diff
from goglobal.engines.roadmap.errors import ProfileError
from goglobal.engines.roadmap.messages import MESSAGES, render
from goglobal.engines.roadmap.model import Profile, Snapshot
from goglobal.engines.roadmap.profile import parse_profile

__all__ = [
    "ENGINE_VERSION",
    "MESSAGES",
    "Profile",
    "ProfileError",
    "Roadmap",
    "Snapshot",
    "build_roadmap",
    "diff",
    "parse_profile",
    "render",
]
