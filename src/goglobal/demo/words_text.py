"""Sentences for demo descriptions and need notes, by need code, in Chinese and English.

Placeholders: ``{market}`` a target country, ``{region}`` a region, ``{year}`` a year, ``{field}``
the line of business, ``{amount}`` a sum.
"""

from __future__ import annotations

# One sentence per need about the plan behind it: (Simplified Chinese, English).
NEED_PLANS: dict[str, tuple[str, str]] = {
    "fundraising.ipo": (
        "公司计划于{year}年前后在香港联交所主板上市，募集资金用于海外产能建设和研发。",
        "It plans a Main Board listing in Hong Kong around {year} to fund overseas capacity "
        "and R&D.",
    ),
    "fundraising.private_capital": (
        "公司正在寻求约{amount}的战略融资，优先考虑能带来{region}渠道资源的投资者。",
        "It is raising about {amount} from strategic investors, ideally ones with channels in "
        "{region}.",
    ),
    "fundraising.debt": (
        "海外项目拟通过银团贷款或绿色债券融资，希望在香港安排美元及人民币资金。",
        "Its overseas projects are to be financed with syndicated loans or green bonds arranged "
        "in Hong Kong, in US dollars and renminbi.",
    ),
    "hq.regional": (
        "拟在香港设立国际业务总部，统筹{region}市场的销售、服务与合规。",
        "It wants a Hong Kong international headquarters to run sales, service and compliance "
        "for {region}.",
    ),
    "treasury.centre": (
        "计划在香港设立企业财资中心，集中管理境外资金、外汇风险和跨境结算。",
        "It plans a corporate treasury centre in Hong Kong to pool overseas cash and manage FX "
        "risk and cross-border settlement.",
    ),
    "rnd.hub": (
        "希望在香港设立研发中心，与本地大学合作开展{field}方向的联合研究。",
        "It hopes to open an R&D centre in Hong Kong and work with local universities on {field}.",
    ),
    "supply_chain.centre": (
        "计划以香港为供应链管理中心，统筹面向{region}的采购、物流与结算。",
        "It plans to run procurement, logistics and settlement for {region} from a Hong Kong "
        "supply-chain centre.",
    ),
    "legal.setup": (
        "正在评估以香港公司作为海外投资控股平台的架构安排。",
        "It is weighing a Hong Kong company as the holding vehicle for its overseas investments.",
    ),
    "tax.planning": (
        "希望就海外架构的税务安排及税收协定的适用获得专业意见。",
        "It wants advice on the tax side of its overseas structure and on treaty relief.",
    ),
    "banking.accounts": (
        "需要在香港开立公司账户，办理跨境人民币结算和多币种收付。",
        "It needs Hong Kong corporate accounts for cross-border renminbi settlement and "
        "multi-currency payments.",
    ),
    "ip.protection": (
        "计划在{market}等市场申请专利和商标保护，防范品牌被抢注。",
        "It plans patent and trade mark filings in {market} and other markets before its brand "
        "is squatted.",
    ),
    "talent.mobility": (
        "希望通过香港的人才计划引进熟悉国际市场的管理和技术人才。",
        "It wants to recruit managers and engineers with international experience through Hong "
        "Kong's talent schemes.",
    ),
    "logistics.trade": (
        "需要稳定的跨境物流、报关和海外仓服务，覆盖{market}等市场。",
        "It needs dependable freight, customs brokerage and overseas warehousing for {market} "
        "and nearby markets.",
    ),
    "market_entry.partners": (
        "正在寻找{market}当地的分销商、合资伙伴和重点客户。",
        "It is looking for distributors, joint-venture partners and key accounts in {market}.",
    ),
    "risk.insurance": (
        "希望为出口业务和海外项目安排信用保险、货运保险和政治风险保障。",
        "It wants credit, cargo and political-risk cover for exports and overseas projects.",
    ),
    "compliance.trade": (
        "需要了解{market}的市场准入、出口管制和原产地规则。",
        "It needs to understand market-access, export-control and rules-of-origin requirements "
        "in {market}.",
    ),
}

# Short notes an officer or the enterprise adds to a need: (Simplified Chinese, English).
NEED_NOTES: dict[str, tuple[tuple[str, str], ...]] = {
    "fundraising.ipo": (
        (
            "已聘请境内券商做上市前辅导，需要香港保荐人。",
            "Onshore pre-IPO tutoring done; needs a Hong Kong sponsor.",
        ),
        (
            "关注第18C章特专科技公司上市路径。",
            "Interested in the Chapter 18C specialist technology route.",
        ),
    ),
    "fundraising.private_capital": (
        (
            "目标为Pre-IPO轮，希望引入中东主权基金。",
            "Pre-IPO round; would welcome a Gulf sovereign investor.",
        ),
    ),
    "fundraising.debt": (("项目总投资约3亿美元。", "Total project cost about USD 300 million."),),
    "hq.regional": (
        (
            "希望了解地区总部的税务优惠和人才签证。",
            "Asks about tax concessions and visas for a regional HQ.",
        ),
    ),
    "treasury.centre": (("境外子公司已有8家。", "Already has eight overseas subsidiaries."),),
    "banking.accounts": (
        (
            "此前开户被拒，需要指引。",
            "An earlier account application was declined; needs guidance.",
        ),
    ),
    "market_entry.partners": (
        (
            "计划参加下一场推介会并约见当地合作方。",
            "Will attend the next promotion conference to meet local partners.",
        ),
    ),
    "legal.setup": (
        (
            "需要比较香港与新加坡控股架构。",
            "Wants Hong Kong and Singapore holding structures compared.",
        ),
    ),
}

REGIONS: dict[str, tuple[str, str]] = {
    "asean": ("东南亚", "South-East Asia"),
    "gcc": ("中东", "the Middle East"),
    "europe": ("欧洲", "Europe"),
    "bri": ("一带一路沿线", "Belt and Road countries"),
    "americas": ("美洲", "the Americas"),
    "asia": ("亚太", "Asia-Pacific"),
}

CLOSINGS: tuple[tuple[str, str], ...] = (
    (
        "希望借助香港的专业服务和国际网络，加快全球化布局。",
        "It sees Hong Kong's professional services and international network as the way to speed "
        "up its global expansion.",
    ),
    (
        "公司此前参加了在上海举办的香港推介会，对以香港为出海平台很感兴趣。",
        "It attended the Hong Kong promotion conference in Shanghai and is keen to use Hong Kong "
        "as its platform for going global.",
    ),
    (
        "希望由香港的服务机构协助制定分阶段的出海路线图。",
        "It would like Hong Kong advisers to help draw up a phased going-global roadmap.",
    ),
    ("", ""),
)
