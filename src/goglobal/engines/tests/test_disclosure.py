"""Identifying details in what a provider reads before accepting a referral."""

from __future__ import annotations

from goglobal.engines.disclosure import Subject, findings, kinds_found

SUBJECT = Subject(
    names=("深圳市华为技术有限公司", "Huawei Technologies Co., Ltd."),
    contact_names=("李明", "Wang Fang"),
)


def test_a_description_without_identifying_details_has_no_findings() -> None:
    text = "一家制造电池的民营企业，计划在东南亚设立工厂，寻求融资与法律服务。"
    assert findings(text, SUBJECT) == []
    assert findings("", SUBJECT) == []


def test_the_enterprise_name_is_found_in_any_script_and_by_its_trade_name() -> None:
    assert kinds_found("我们是深圳市华为技术有限公司的子公司", SUBJECT) == {
        "name": ["深圳市华为技术有限公司"]
    }
    assert kinds_found("華為在香港設立辦事處", SUBJECT) == {"name": ["華為"]}
    assert kinds_found("ＨＵＡＷＥＩ plans an office", SUBJECT) == {"name": ["ＨＵＡＷＥＩ"]}
    assert kinds_found("Hua Wei wants to list in Hong Kong", SUBJECT) == {"name": ["Hua Wei"]}
    # A word that merely contains the letters is not the name.
    assert findings("the huaweiless plan", SUBJECT) == []


def test_contact_names_exact_headcount_and_founding_year_are_found() -> None:
    text = "公司成立于2008年，现有员工1,250名，联系人李明。"
    found = kinds_found(text, SUBJECT)
    assert found["founded"] == ["成立于2008"]
    assert found["headcount"] == ["员工1,250名"]
    assert found["contact"] == ["李明"]
    english = "Founded in 1998, we employ 320 employees; ask Wang Fang."
    found = kinds_found(english, SUBJECT)
    assert found == {
        "contact": ["Wang Fang"],
        "headcount": ["320 employees"],
        "founded": ["Founded in 1998"],
    }
    assert kinds_found("2015年成立的公司，约300名员工", SUBJECT) == {
        "headcount": ["300名员工"],
        "founded": ["2015年成立"],
    }


def test_phone_numbers_email_addresses_and_the_credit_code_are_found() -> None:
    text = (
        "请致电 138 1234 5678 或 0755-12345678，香港 +852 2123 4567，"
        "邮箱 li.ming@example.cn，代码 91440300MA5ETXYA1B。"
    )
    found = kinds_found(text, SUBJECT)
    assert found["phone"] == ["138 1234 5678", "0755-12345678", "+852 2123 4567"]
    assert found["email"] == ["li.ming@example.cn"]
    assert found["code"] == ["91440300MA5ETXYA1B"]


def test_years_amounts_and_bands_alone_are_not_flagged() -> None:
    text = "2024年营收约2亿元，计划2026年进入东盟市场，员工规模为中型。Revenue grew 20% in 2023."
    assert findings(text, SUBJECT) == []


def test_findings_give_the_span_as_written() -> None:
    text = "介绍：華為。"
    (finding,) = findings(text, SUBJECT)
    assert text[finding.start : finding.end] == "華為"
