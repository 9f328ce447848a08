"""Every write of the roadmaps app: figures, generation (versioned), overrides."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.enterprises.models import Enterprise
from goglobal.roadmaps import changes, engine, overrides
from goglobal.roadmaps.models import OverrideKind, Roadmap, RoadmapFigures, RoadmapOverride
from goglobal.roadmaps.profiles import FINANCIAL_KEYS, profile_of

CURRENCIES = ("HKD", "CNY", "USD")


@dataclass(frozen=True)
class FiguresInput:
    expected_market_cap: Decimal | None
    market_cap_currency: str
    core_product_stage: str
    financials: list[dict[str, Any]]


def _clean_financials(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[int] = set()
    clean = []
    for index, row in enumerate(rows, start=1):
        year = row.get("year")
        if not isinstance(year, int) or not 1990 <= year <= 2100:
            raise ValidationError(_("Year %(n)s: give the year.") % {"n": index})
        if year in seen:
            raise ValidationError(_("The year %(year)s is given twice.") % {"year": year})
        seen.add(year)
        currency = row.get("currency") or "HKD"
        if currency not in CURRENCIES:
            raise ValidationError(_("Year %(n)s: unknown currency.") % {"n": index})
        values = {key: row[key] for key in FINANCIAL_KEYS if row.get(key) is not None}
        if not values:
            continue
        clean.append({"year": year, "currency": currency, **values})
    return sorted(clean, key=lambda r: r["year"], reverse=True)


@transaction.atomic
def figures_save(
    *, actor: User | None, enterprise: Enterprise, seen_version: int | None, data: FiguresInput
) -> RoadmapFigures:
    """Save the roadmap figures, refusing a stale write (``seen_version`` of the loaded row)."""
    financials = _clean_financials(data.financials)
    if data.market_cap_currency not in CURRENCIES:
        raise ValidationError({"market_cap_currency": _("Unknown currency.")})
    if data.expected_market_cap is not None and data.expected_market_cap < 0:
        raise ValidationError(
            {"expected_market_cap": _("A market capitalisation is not negative.")}
        )
    values = {
        "expected_market_cap": data.expected_market_cap,
        "market_cap_currency": data.market_cap_currency,
        "core_product_stage": data.core_product_stage,
        "financials": financials,
    }
    figures = RoadmapFigures.objects.filter(enterprise=enterprise).first()
    if figures is None:
        try:
            with transaction.atomic():
                figures = RoadmapFigures.objects.create(enterprise=enterprise, **values)
        except IntegrityError as error:
            raise StaleRecordError(enterprise) from error
        audit_record(actor=actor, record=figures, action="created", changes=_plain(values))
        return figures
    if seen_version is None or not RoadmapFigures.objects.filter(
        pk=figures.pk, version=seen_version
    ).update(**values, version=F("version") + 1, updated_at=timezone.now()):
        raise StaleRecordError(figures)
    figures.refresh_from_db()
    audit_record(actor=actor, record=figures, action="updated", changes=_plain(values))
    return figures


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()}


def _active_overrides(enterprise: Enterprise) -> list[overrides.Override]:
    rows = RoadmapOverride.objects.filter(enterprise=enterprise, withdrawn_at__isnull=True)
    return [
        overrides.Override(
            id=row.pk,
            kind=row.kind,
            note=row.note,
            by=str(row.created_by) if row.created_by else "",
            on=row.created_at.date().isoformat(),
            part=row.part,
            code=row.code,
            value=row.value,
            title=row.title,
            weeks=row.weeks,
            after=row.after,
        )
        for row in rows.select_related("created_by")
    ]


def _override_ids(result: dict[str, Any]) -> set[int]:
    ids: set[int] = set()
    for part in ("listing_routes", "mainland_steps", "functions", "markets", "schemes", "steps"):
        ids.update(item["override"]["id"] for item in result.get(part, []) if "override" in item)
    return ids


@transaction.atomic
def roadmap_generate(
    *,
    actor: User | None,
    enterprise: Enterprise,
    as_of: datetime.date | None = None,
    only_if_changed: bool = False,
    knowledge: tuple[Any, str] | None = None,
) -> Roadmap | None:
    """Compute the enterprise's roadmap and store it as a new version.

    The new version records what changed since the previous one and why (the profile fields
    that changed, a knowledge-base change, a later rules date, overrides). With
    ``only_if_changed`` nothing is stored when the answer and its inputs are the same.
    """
    Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
    day = as_of or timezone.localdate()
    profile = profile_of(enterprise, as_of=day)
    computed, knowledge_key = engine.compute(profile, knowledge)
    active = _active_overrides(enterprise)
    result = overrides.apply(computed, active)
    previous = Roadmap.objects.filter(enterprise=enterprise).order_by("-number").first()
    if previous is None:
        change_log: list[dict[str, Any]] = []
    else:
        diff = changes.result_changes(previous.result, result)
        causes = changes.why(
            before_profile=previous.profile,
            after_profile=profile,
            before_knowledge=previous.knowledge_key,
            after_knowledge=knowledge_key,
            overrides_changed=_override_ids(previous.result) != {o.id for o in active},
        )
        same_inputs = previous.profile.get("enterprise") == profile.get("enterprise")
        if only_if_changed and not diff and same_inputs and previous.knowledge_key == knowledge_key:
            return None
        change_log = [{"changes": diff, "causes": causes}]
    roadmap = Roadmap.objects.create(
        enterprise=enterprise,
        number=(previous.number + 1) if previous else 1,
        as_of=day,
        profile=profile,
        result=result,
        knowledge_key=knowledge_key,
        changes=change_log,
        generated_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(actor=actor, record=roadmap, action="created", changes={"number": roadmap.number})
    return roadmap


DECISION_PARTS = tuple(overrides.DECISIONS)


@transaction.atomic
def override_add(
    *,
    actor: User,
    enterprise: Enterprise,
    kind: str,
    note: str,
    part: str = "",
    code: str = "",
    value: bool | None = None,
    title: str = "",
    weeks: int | None = None,
    after: str = "",
) -> Roadmap:
    """Record an officer's override and regenerate, so the roadmap shows it at once."""
    if not note.strip():
        raise ValidationError({"note": _("Say why: the note is shown beside the override.")})
    if kind == OverrideKind.DECISION:
        latest = Roadmap.objects.filter(enterprise=enterprise).order_by("-number").first()
        if part not in DECISION_PARTS:
            raise ValidationError({"part": _("Choose a part of the roadmap.")})
        list_name, key, _field = overrides.DECISIONS[part]
        codes = {str(i.get(key)) for i in (latest.result.get(list_name, []) if latest else [])}
        if code not in codes:
            raise ValidationError({"code": _("This item is not in the roadmap.")})
        if value is None:
            raise ValidationError({"value": _("Choose yes or no.")})
    elif kind == OverrideKind.STEP:
        if not title.strip():
            raise ValidationError({"title": _("Name the step.")})
        if weeks is None or not 1 <= weeks <= 260:
            raise ValidationError({"weeks": _("Give the weeks the step takes, 1 to 260.")})
    else:
        raise DomainError(_("Unknown kind of override."), field="kind")
    row = RoadmapOverride.objects.create(
        enterprise=enterprise,
        kind=kind,
        part=part if kind == OverrideKind.DECISION else "",
        code=code if kind == OverrideKind.DECISION else "",
        value=value if kind == OverrideKind.DECISION else None,
        title=title.strip(),
        weeks=weeks,
        after=after,
        note=note.strip(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        record=row,
        action="created",
        changes={"kind": kind, "part": part, "code": code, "value": value, "note": row.note},
    )
    roadmap = roadmap_generate(actor=actor, enterprise=enterprise)
    assert roadmap is not None  # noqa: S101 - only_if_changed is off
    return roadmap


@transaction.atomic
def override_withdraw(*, actor: User, override: RoadmapOverride) -> Roadmap:
    if override.withdrawn_at is not None:
        raise DomainError(_("This override was already withdrawn."))
    override.withdrawn_at = timezone.now()
    override.save(update_fields=["withdrawn_at", "updated_at"])
    audit_record(actor=actor, record=override, action="updated", changes={"withdrawn": True})
    roadmap = roadmap_generate(actor=actor, enterprise=override.enterprise)
    assert roadmap is not None  # noqa: S101 - only_if_changed is off
    return roadmap


def roadmap_links_revoke(*, actor: User, roadmap: Roadmap) -> Roadmap:
    """Withdraw every shared link made for this version so far: the link generation goes up,
    so older links answer "withdrawn" and the next link made works."""
    with transaction.atomic():
        before = roadmap.link_generation
        Roadmap.objects.filter(pk=roadmap.pk).update(link_generation=F("link_generation") + 1)
        roadmap.refresh_from_db(fields=["link_generation"])
        audit_record(
            actor=actor,
            record=roadmap,
            action="updated",
            changes={"link_generation": [before, roadmap.link_generation]},
        )
    return roadmap


def roadmaps_regenerate_all(*, only_if_changed: bool = True) -> dict[str, int]:
    """Regenerate every enterprise's roadmap (after a knowledge or rules change).

    With ``only_if_changed`` a version is stored only where the answer or its inputs changed.
    Each enterprise is its own transaction, so one failure does not undo the others.
    """
    checked = regenerated = 0
    ids = (
        Roadmap.objects.filter(enterprise__deleted_at__isnull=True)
        .values_list("enterprise_id", flat=True)
        .distinct()
    )
    knowledge = engine.snapshot()
    for enterprise in Enterprise.objects.filter(pk__in=list(ids)).order_by("pk").iterator():
        checked += 1
        if roadmap_generate(
            actor=None, enterprise=enterprise, only_if_changed=only_if_changed, knowledge=knowledge
        ):
            regenerated += 1
    return {"checked": checked, "regenerated": regenerated}
