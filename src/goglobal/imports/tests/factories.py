"""Import files built in memory: valid enterprise, provider and investor rows by default."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from goglobal.enterprises.rules import social_credit_check_character
from goglobal.imports.kinds import KINDS


def social_credit_code(n: int, area: str = "440300") -> str:
    body = f"91{area}{n:09d}"
    return body + social_credit_check_character(body)


class EnterpriseRowFactory(factory.DictFactory):
    external_id = factory.Sequence(lambda n: f"crm-{n:05d}")
    name_zh = factory.Faker("company", locale="zh_CN")
    name_en = factory.Sequence(lambda n: f"Shenzhen Example {n} Co., Ltd.")
    social_credit_code = factory.Sequence(lambda n: social_credit_code(70000 + n))
    province = "440000"
    city = "440300"
    sector = "38"
    employee_band = "300_999"
    revenue_band = "200m_1b"
    ownership = "private"
    listing_status = "preparing"
    hs_codes = "8507;850760"
    description = "深圳的储能电池制造商，计划在东南亚设立区域总部。"
    description_language = "zh-hans"
    website = "https://example.cn"
    target_markets = "VN;TH;asean"
    needs = "fundraising.ipo:high:0_3m;legal.setup"
    contact_name = factory.Faker("name", locale="zh_CN")
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.cn")
    contact_phone = "+86 755 5555 0000"
    contact_consent = "yes"


class ProviderRowFactory(factory.DictFactory):
    external_id = factory.Sequence(lambda n: f"hk-provider-{n}")
    name_en = factory.Sequence(lambda n: f"Victoria Harbour Law {n}")
    name_zh_hans = factory.Sequence(lambda n: f"维港律师行{n}")
    name_zh_hant = factory.Sequence(lambda n: f"維港律師行{n}")
    description = "A Hong Kong law firm for mainland enterprises going to ASEAN."
    description_language = "en"
    website = "https://law.example.hk"
    category = "law_firm"
    needs = "legal.setup;ip.protection"
    sectors = "38;39"
    markets = "VN:office:Ho Chi Minh City;TH:network"
    languages = "zh;yue;en"
    licences = "Law Society of Hong Kong"
    capacity_per_month = "8"
    email = "hello@law.example.hk"


class InvestorRowFactory(factory.DictFactory):
    external_id = factory.Sequence(lambda n: f"hk-investor-{n}")
    name_en = factory.Sequence(lambda n: f"Lion Rock Capital {n}")
    name_zh_hans = factory.Sequence(lambda n: f"狮子山资本{n}")
    name_zh_hant = factory.Sequence(lambda n: f"獅子山資本{n}")
    description = "Growth investor in mainland hard technology."
    description_language = "en"
    website = "https://capital.example.hk"
    investor_type = "pe"
    sectors = "38;39"
    stages = "growth;pre_ipo"
    ticket_min = "5000000"
    ticket_max = "50000000"
    currency = "USD"
    markets = "HK;SG"


def table(kind: str, rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> list:
    rows = list(rows)
    header = columns or [column for column in KINDS[kind].columns if column in rows[0]]
    return [header, *[[str(row.get(column, "")) for column in header] for row in rows]]


def csv_bytes(kind: str, rows: Iterable[dict[str, Any]], *, bom: bool = False, **kwargs) -> bytes:
    handle = io.StringIO()
    csv.writer(handle).writerows(table(kind, rows, **kwargs))
    return (("\ufeff" if bom else "") + handle.getvalue()).encode()


def xlsx_bytes(kind: str, rows: Iterable[dict[str, Any]], **kwargs) -> bytes:
    workbook = Workbook()
    for line in table(kind, rows, **kwargs):
        workbook.active.append(line)
    handle = io.BytesIO()
    workbook.save(handle)
    return handle.getvalue()


def upload(content: bytes, name: str = "enterprises.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def import_rows(
    kind: str,
    rows: Iterable[dict[str, Any]],
    *,
    file_format: str = "csv",
    dry_run: bool = False,
    actor: Any = None,
    **kwargs: Any,
):
    """Import ``rows`` through the services, as a job run at once; returns the finished job."""
    from goglobal.imports import services

    rows = list(rows)
    content = (xlsx_bytes if file_format == "xlsx" else csv_bytes)(kind, rows, **kwargs)
    job = services.import_job_create(
        actor=actor,
        kind=kind,
        upload=upload(content, f"{kind}.{file_format}"),
        dry_run=dry_run,
        run_in_background=False,
    )
    return services.import_run(job=job)
