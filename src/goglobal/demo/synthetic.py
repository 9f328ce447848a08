"""Large synthetic sets for benchmarks, written with ``bulk_create`` in batches.

Rows are as valid as the demo set (social credit codes, cities in their provinces, search keys)
but skip the services' per-row validation and audit rows. Memory stays bounded by the batch
size: specifications are generated lazily and each batch is written and dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Field, Model
from django.utils import timezone

from goglobal.demo.catalog import Available
from goglobal.demo.enterprises import EnterpriseSpec, enterprise_specs
from goglobal.demo.providers import ProviderSpec, provider_specs
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.enterprises.services import enterprise_search_text
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector
from goglobal.providers.models import ProviderMarket, ServiceProvider
from goglobal.providers.services import organisation_search_text

T = TypeVar("T")
SERIAL_BASE = 10_000_000  # keeps synthetic codes apart from the demo set's


@dataclass
class SyntheticCounts:
    enterprises: int = 0
    providers: int = 0


class _Ids:
    """Primary keys of reference rows by code, read once."""

    def __init__(self) -> None:
        self.areas = dict(AdministrativeArea.objects.values_list("code", "pk"))
        self.sectors = dict(Sector.objects.values_list("code", "pk"))
        self.countries = dict(Country.objects.values_list("code", "pk"))
        self.groups = dict(MarketGroup.objects.values_list("code", "pk"))
        self.needs = dict(NeedCode.objects.values_list("code", "pk"))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _enterprise_row(spec: EnterpriseSpec, ids: _Ids) -> Enterprise:
    enterprise = Enterprise(
        **spec.values(),
        province_id=ids.areas[spec.province_code],
        city_id=ids.areas[spec.city_code],
        sector_id=ids.sectors[spec.sector_code],
    )
    enterprise.search_text = enterprise_search_text(enterprise)
    return enterprise


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or field.column is None:
        raise TypeError(f"{model._meta.label}.{name} is not a concrete column")
    return field.column


def _insert(model: type[Model], fields: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert child rows without model instances: COPY on PostgreSQL, multi-row INSERTs else."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(_column(model, name)) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
        limit = connection.features.max_query_params or 30_000
        head = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 - names from model metadata
        for part in batched(rows, max(1, min(1000, limit // len(fields)))):
            params = [value for row in part for value in row]
            cursor.execute(head + ", ".join([row_sql] * len(part)), params)


@transaction.atomic
def _enterprise_batch(specs: list[EnterpriseSpec], ids: _Ids) -> None:
    rows = Enterprise.objects.bulk_create([_enterprise_row(spec, ids) for spec in specs])
    pairs = [(row.pk, spec) for row, spec in zip(rows, specs, strict=True)]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    _insert(
        Enterprise.target_countries.through,
        ["enterprise", "country"],
        ((pk, ids.countries[code]) for pk, spec in pairs for code in spec.target_countries),
    )
    _insert(
        Enterprise.target_groups.through,
        ["enterprise", "marketgroup"],
        ((pk, ids.groups[code]) for pk, spec in pairs for code in spec.target_groups),
    )
    _insert(
        EnterpriseNeed,
        ["enterprise", "need", "priority", "timeline", "notes", "created_at", "updated_at"],
        (
            (pk, ids.needs[n.code], n.priority, n.timeline, n.notes, now, now)
            for pk, spec in pairs
            for n in spec.needs
        ),
    )
    _insert(
        Contact,
        [
            "enterprise",
            "full_name",
            "title",
            "email",
            "phone",
            "languages",
            "has_consent",
            "consent_recorded_at",
            "created_at",
            "updated_at",
        ],
        (
            (
                pk,
                c.full_name,
                c.title,
                c.email,
                c.phone,
                json.dumps(list(c.languages)),
                c.has_consent,
                now if c.has_consent else None,
                now,
                now,
            )
            for pk, spec in pairs
            for c in spec.contacts
        ),
    )


def _provider_row(spec: ProviderSpec) -> ServiceProvider:
    provider = ServiceProvider(**spec.values())
    provider.search_text = organisation_search_text(provider)
    return provider


@transaction.atomic
def _provider_batch(specs: list[ProviderSpec], ids: _Ids) -> None:
    rows = ServiceProvider.objects.bulk_create([_provider_row(spec) for spec in specs])
    pairs = [(row.pk, spec) for row, spec in zip(rows, specs, strict=True)]
    _insert(
        ServiceProvider.needs.through,
        ["serviceprovider", "needcode"],
        ((pk, ids.needs[code]) for pk, spec in pairs for code in spec.needs),
    )
    _insert(
        ServiceProvider.sectors.through,
        ["serviceprovider", "sector"],
        ((pk, ids.sectors[code]) for pk, spec in pairs for code in spec.sectors),
    )
    _insert(
        ProviderMarket,
        ["provider", "country", "presence", "city"],
        (
            (pk, ids.countries[m.country], m.presence, m.city)
            for pk, spec in pairs
            for m in spec.markets
        ),
    )


def synthetic_write(
    *,
    seed: int,
    enterprises: int,
    providers: int,
    batch_size: int = 2000,
    progress: Callable[[str, int], None] | None = None,
) -> SyntheticCounts:
    """Write ``enterprises`` and ``providers`` synthetic rows; ``progress(kind, done)`` reports."""
    available = Available.from_database()
    ids = _Ids()
    counts = SyntheticCounts()
    specs = enterprise_specs(
        seed=seed, count=enterprises, available=available, prefix="SYN-E", serial_base=SERIAL_BASE
    )
    for enterprise_batch in batched(specs, batch_size):
        _enterprise_batch(enterprise_batch, ids)
        counts.enterprises += len(enterprise_batch)
        if progress:
            progress("enterprises", counts.enterprises)
    for provider_batch in batched(
        provider_specs(seed=seed, count=providers, available=available, prefix="SYN-P"),
        batch_size,
    ):
        _provider_batch(provider_batch, ids)
        counts.providers += len(provider_batch)
        if progress:
            progress("providers", counts.providers)
    return counts
