"""World Bank indicators in the demo: found from the setting or beside the project, loaded
through the knowledge base's importer, shown on market profiles and in the comparator."""

from __future__ import annotations

import io
import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from goglobal.core.models import AuditEvent
from goglobal.demo.indicators import demo_indicators_load, world_bank_files
from goglobal.knowledge.models import Indicator, IndicatorValue

GDP = (
    "Country Name,Country Code,Year,Value\n"
    "Malaysia,MYS,2023,399700000000\n"
    "Malaysia,MYS,2024,421900000000\n"
    "Singapore,SGP,2024,547400000000\n"
    "World,WLD,2024,110000000000000\n"
)
POPULATION = (
    "Country Name,Country Code,Year,Value\nMalaysia,MYS,2024,35557673\nSingapore,SGP,2024,6036860\n"
)


@pytest.fixture
def wdi(tmp_path):
    folder = tmp_path / "wdi"
    folder.mkdir()
    (folder / "ny.gdp.mktp.cd.csv").write_text(GDP, encoding="utf-8")
    (folder / "sp.pop.totl.csv").write_text(POPULATION, encoding="utf-8")
    (folder / "notes.txt").write_text("not a data file", encoding="utf-8")
    return folder


def test_the_setting_names_a_folder_and_every_file_goes_through_the_importer(
    reference, settings, wdi, tmp_path
):
    unknown = tmp_path / "xx.unknown.csv"
    unknown.write_text("Country Name,Country Code,Year,Value\nMalaysia,MYS,2024,1\n")
    settings.GOGLOBAL_WORLD_BANK_FILE = os.pathsep.join([str(wdi), str(unknown)])

    loaded = demo_indicators_load()

    assert [path.name for path in loaded.files] == [
        "ny.gdp.mktp.cd.csv",
        "sp.pop.totl.csv",
        "xx.unknown.csv",
    ]
    assert loaded.loaded == ["NY.GDP.MKTP.CD", "SP.POP.TOTL"]
    assert len(loaded.refused) == 1
    assert loaded.refused[0].startswith("xx.unknown.csv: ")
    assert (loaded.values, loaded.markets) == (5, 2)
    gdp = Indicator.objects.get(code="NY.GDP.MKTP.CD")
    assert gdp.checked_on == timezone.localdate()
    assert gdp.source.title  # the importer keeps the indicator's World Bank source
    assert AuditEvent.objects.filter(
        target_id=str(gdp.pk), action="imported", changes__file="ny.gdp.mktp.cd.csv"
    ).exists()
    world = IndicatorValue.objects.get(area_code="WLD")
    assert world.is_aggregate
    assert world.country is None
    # again: nothing changes
    assert demo_indicators_load().values == 5
    assert IndicatorValue.objects.count() == 6


def test_market_profile_and_comparator_show_the_loaded_values(
    reference, settings, wdi, client, officer
):
    settings.GOGLOBAL_WORLD_BANK_FILE = str(wdi / "ny.gdp.mktp.cd.csv")
    demo_indicators_load()
    client.force_login(officer)

    profile = client.get(reverse("knowledge:detail", args=["MY"])).content.decode()
    compare = client.get(
        reverse("knowledge:compare"), {"market": ["MY", "SG"]}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()

    assert "GDP (current US$)" in profile
    assert "2024: 422B US$" in profile  # the latest year
    assert "No indicator values imported for this market yet." not in profile
    assert "国内生产总值（现价美元）" in compare
    assert ">NY.GDP.MKTP.CD<" not in compare
    assert compare.count('data-indicator="NY.GDP.MKTP.CD"') == 2
    assert "(2024)" in compare
    assert 'data-testid="indicator-source"' in compare


def test_an_empty_setting_or_a_missing_path_loads_nothing_and_says_so(reference, settings):
    settings.GOGLOBAL_WORLD_BANK_FILE = ""
    assert world_bank_files() == ("GOGLOBAL_WORLD_BANK_FILE=", [])
    settings.GOGLOBAL_WORLD_BANK_FILE = "/nonexistent/wdi"
    out = io.StringIO()

    call_command(
        "demo",
        "--keep-database",
        "--no-serve",
        "--enterprises=4",
        "--providers=4",
        "--investors=1",
        "--no-accounts",
        stdout=out,
    )

    output = out.getvalue()
    assert "No World Bank indicator file found (nothing at GOGLOBAL_WORLD_BANK_FILE=" in output
    assert "market profiles and the route comparator show no indicators" in output
    assert not IndicatorValue.objects.exists()


def test_without_a_setting_the_folder_beside_the_project_is_used(
    reference, settings, monkeypatch, tmp_path
):
    if hasattr(settings, "GOGLOBAL_WORLD_BANK_FILE"):
        del settings.GOGLOBAL_WORLD_BANK_FILE
    monkeypatch.delenv("GOGLOBAL_WORLD_BANK_FILE", raising=False)
    project = tmp_path / "platform"
    beside = tmp_path / "shared" / "data" / "wdi"
    project.mkdir()
    beside.mkdir(parents=True)
    (beside / "sp.pop.totl.csv").write_text(POPULATION, encoding="utf-8")
    monkeypatch.chdir(project)

    origin, files = world_bank_files()

    assert origin == str(beside.resolve())
    assert [path.name for path in files] == ["sp.pop.totl.csv"]
    monkeypatch.setenv("GOGLOBAL_WORLD_BANK_FILE", "")
    assert world_bank_files()[1] == []
