"""A mainland visitor registers in Simplified Chinese, lands on its status page (what happens
next, by when, who its contact officer is), sees the profile, switches language and browses the
directory, in a real Chromium against a live server."""

from __future__ import annotations

import re

import pytest

from goglobal.enterprises.tests.factories import social_credit_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(transactional_db):
    from goglobal.knowledge.models import Country, NeedCode
    from goglobal.providers import services

    for name_en, name_zh_hant, name_zh_hans, category in [
        ("Harbourview Legal LLP", "港景律師事務所", "港景律师事务所", "law_firm"),
        ("Victoria Treasury Bank", "維港庫務銀行", "维港库务银行", "bank"),
    ]:
        services.provider_create(
            actor=None,
            data=services.ProviderInput(
                values={
                    "name_en": name_en,
                    "name_zh_hant": name_zh_hant,
                    "name_zh_hans": name_zh_hans,
                    "category": category,
                    "languages": ["zh", "yue", "en"],
                },
                needs=NeedCode.objects.filter(code="legal.setup"),
                markets=[services.MarketInput(country=Country.objects.get(code="VN"))],
            ),
        )


def test_register_in_simplified_chinese_then_switch_language_and_browse(
    live_server, browser, directory, screenshot
):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/enterprises/register/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "注册" in page.locator("h1").inner_text()
    screenshot(page, "1-register-form")
    assert page.get_by_test_id("collection-statement").is_visible()
    # A need's priority and timeline appear only once it is ticked.
    first_need = page.locator(".need-row").first
    assert not first_need.locator(".need-settings").is_visible()
    first_need.locator("input[type=checkbox]").check()
    assert first_need.locator(".need-settings").is_visible()
    first_need.locator("input[type=checkbox]").uncheck()

    page.fill("[name=account-full_name]", "陈静")
    page.fill("[name=account-job_title]", "财务总监")
    page.fill("[name=account-email]", "chen.jing@example.cn")
    page.fill("[name=account-password]", "澜海-going-global-2026")
    page.fill("[name=account-password_again]", "澜海-going-global-2026")
    page.check("[name=account-has_consent]")
    page.fill("[name=profile-name_zh]", "宁波澜海动力电池有限公司")
    page.fill("[name=profile-name_en]", "Ningbo Lanhai Power Battery Co., Ltd.")
    page.fill("[name=profile-social_credit_code]", social_credit_code(31415, "330200"))
    page.select_option("[name=profile-province]", label="浙江省")
    page.select_option("[name=profile-city]", label="宁波市")
    page.select_option("[name=profile-sector]", value=_sector_value(page, "38"))
    page.select_option("[name=profile-employee_band]", "1000_4999")
    page.select_option("[name=profile-revenue_band]", "1b_10b")
    page.select_option("[name=profile-ownership]", "private")
    page.fill("[name=profile-hs_codes]", "8507")
    page.fill(
        "[name=profile-description]",
        "我们生产磷酸铁锂动力电池，计划在越南设厂并在香港设立区域总部。",
    )
    page.get_by_label("东盟").check()
    page.get_by_label("上市融资", exact=False).first.check()
    page.get_by_role("button", name="注册").click()

    # The same answer as for any address; the account waits for its emailed link.
    page.wait_for_url(re.compile(r"/accounts/registered/$"))
    assert page.get_by_test_id("registration-sent").is_visible()
    from django.core import mail

    link = re.search(r"https?://[^/\s]+(/accounts/verify/\S+/)", mail.outbox[-1].body)[1]
    page.goto(f"{live_server.url}{link}")

    # The status page: what happens next, by when, and who the contact officer will be.
    page.wait_for_url(re.compile(r"/cases/my-case/$"))
    status = page.get_by_test_id("status").inner_text()
    assert "我们已于" in status
    assert "开立个案" in status
    assert "尚未指派" in page.get_by_test_id("officer").inner_text()
    screenshot(page, "2-status-zh-hans")
    with page.expect_navigation():
        page.get_by_role("link", name="我们企业的资料和需求").click()
    page.wait_for_url(re.compile(r"/enterprises/portal/$"))
    assert "宁波澜海动力电池有限公司" in page.locator("h1").inner_text()
    assert "8507" in page.content()
    screenshot(page, "2-profile-zh-hans")

    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Target markets" in page.content()
    screenshot(page, "3-profile-en")

    # The directory's pages are grouped in one menu of the navigation.
    page.locator(".site-nav-group summary", has_text="Directory").first.click()
    page.get_by_role("link", name="Providers", exact=True).first.click()
    page.fill("[name=q]", "港景律師")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    results = page.locator(".main-col").inner_text()
    assert "Harbourview Legal LLP" in results
    assert "Victoria Treasury Bank" not in results
    screenshot(page, "4-directory-search")
    context.close()


def _sector_value(page, code: str) -> str:
    """The option of division ``code``, found by its Simplified Chinese name: the list reads
    as names only, grouped under their section."""
    from goglobal.knowledge.models import Sector

    name = Sector.objects.get(code=code).name_zh_hans
    option = page.locator("[name=profile-sector] option", has_text=re.compile(f"^{name}$"))
    assert not re.match(r"^\s*[0-9A-Z]{1,2}\b", option.first.inner_text())
    return option.first.get_attribute("value")
