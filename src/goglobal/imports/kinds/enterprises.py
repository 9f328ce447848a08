"""Enterprises: one row per enterprise, its target markets, needs and primary contact."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from goglobal.engines.identity import Record
from goglobal.engines.text import detect_language
from goglobal.enterprises import rules
from goglobal.enterprises.identity import identity_keys_refresh
from goglobal.enterprises.models import (
    EmployeeBand,
    Enterprise,
    ListingStatus,
    Ownership,
    Priority,
    RevenueBand,
    Timeline,
)
from goglobal.enterprises.services import enterprise_search_text
from goglobal.enterprises.signals import announce_changed
from goglobal.enterprises.validators import validate_social_credit_code
from goglobal.imports.cells import Cells, RowError, split_list
from goglobal.imports.codes import ReferenceCodes, ReverseCodes
from goglobal.imports.identity import duplicates_note_many, duplicates_of_many
from goglobal.imports.kinds.base import Hit, Kind, ParsedRow, joined
from goglobal.imports.kinds.relations import (
    ContactState,
    ManyToMany,
    Needs,
    NeedState,
    PrimaryContact,
)
from goglobal.knowledge.languages import TEXT_LANGUAGES

_FIELD_COLUMNS = {
    "name_zh": "name_zh",
    "name_en": "name_en",
    "social_credit_code": "social_credit_code",
    "province_id": "province",
    "city_id": "city",
    "sector_id": "sector",
    "employee_band": "employee_band",
    "revenue_band": "revenue_band",
    "ownership": "ownership",
    "listing_status": "listing_status",
    "hs_codes": "hs_codes",
    "description": "description",
    "description_language": "description_language",
    "website": "website",
}
_CONTACT_COLUMNS = ("contact_name", "contact_email", "contact_phone", "contact_consent")
_LANGUAGES = [code for code, _label in TEXT_LANGUAGES]
_ONE_DIGIT = re.compile(r"^\d$")
# TextChoices.values builds a new list on every access: read them once.
_EMPLOYEE_BANDS = tuple(EmployeeBand.values)
_REVENUE_BANDS = tuple(RevenueBand.values)
_OWNERSHIPS = tuple(Ownership.values)
_LISTINGS = tuple(ListingStatus.values)
_PRIORITIES = frozenset(Priority.values)
_TIMELINES = frozenset(Timeline.values)


class EnterpriseKind(Kind):
    name = "enterprises"
    model = Enterprise
    columns = [
        "external_id",
        *_FIELD_COLUMNS.values(),
        "target_markets",
        "needs",
        *_CONTACT_COLUMNS,
    ]
    required_columns = [
        "external_id",
        "name_zh",
        "social_credit_code",
        "province",
        "city",
        "sector",
        "employee_band",
        "revenue_band",
        "ownership",
    ]
    relations = {
        "target_countries": ManyToMany(Enterprise._meta.get_field("target_countries")),
        "target_groups": ManyToMany(Enterprise._meta.get_field("target_groups")),
        "needs": Needs(),
        "contact": PrimaryContact(),
    }

    def parse(self, cells: Cells, codes: ReferenceCodes) -> ParsedRow:
        row = ParsedRow(cells.number, self.external_id(cells))
        values = self._profile(cells, codes)
        row.values = {
            name: value for name, value in values.items() if cells.has(_FIELD_COLUMNS[name])
        }
        row.unique["social_credit_code"] = values["social_credit_code"]
        if cells.has("target_markets"):
            row.relations.update(_markets(cells, codes))
        if cells.has("needs"):
            row.relations["needs"] = _needs(cells, codes)
        contact = _contact(cells)
        if contact is not None:
            row.relations["contact"] = contact
        row.errors = cells.errors
        return row

    def _profile(self, cells: Cells, codes: ReferenceCodes) -> dict[str, Any]:
        province, city = _areas(cells, codes)
        sector = cells.raw("sector")
        if _ONE_DIGIT.match(sector):  # Excel drops the leading zero of "01"
            cells.cells["sector"] = sector.zfill(2)
        description = cells.text("description", max_length=20000)
        return {
            "name_zh": cells.text("name_zh", max_length=200, required=True),
            "name_en": cells.text("name_en", max_length=200),
            "social_credit_code": _social_credit_code(cells),
            "province_id": province,
            "city_id": city,
            "sector_id": cells.code("sector", codes.sectors),
            "employee_band": cells.choice("employee_band", _EMPLOYEE_BANDS),
            "revenue_band": cells.choice("revenue_band", _REVENUE_BANDS),
            "ownership": cells.choice("ownership", _OWNERSHIPS),
            "listing_status": cells.choice(
                "listing_status", _LISTINGS, default=ListingStatus.UNLISTED.value
            ),
            "hs_codes": _hs_codes(cells),
            "description": description,
            "description_language": cells.choice(
                "description_language", _LANGUAGES, default=_language_of(cells, description)
            ),
            "website": cells.url("website"),
        }

    def check_database(self, rows: list[ParsedRow]) -> list[RowError]:
        errors = super().check_database(rows)
        codes = [row.unique["social_credit_code"] for row in rows]
        owners = {
            code: (external_id, pk, name, deleted)
            for code, external_id, pk, name, deleted in Enterprise.objects.filter(
                social_credit_code__in=codes
            ).values_list("social_credit_code", "external_id", "pk", "name_zh", "deleted_at")
        }
        known = set(
            Enterprise.objects.filter(
                external_id__in=[row.external_id for row in rows]
            ).values_list("external_id", flat=True)
        )
        chosen = _chosen([row.link_to for row in rows if row.link_to])
        new_rows = []
        for row in rows:
            code = row.unique["social_credit_code"]
            owner = owners.get(code)
            if owner and owner[0] != row.external_id:
                live = owner[3] is None
                if live:
                    row.duplicates.append(Hit(owner[1], owner[2], owner[0] or "", same_code=True))
                wanted = row.link_duplicates or row.link_to == owner[1]
                if wanted and row.external_id not in known and live:
                    errors.extend(self._link(row, owner[0], owner[1], owner[2]))
                    continue
                message = _(
                    "Unified Social Credit Code %(code)s already belongs to another enterprise "
                    "(external id “%(external_id)s”)."
                ) % {"code": code, "external_id": owner[0] or "—"}
                errors.append(RowError(row.number, "social_credit_code", message))
            elif owner is None and row.external_id not in known:
                target = chosen.get(row.link_to) if row.link_to else None
                if target is None:
                    new_rows.append(row)
                    continue
                # The person chose, in the wizard's preview, the enterprise this row is.
                row.duplicates.append(Hit(target[0], target[2], target[1] or ""))
                errors.extend(self._link(row, target[1], target[0], target[2]))
        _possible_duplicates(new_rows)
        return errors

    @staticmethod
    def _link(row: ParsedRow, external_id: str | None, pk: int, name: str) -> list[RowError]:
        """Link instead of create: the row updates the enterprise that has its code."""
        if external_id:
            row.external_id = external_id
            message = _(
                "Same Unified Social Credit Code as the existing enterprise “%(name)s”: this row "
                "updates it (external id “%(external_id)s”) instead of creating a new record."
            ) % {"name": name, "external_id": external_id}
        else:
            row.link_pk = pk
            message = _(
                "Same Unified Social Credit Code as the existing enterprise “%(name)s”: this row "
                "updates it and gives it the external id “%(external_id)s”."
            ) % {"name": name, "external_id": row.external_id}
        row.warnings.append(RowError(row.number, "social_credit_code", message))
        return []

    def search_text(self, record: Any) -> str:
        return enterprise_search_text(record)

    def updated(self, pks: list[int]) -> None:
        announce_changed(pks)

    def written(self, pks: list[int]) -> None:
        identity_keys_refresh(pks)

    def created(self, pks: list[int]) -> None:
        duplicates_note_many(pks)

    def export_row(self, record: Any, states: dict[str, Any], codes: ReverseCodes) -> list[str]:
        markets = sorted(codes.countries[pk] for pk in states["target_countries"])
        markets += sorted(codes.groups[pk] for pk in states["target_groups"])
        needs = sorted(
            f"{codes.needs[need_id]}:{state.priority}:{state.timeline}"
            for need_id, state in states["needs"].items()
        )
        contact = states["contact"]
        if contact and not contact.has_consent and contact.consent_recorded_at is not None:
            contact = None  # withdrew consent: left out of exports (re-importing keeps the row)
        return [
            record.external_id or "",
            record.name_zh,
            record.name_en,
            record.social_credit_code,
            codes.areas[record.province_id],
            codes.areas[record.city_id],
            codes.sectors[record.sector_id],
            record.employee_band,
            record.revenue_band,
            record.ownership,
            record.listing_status,
            joined(record.hs_codes),
            record.description,
            record.description_language,
            record.website,
            joined(markets),
            joined(needs),
            *(
                [
                    contact.full_name,
                    contact.email,
                    contact.phone,
                    "yes" if contact.has_consent else "no",
                ]
                if contact
                else ["", "", "", ""]
            ),
        ]


def _possible_duplicates(rows: list[ParsedRow]) -> None:
    """Row warnings naming the stored enterprises these new rows' names say they may be (one
    look-up for the whole batch)."""
    records = [
        Record.of(
            [row.values.get("name_zh"), row.values.get("name_en")],
            row.unique.get("social_credit_code"),
        )
        for row in rows
    ]
    chinese = _chinese()
    for row, hits in zip(rows, duplicates_of_many(records, limit=3), strict=True):
        for hit in hits:
            row.duplicates.append(
                Hit(hit.enterprise.pk, hit.enterprise.name_zh, hit.enterprise.external_id or "")
            )
            message = _(
                "May be the existing enterprise “%(name)s” (external id “%(external_id)s”): "
                "%(reasons)s. It is created as a new record and listed under possible duplicates."
            ) % {
                "name": hit.enterprise.name_zh,
                "external_id": hit.enterprise.external_id or "—",
                "reasons": "；".join(hit.reasons()) if chinese else "; ".join(hit.reasons()),
            }
            row.warnings.append(RowError(row.number, "name_zh", message))


def _chosen(ids: list[int]) -> dict[int, tuple[int, str | None, str]]:
    """The live enterprises rows were linked to: id → (id, external id, name)."""
    if not ids:
        return {}
    return {
        pk: (pk, external_id, name)
        for pk, external_id, name in Enterprise.objects.filter(
            pk__in=ids, deleted_at__isnull=True
        ).values_list("pk", "external_id", "name_zh")
    }


def _chinese() -> bool:
    from django.utils import translation

    return (translation.get_language() or "").startswith("zh")


def _language_of(cells: Cells, description: str) -> str:
    """The language column if given, else the language the description is written in."""
    return "" if cells.raw("description_language") else detect_language(description)


def _social_credit_code(cells: Cells) -> str:
    value = cells.raw("social_credit_code").upper()
    if not value:
        cells.error(
            "social_credit_code", _("“%(column)s” is required.") % {"column": "social_credit_code"}
        )
        return value
    try:
        validate_social_credit_code(value)
    except ValidationError as error:
        cells.error("social_credit_code", " ".join(str(message) for message in error.messages))
    return value


def _areas(cells: Cells, codes: ReferenceCodes) -> tuple[int | None, int | None]:
    province = cells.code("province", codes.areas)
    city = cells.code("city", codes.areas)
    if province is not None and province.level != "province":
        cells.error(
            "province", _("“%(code)s” is not a province-level code.") % {"code": province.code}
        )
    outside = city is not None and province is not None and city.id != province.id
    if outside and city.province_id != province.id:
        cells.error(
            "city",
            _("City %(city)s is not in province %(province)s.")
            % {"city": city.code, "province": province.code},
        )
    return (province.id if province else None), (city.id if city else None)


def _hs_codes(cells: Cells) -> list[str]:
    items = split_list(cells.raw("hs_codes"))
    for item in items:
        if not rules.hs_code_is_valid(item):
            cells.error(
                "hs_codes", _("“%(code)s” is not an HS code (2, 4 or 6 digits).") % {"code": item}
            )
    return items


def _markets(cells: Cells, codes: ReferenceCodes) -> dict[str, frozenset[int]]:
    countries, groups = set(), set()
    for item in split_list(cells.raw("target_markets")):
        if item.upper() in codes.countries:
            countries.add(codes.countries[item.upper()])
        elif item.lower() in codes.groups:
            groups.add(codes.groups[item.lower()])
        else:
            cells.error("target_markets", _("Unknown market code “%(code)s”.") % {"code": item})
    return {"target_countries": frozenset(countries), "target_groups": frozenset(groups)}


def _needs(cells: Cells, codes: ReferenceCodes) -> dict[int, NeedState]:
    needs: dict[int, NeedState] = {}
    for item in split_list(cells.raw("needs")):
        code, priority, timeline = [*item.split(":"), "", ""][:3]
        problem = None
        if code not in codes.needs:
            problem = _("Unknown need code “%(code)s”.") % {"code": code}
        elif priority and priority not in _PRIORITIES:
            problem = _("Unknown priority “%(value)s” in “%(item)s”.") % {
                "value": priority,
                "item": item,
            }
        elif timeline and timeline not in _TIMELINES:
            problem = _("Unknown timeline “%(value)s” in “%(item)s”.") % {
                "value": timeline,
                "item": item,
            }
        elif codes.needs[code] in needs:
            problem = _("Need “%(code)s” is listed twice.") % {"code": code}
        if problem:
            cells.error("needs", problem)
            continue
        needs[codes.needs[code]] = NeedState(
            priority or Priority.MEDIUM.value, timeline or Timeline.SOON.value
        )
    return needs


def _contact(cells: Cells) -> ContactState | None:
    if not cells.has("contact_name"):
        return None
    name = cells.text("contact_name", max_length=200)
    email = cells.email("contact_email")
    phone = cells.text("contact_phone", max_length=40)
    has_consent = cells.yes_no("contact_consent")
    if not name:
        if email or phone or has_consent:
            cells.error("contact_name", _("Give the contact's name with their other details."))
        return None
    return ContactState(name, email, phone, has_consent)
