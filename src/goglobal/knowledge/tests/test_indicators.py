"""The World Bank indicator importer, on a small wide-layout sample and on the real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from goglobal.core.models import AuditEvent
from goglobal.knowledge.models import IndicatorValue
from goglobal.knowledge.services.indicators import (
    IndicatorFileError,
    indicator_file_import,
    indicator_file_read,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIDE = FIXTURES / "wide_sample.csv"
REPO_ROOT = Path(__file__).resolve().parents[4]
WDI = REPO_ROOT.parent / "shared" / "data" / "wdi"
needs_shared = pytest.mark.skipif(not WDI.is_dir(), reason="../shared/data/wdi is absent")


@pytest.mark.django_db
def test_wide_layout_imports_every_indicator_and_tells_aggregates_apart() -> None:
    result = indicator_file_import(path=WIDE)

    assert result.layout == "wide"
    assert result.indicators == ["NY.GDP.MKTP.CD", "SP.POP.TOTL"]
    assert result.created == 19  # 4 + 4 + 3 (one empty cell) + 4 + 4
    hong_kong = IndicatorValue.objects.get(
        indicator__code="SP.POP.TOTL", area_code="HKG", year=2023
    )
    assert hong_kong.value == 7536100
    assert hong_kong.country is not None
    assert hong_kong.country.code == "HK"
    assert not hong_kong.is_aggregate
    world = IndicatorValue.objects.get(indicator__code="SP.POP.TOTL", area_code="WLD", year=2020)
    assert world.is_aggregate
    assert world.country is None
    kosovo = IndicatorValue.objects.filter(area_code="XKX").first()
    assert kosovo is not None
    assert not kosovo.is_aggregate
    assert (
        AuditEvent.objects.filter(target_type="knowledge.indicator", action="imported").count() == 2
    )


@pytest.mark.django_db
def test_reimport_is_idempotent() -> None:
    indicator_file_import(path=WIDE)
    count = IndicatorValue.objects.count()

    again = indicator_file_import(path=WIDE)

    assert (again.created, again.changed, again.unchanged) == (0, 0, 19)
    assert IndicatorValue.objects.count() == count


@pytest.mark.django_db
def test_indicator_option_filters_a_wide_file() -> None:
    result = indicator_file_import(path=WIDE, indicator="ny.gdp.mktp.cd")

    assert result.indicators == ["NY.GDP.MKTP.CD"]
    assert not IndicatorValue.objects.filter(indicator__code="SP.POP.TOTL").exists()


@pytest.mark.django_db
def test_a_changed_value_is_updated(tmp_path: Path) -> None:
    indicator_file_import(path=WIDE)
    changed = tmp_path / "changed.csv"
    changed.write_text(
        WIDE.read_text(encoding="utf-8-sig").replace("7536100", "7500000"), encoding="utf-8"
    )

    result = indicator_file_import(path=changed)

    assert result.changed == 1
    assert (
        IndicatorValue.objects.get(area_code="HKG", year=2023, indicator__code="SP.POP.TOTL").value
        == 7500000
    )


@pytest.mark.django_db
def test_whole_file_is_checked_with_line_numbers_and_nothing_written(tmp_path: Path) -> None:
    bad = tmp_path / "sp.pop.totl.csv"
    bad.write_text(
        "Country Name,Country Code,Year,Value\n"
        "World,WLD,2020,1\n"
        "World,WLD,20x0,2\n"
        "Nowhere,not a code,2020,3\n"
        "World,WLD,2021,many\n"
        "World,WLD,2020,4\n",
        encoding="utf-8",
    )

    with pytest.raises(IndicatorFileError) as error:
        indicator_file_import(path=bad)

    problems = "\n".join(error.value.problems)
    assert "line 3:" in problems
    assert "line 4:" in problems
    assert "line 5:" in problems
    assert "line 6: WLD 2020 already given on line 2" in problems
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
def test_unknown_indicator_and_unknown_layout_are_refused(tmp_path: Path) -> None:
    unknown = tmp_path / "xx.unknown.csv"
    unknown.write_text("Country Name,Country Code,Year,Value\nWorld,WLD,2020,1\n", encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text("a,b,c\n1,2,3\n", encoding="utf-8")

    with pytest.raises(IndicatorFileError, match=r"XX\.UNKNOWN"):
        indicator_file_import(path=unknown)
    with pytest.raises(IndicatorFileError, match="No header found"):
        indicator_file_import(path=other)


@pytest.mark.django_db
def test_command_imports_files(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("knowledge", "indicators", str(WIDE))

    assert "wide layout" in capsys.readouterr().out
    assert IndicatorValue.objects.count() == 19


@needs_shared
@pytest.mark.django_db
def test_real_long_file_imports_idempotently() -> None:
    path = WDI / "ny.gdp.mktp.cd.csv"

    first = indicator_file_import(path=path)
    second = indicator_file_import(path=path)

    assert first.layout == "long"
    assert first.created == 14743
    assert (second.created, second.changed) == (0, 0)
    china = IndicatorValue.objects.filter(indicator__code="NY.GDP.MKTP.CD", area_code="CHN")
    assert china.count() > 50
    assert all(value.country_id for value in china)
    assert IndicatorValue.objects.filter(area_code="WLD", is_aggregate=True).exists()
    assert IndicatorValue.objects.filter(area_code="EAS", is_aggregate=True).exists()


@needs_shared
@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(WDI.glob("*.csv")) if WDI.is_dir() else [])
def test_every_real_file_reads_cleanly(path: Path) -> None:
    layout, observations = indicator_file_read(path=path)

    assert layout == "long"
    assert observations
    assert {o.indicator_code for o in observations} == {path.name.removesuffix(".csv").upper()}
