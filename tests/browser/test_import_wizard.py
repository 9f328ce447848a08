"""An officer imports a chamber's list with its own Chinese columns through the wizard, in
Simplified Chinese: upload, columns suggested from the headers, values matched, a bad cell
corrected in the preview and a row skipped, then the import and its job page. Real Chromium
against a live server."""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["编号", "企业名称", "统一社会信用代码", "省份", "城市", "所属行业", "员工人数",
          "营业收入", "企业性质", "目标市场", "备注"]  # fmt: skip


def _code(n: int) -> str:
    from goglobal.imports.tests.factories import social_credit_code

    return social_credit_code(95000 + n)


def _file() -> bytes:
    rows = [
        ["cc-1", "深圳市澜星电子有限公司", _code(1), "广东省", "深圳", "38", "300_999",
         "200m_1b", "民营", "越南、泰国", "展会名单"],
        ["cc-2", "东莞市澜月新能源有限公司", "91441900BAD", "广东省", "东莞市", "38", "50_299",
         "20m_200m", "私营", "越南", ""],
        ["cc-3", "广州市澜海科技有限公司", _code(3), "广东省", "亚特兰蒂斯", "38", "lt50",
         "lt20m", "民营", "", "重复报名"],
    ]  # fmt: skip
    handle = io.StringIO()
    csv.writer(handle).writerows([HEADER, *rows])
    return handle.getvalue().encode("utf-8")


@pytest.fixture
def officer(transactional_db):
    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory

    return UserFactory(role=Role.OFFICER, email="imports@example.hk", full_name="Lee Ka Yan")


def _signed_in(browser, live_server, user):
    from django.test import Client

    context = browser.new_context(locale="zh-CN", viewport={"width": 1360, "height": 900})
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_an_officer_maps_fixes_skips_and_imports_a_chinese_list(
    live_server, browser, officer, screenshot
):
    from goglobal.enterprises.models import Enterprise

    context = _signed_in(browser, live_server, officer)
    page = context.new_page()
    page.goto(f"{live_server.url}/data/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.get_by_role("link", name="导入任意格式的文件").click()

    page.select_option("[name=kind]", "enterprises")
    page.set_input_files(
        "[name=file]", files=[{"name": "商会名录.csv", "mimeType": "text/csv", "buffer": _file()}]
    )
    page.get_by_role("button", name="上传并映射列").click()

    assert "每一列对应哪个字段" in page.locator("h1").inner_text()
    assert page.get_by_label("统一社会信用代码", exact=True).input_value() == "social_credit_code"
    assert page.get_by_label("城市", exact=True).input_value() == "city"
    assert page.get_by_label("备注", exact=True).input_value() == ""
    screenshot(page, "1-columns")
    page.get_by_role("button", name="下一步：匹配值").click()

    assert page.get_by_label("深圳", exact=True).input_value() == "440300"
    assert page.get_by_label("民营", exact=True).input_value() == "private"
    screenshot(page, "2-values")
    page.get_by_role("button", name="下一步：预览各行").click()

    summary = page.get_by_test_id("check-summary")
    assert "已检查行数：3" in summary.inner_text()
    row_two = page.locator("tr[data-row='3']")
    assert row_two.locator(".errorlist").count() >= 1
    row_three = page.locator("tr[data-row='4']")
    assert "亚特兰蒂斯" in row_three.locator(".errorlist").first.inner_text()
    assert "social_credit_code" not in page.locator("main").inner_text()
    screenshot(page, "3-preview-errors")

    page.get_by_label("第 3 行，统一社会信用代码").fill(_code(2))
    page.get_by_label("跳过第 4 行").check()
    page.get_by_role("button", name="保存更改并重新检查").click()

    assert "没有错误" in page.get_by_test_id("check-summary").inner_text()
    assert page.locator("tr[data-row='3']").get_by_text("已更正").is_visible()
    screenshot(page, "4-preview-fixed")
    page.get_by_role("button", name="导入", exact=True).click()

    page.wait_for_url("**/data/*/")
    page.locator(".alert-success").wait_for()
    assert page.locator(".stat").nth(1).locator(".stat-value").inner_text() == "2"
    screenshot(page, "5-job")
    context.close()
    assert sorted(Enterprise.objects.values_list("external_id", flat=True)) == ["cc-1", "cc-2"]
    assert Enterprise.objects.get(external_id="cc-2").social_credit_code == _code(2)
