import datetime
import re

import pytest
from django.urls import reverse

from goglobal.analytics import charts
from goglobal.cases import services
from goglobal.cases.models import Outcome
from goglobal.cases.tests.factories import CaseFactory
from goglobal.knowledge.geography import geography
from goglobal.knowledge.models import Country

pytestmark = pytest.mark.django_db

PERIOD = {"start": "2026-10-01", "end": "2026-12-31"}


def _enter(case, officer, code, day):
    return services.outcome_record(
        case=case,
        actor=officer,
        kind="market_entered",
        achieved_on=datetime.date(2026, 11, day),
        country=Country.objects.get(code=code),
    )


@pytest.fixture
def entered(officer):
    for day in (3, 4, 5):
        _enter(CaseFactory(owner=officer), officer, "VN", day)
    _enter(CaseFactory(owner=officer), officer, "AE", 6)
    Outcome.objects.filter(country__code="VN", achieved_on__day=3).update(confirmation="confirmed")


def test_capitals_sit_where_they_are():
    geo = geography()

    hanoi, paris, canberra = geo.capitals["VN"], geo.capitals["FR"], geo.capitals["AU"]

    assert 20 < hanoi[0] < 22
    assert 105 < hanoi[1] < 106.5
    assert 48 < paris[0] < 49.5
    assert 2 < paris[1] < 3
    assert -36 < canberra[0] < -35
    assert 148.5 < canberra[1] < 149.5
    # Nearly every country and territory has a position; the land is a world's worth of cells.
    assert len(geo.capitals) > 240
    assert 1500 < len(geo.land) < 3000


def test_the_dashboard_maps_and_tabulates_the_markets_entered(client, officer, entered):
    client.force_login(officer)

    page = client.get(reverse("analytics:impact"), PERIOD, HTTP_ACCEPT_LANGUAGE="zh-hans").content
    text = page.decode()

    board = text[text.index("chart-map") :]
    svg = board[: board.index("</svg>")]
    circles = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', svg)
    # Two markets: a recorded circle and a confirmed centre each.
    assert len(circles) == 4
    vietnam, emirates = circles[0], circles[2]
    assert float(vietnam[2]) > float(emirates[2])  # three outcomes draw a larger circle than one
    assert float(vietnam[0]) > float(emirates[0])  # Hanoi lies east of Abu Dhabi
    assert "<title>越南</title>" in svg
    table = board[board.index("</svg>") :]
    assert "进入的市场 · 已记录" in table
    assert "recorded" not in table
    assert table.index("越南") < table.index("阿拉伯联合酋长国")
    assert "kpi=markets.entered" in table
    assert "key=VN" in table


def test_an_empty_period_says_what_would_fill_the_map(client, officer):
    client.force_login(officer)

    page = client.get(reverse("analytics:impact"), PERIOD, HTTP_ACCEPT_LANGUAGE="en")

    assert "chart-map" not in page.content.decode()
    assert "the map fills as officers record outcomes" in page.content.decode()


def test_markets_without_a_position_are_left_off_the_map_not_the_table():
    svg = charts.world_map({"VN": (2.0, 1.0), "XX": (5.0, None)}, {"VN": "Viet Nam", "XX": "X"})

    assert svg.count("<circle") == 2
    assert "Viet Nam" in svg
    assert ">X<" not in svg


def test_the_markets_table_exports(client, officer, entered):
    client.force_login(officer)

    export = client.get(reverse("analytics:export", args=["markets", "csv"]), PERIOD)

    body = b"".join(export.streaming_content).decode("utf-8-sig")
    assert export.status_code == 200
    assert "Viet Nam" in body or "Vietnam" in body
