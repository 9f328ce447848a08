"""The kind of a service the enterprise asks for, presence in Hong Kong for talent brought in,
and providers considered only for their category."""

from goglobal.engines.matching import ProviderIndex, rank
from goglobal.engines.matching.derive import derive
from goglobal.engines.matching.tests.factories import battery_maker, provider, query
from goglobal.engines.text.glossary import concepts


def _sponsor(id: str, description: str) -> object:
    return provider(
        id, category="securities_sponsor", needs=frozenset({"fundraising.ipo"}),
        office_markets=frozenset({"HK"}), sectors=frozenset(), description=description,
    )  # fmt: skip


def test_listing_regimes_and_talent_schemes_are_concepts_in_three_languages():
    tech = ("Chapter 18C specialist technology listings", "特专科技公司上市", "特專科技公司上市")
    for text in tech:
        assert "need.listing_tech" in concepts(text), text
    for text in ("A+H dual listings", "再在香港发行H股，形成两地上市架构", "兩地上市"):
        assert "need.listing_dual" in concepts(text), text
    assert "need.listing_biotech" in concepts("Chapter 18A biotech IPOs")
    assert "sector.biotech" in concepts("Chapter 18A biotech IPOs")  # the sector stays read
    for text in ("QMAS and TechTAS applications", "優才計劃及專才計劃申請", "高才通申请"):
        assert "need.talent_schemes" in concepts(text), text
        assert derive([text]).needs == {"talent.mobility"}, text


def test_the_mainland_regulator_is_not_the_hong_kong_one():
    assert set(concepts("完成中国证监会的境外上市备案")) == {"org.csrc"}
    assert concepts("香港證監會持牌法團") == ["org.sfc"]
    assert "org.csrc" in concepts("CSRC filing for overseas listings")


def test_the_kind_of_listing_asked_for_comes_first_and_a_terse_profile_is_not_marked_down():
    index = ProviderIndex(
        [
            _sponsor("a-biotech", "Lead sponsor on Chapter 18A biotech listings."),
            _sponsor("b-tech", "持牌保荐人，专注18C章特专科技公司上市。"),
            _sponsor("c-terse", "Brokerage and corporate finance."),
        ]
    )
    enterprise = battery_maker(
        description="半导体设备制造商，尚未盈利，计划按照联交所特专科技公司的规则在港上市，需要保荐人。",
        target_markets=(),
    )

    matches = rank(index, query(enterprise=enterprise, need="fundraising.ipo", market=None))

    assert matches[0].id == "b-tech"
    parts = {m.id: m.parts["service"] for m in matches}
    assert parts["b-tech"] == 1.0
    assert parts["c-terse"] == 1.0  # names no kind of listing at all
    assert parts["a-biotech"] < 1.0  # names another kind, not this one
    plain = rank(index, query(enterprise=battery_maker(description="需要在香港上市。"),
                              need="fundraising.ipo", market=None))  # fmt: skip
    assert {m.parts["service"] for m in plain} == {1.0}  # no kind named: nobody marked down


def test_talent_brought_into_hong_kong_goes_to_providers_working_there():
    def talent(id: str, offices: frozenset[str], description: str) -> object:
        return provider(id, category="hr_talent", needs=frozenset({"talent.mobility"}),
                        office_markets=offices, sectors=frozenset(),
                        description=description)  # fmt: skip

    index = ProviderIndex(
        [
            talent("a-vietnam", frozenset({"VN"}), "越南工作许可证及本地招聘。"),
            talent("b-stated", frozenset({"SG"}), "Hong Kong employment visas and QMAS."),
            talent("c-coded", frozenset({"HK"}), "Work visas and relocation."),
            talent("d-silent", frozenset(), "Work visas and relocation."),
        ]
    )
    enterprise = battery_maker(description="计划将八名工程师从苏州调来香港，需要办理工作签证。")

    matches = rank(index, query(enterprise=enterprise, need="talent.mobility", market=None))

    market = {m.id: m.parts["market"] for m in matches}
    # An office coded there, then Hong Kong named in the text or no market named at all (a
    # directory of Hong Kong providers), then one whose every market is elsewhere.
    assert market["c-coded"] > market["b-stated"] == market["d-silent"] > market["a-vietnam"]
    assert matches[-1].id == "a-vietnam"


def test_a_provider_considered_for_its_category_alone_counts_its_market_as_far_as_it_reads_so():
    """An uncoded law firm in Vietnam whose text is about trade fairs does not take the market's
    full weight for a company set-up it never mentions."""
    coded = provider("a-coded", office_markets=frozenset({"VN"}))
    uncoded = provider(
        "b-uncoded", needs=frozenset(),
        description="We organise trade fair delegations to Vietnam.",
    )  # fmt: skip
    index = ProviderIndex([coded, uncoded])

    matches = {m.id: m for m in rank(index, query())}

    assert matches["a-coded"].parts["market"] == 1.0
    assert matches["b-uncoded"].parts["market"] < matches["a-coded"].parts["market"]


def test_a_provider_marked_down_for_the_kind_says_which_kinds_it_does_not_name():
    index = ProviderIndex(
        [
            _sponsor("a-biotech", "Lead sponsor on Chapter 18A biotech listings."),
            _sponsor("b-tech", "持牌保荐人，专注18C章特专科技公司上市。"),
        ]
    )
    enterprise = battery_maker(
        description="计划按照特专科技公司的规则在港上市。", target_markets=()
    )

    matches = {m.id: m for m in rank(index, query(enterprise=enterprise, need="fundraising.ipo",
                                                   market=None))}  # fmt: skip

    said = dict(matches["a-biotech"].reasons)
    assert said["need.other_kinds"] == {"kinds": "need.listing_tech"}
    assert "need.other_kinds" not in dict(matches["b-tech"].reasons)
