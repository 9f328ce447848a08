"""Markets, sectors and needs read from what a profile says, with the phrase they came from."""

import pytest

from goglobal.engines.matching import Provider, ProviderIndex, rank
from goglobal.engines.matching.derive import derive
from goglobal.engines.matching.tests.factories import battery_maker, provider, query


def test_market_named_only_in_traditional_chinese_text():
    derived = derive(["我們在胡志明市設有辦事處，並通過合作夥伴覆蓋泰國。"])

    assert derived.office_markets == {"VN"}
    assert derived.network_markets == {"TH"}
    assert derived.evidence["office:VN"] == "胡志明市"


def test_city_names_give_their_country_and_office_words_make_an_office():
    derived = derive(["Offices in Istanbul and Dubai, with partner firms in Riyadh."])

    assert derived.office_markets == {"TR", "AE"}
    assert derived.network_markets == {"SA"}


def test_region_names_give_their_members_as_network_markets():
    derived = derive(["Serving clients across Southeast Asia except Myanmar."])

    assert {"VN", "TH", "SG", "ID"} <= derived.network_markets
    assert "MM" not in derived.markets
    assert not derived.office_markets
    assert {"SA", "AE"} <= derive(["中東地區的合作網絡"]).network_markets


@pytest.mark.parametrize(
    "text",
    [
        "We have no office in Vietnam but work with correspondents in Thailand.",
        "本所在越南暂无办事处，主要透过伙伴服务泰国客户。",
        "Not present in Vietnam; our partners cover Thailand.",
    ],
)
def test_negation_drops_the_market(text):
    derived = derive([text])

    assert "VN" not in derived.markets
    assert "VN" in derived.negated_markets
    assert derived.network_markets == {"TH"}


@pytest.mark.parametrize(
    "text",
    [
        "We are not yet in Vietnam; partners cover Thailand.",
        "Our Hanoi office closed in 2020. Partners cover Thailand.",
        "我們的越南辦事處已於去年關閉，現透過合作夥伴覆蓋泰國。",
        "Offices in Bangkok. Vietnam and Laos are not covered.",
    ],
)
def test_negations_after_the_place_and_closed_offices_drop_the_market(text):
    derived = derive([text])

    assert "VN" not in derived.markets
    assert "TH" in derived.markets


@pytest.mark.parametrize(
    "text",
    [
        "除緬甸外，我們透過合作夥伴覆蓋所有東盟市場。",
        "Except Myanmar, we cover all ASEAN markets through partners.",
        "We cover all ASEAN markets except Myanmar.",
    ],
)
def test_a_regions_exception_in_a_clause_of_its_own_leaves_the_region(text):
    derived = derive([text])

    assert {"VN", "TH", "SG", "LA"} <= derived.network_markets
    assert "MM" not in derived.markets


@pytest.mark.parametrize(
    ("text", "markets"),
    [
        ("在新山、檳城設有團隊。", {"MY"}),
        ("宿霧及萬隆設有辦事處。", {"PH", "ID"}),
        ("三藩市、可倫坡設有辦事處。", {"US", "LK"}),
        ("我們在寮國設有辦事處。", {"LA"}),
        ("Our team in Johor Bahru and Penang.", {"MY"}),
    ],
)
def test_hong_kong_and_taiwan_city_names_in_traditional_text(text, markets):
    assert derive([text]).office_markets == markets


def test_regions_outside_the_glossary():
    assert derive(["我們在南亞設有合作夥伴。"]).network_markets == {"IN", "PK", "BD", "LK", "NP"}
    assert derive(["Partners across North America."]).network_markets == {"US", "CA"}


def test_sectors_and_needs_in_three_languages():
    for text in (
        "Listing sponsor for pre-revenue biotech issuers.",
        "为未盈利生物科技公司担任上市保荐人。",
        "為未有盈利的生物科技公司擔任上市保薦人。",
    ):
        derived = derive([text])
        assert derived.sectors == {"27"}, text
        assert derived.needs == {"fundraising.ipo"}, text


@pytest.mark.parametrize(
    "text",
    [
        "We advise power-battery and energy-storage makers.",
        "We advise power battery and energy storage makers.",
    ],
)
def test_a_hyphen_separates_words(text):
    assert derive([text]).sectors == {"38"}


def test_pre_ipo_and_e_commerce_are_still_read_with_or_without_the_hyphen():
    for text in ("pre-IPO rounds and cross-border e-commerce", "pre IPO rounds, e commerce"):
        needs = derive([text]).needs
        assert {"fundraising.private_capital", "logistics.trade"} <= needs, text


@pytest.mark.parametrize(
    "text",
    [
        "We specialise in brand registration and export licences for brands. "
        "Clients include power-battery makers.",
        "专注于品牌注册及出口许可。客户包括动力电池企业。",
        "專注於品牌註冊及出口許可。客戶包括動力電池企業。",
    ],
)
def test_sectors_come_from_the_clients_named_not_from_the_services(text):
    derived = derive([text])
    assert derived.sectors == {"38"}  # not retail (brands) or wholesale (export)
    assert "ip.protection" in derived.needs


def test_without_a_clause_about_clients_sectors_come_from_anywhere():
    assert derive(["Listing sponsor for pre-revenue biotech issuers."]).sectors == {"27"}
    assert derive(["Trademark filings for consumer brands."]).sectors == {"52"}


def test_hong_kong_district_names_are_not_markets():
    assert not derive(["西貢聯通律師事務所", "Offices in Hong Kong and the mainland"]).markets


def test_market_stated_only_in_text_passes_the_market_filter_with_a_text_reason():
    coded = provider("coded", office_markets=frozenset({"TR"}), description="Law firm.")
    stated = provider("stated", office_markets=frozenset(), description="Offices in Istanbul.")
    elsewhere = provider("elsewhere", office_markets=frozenset(), description="Offices in Paris.")
    index = ProviderIndex([coded, stated, elsewhere])

    matches = rank(index, query(market="TR"))

    assert [m.id for m in matches] == ["coded", "stated", "elsewhere"]
    assert ("market.none", {"country": "TR"}) in matches[2].reasons
    assert ("market.office", {"country": "TR"}) in matches[0].reasons
    assert (
        "market.text",
        {"country": "TR", "presence": "office", "phrase": "istanbul"},
    ) in matches[1].reasons
    assert matches[1].parts["market"] < matches[0].parts["market"]


def test_sector_stated_in_text_is_not_generalist():
    text_sector = provider("t", sectors=frozenset(), description="We act for battery makers.")
    generalist = provider("g", sectors=frozenset(), description="We act for all companies.")
    index = ProviderIndex([text_sector, generalist])

    matches = {m.id: m for m in rank(index, query())}

    assert ("sector.text", {"sector": "38", "phrase": "battery"}) in matches["t"].reasons
    assert ("sector.generalist", {}) in matches["g"].reasons
    assert matches["t"].parts["sector"] > matches["g"].parts["sector"]


def test_provider_without_need_codes_is_considered():
    stated = provider("stated", needs=frozenset(), description="Company incorporation in Vietnam.")
    silent = provider("silent", needs=frozenset(), names=("Silent",), description="In Vietnam.")
    other = provider(
        "other", needs=frozenset(), category="logistics", names=("Other Ltd",), description="VN."
    )
    index = ProviderIndex([stated, silent, other])

    matches = rank(index, query())

    assert [m.id for m in matches] == ["stated", "silent"]  # silent: a law firm, by category
    assert matches[0].reasons[0][0] == "need.text"
    assert matches[0].reasons[0][1]["need"] == "legal.setup"
    assert ("need.serves", {"need": "legal.setup"}) not in matches[1].reasons
    assert matches[0].parts["need_fit"] > matches[1].parts["need_fit"]


def test_needs_served_in_hong_kong_do_not_reward_target_market_cover():
    wide = provider(
        "wide", needs=frozenset({"fundraising.ipo"}), category="securities_sponsor",
        office_markets=frozenset({"VN", "TH"}), description="Listing sponsor.",
    )  # fmt: skip
    local = provider(
        "local", needs=frozenset({"fundraising.ipo"}), category="securities_sponsor",
        office_markets=frozenset(), description="Listing sponsor.",
    )  # fmt: skip
    index = ProviderIndex([wide, local])

    matches = rank(index, query(need="fundraising.ipo", market=None))

    assert len({m.parts["market"] for m in matches}) == 1  # offices abroad count for nothing
    legal = rank(ProviderIndex([provider("a"), provider("b", office_markets=frozenset())]),
                 query(market=None))  # fmt: skip
    assert legal[0].id == "a"
    assert legal[0].parts["market"] > 0


def test_talent_is_served_in_hong_kong_only_when_the_enterprise_says_so():
    def talent(id: str, offices: frozenset[str]) -> Provider:
        return provider(id, needs=frozenset({"talent.mobility"}), category="hr_talent",
                        office_markets=offices, description="Visas and relocation.")  # fmt: skip

    index = ProviderIndex([talent("sg", frozenset({"SG"})), talent("far", frozenset({"BR"}))])
    abroad = battery_maker(
        description="We plan to expand into Singapore and need work visas and relocation.",
        target_markets=("SG",),
    )
    into_hk = battery_maker(
        description="我們計劃開拓新加坡市場，需要為派駐香港的員工辦理簽證。", target_markets=("SG",)
    )

    found = rank(index, query(enterprise=abroad, need="talent.mobility", market=None))
    assert found[0].id == "sg"
    assert found[0].parts["market"] > 0
    assert ("market.targets", {"countries": "SG", "offices": 1}) in found[0].reasons
    staying = rank(index, query(enterprise=into_hk, need="talent.mobility", market=None))
    assert len({m.parts["market"] for m in staying}) == 1


def test_for_a_need_served_in_hong_kong_a_specialist_comes_before_a_firm_of_many_services():
    many = provider(
        "a-many",
        category="securities_sponsor",
        description="Listing sponsor.",
        needs=frozenset({"fundraising.ipo", "fundraising.debt", "legal.setup", "tax.planning"}),
        office_markets=frozenset({"VN", "TH"}),
    )
    only = provider(
        "b-only",
        category="securities_sponsor",
        description="Listing sponsor.",
        needs=frozenset({"fundraising.ipo"}),
        office_markets=frozenset(),
    )

    matches = rank(ProviderIndex([many, only]), query(need="fundraising.ipo", market=None))

    assert [m.id for m in matches] == ["b-only", "a-many"]
    assert matches[0].parts["market"] == pytest.approx(2 * matches[1].parts["market"])
    assert ("need.specialist", {"count": 1}) in matches[0].reasons
    assert not any(code == "need.specialist" for code, _ in matches[1].reasons)


def test_an_uncoded_provider_whose_text_states_other_needs_is_weaker_on_its_category_alone():
    says_tax = provider(
        "a1",
        category="accounting_tax",
        needs=frozenset(),
        names=("Kestrel",),
        sectors=frozenset(),
        description="We prepare transfer pricing reports and tax filings.",
    )
    silent = provider(
        "b2",
        category="accounting_tax",
        needs=frozenset(),
        names=("Osprey",),
        sectors=frozenset(),
        description="Established in Wan Chai in 1998.",
    )
    index = ProviderIndex([says_tax, silent])

    matches = rank(index, query(market=None))  # a company set-up: typical of accountants

    assert [m.id for m in matches] == ["b2", "a1"]
    assert matches[0].parts["need_fit"] == pytest.approx(2 * matches[1].parts["need_fit"])


def test_a_law_firm_word_is_the_firms_kind_not_a_service():
    """A firm called solicitors or 律師行 is a law firm (its category says so too); it forms
    companies only if it says so."""
    text = "Kowloon Solicitors 律師行: we file trademarks abroad."
    derived = derive(["Kowloon Solicitors", text])

    assert "legal.setup" not in derived.needs
    assert "ip.protection" in derived.needs
