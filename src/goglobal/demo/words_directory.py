"""What Hong Kong providers and investors of each kind are called, do and hold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    share: int  # of every 200 providers
    noun: tuple[str, str]  # English, Traditional Chinese
    names: tuple[tuple[str, str], ...]  # "{brand}" patterns: (English, Traditional Chinese)
    core_needs: tuple[str, ...]
    extra_needs: tuple[str, ...]
    focus: tuple[tuple[str, str], ...]  # what it helps with: (English, Traditional Chinese)
    licences: tuple[str, ...]
    capacity: tuple[int, int]
    sectors: tuple[int, int]  # how many themes of expertise
    offices: tuple[int, int]  # overseas offices
    partners: tuple[int, int]  # network partner markets


CATEGORIES: tuple[Category, ...] = (
    Category(
        "law_firm",
        26,
        ("law firm", "律師事務所"),
        (
            ("{brand} & Co., Solicitors", "{brand}律師行"),
            ("{brand} Law LLP", "{brand}律師事務所"),
            ("{brand} Legal", "{brand}法律事務所"),
        ),
        ("legal.setup", "compliance.trade"),
        (
            "fundraising.ipo",
            "ip.protection",
            "hq.regional",
            "talent.mobility",
            "fundraising.debt",
            "tax.planning",
        ),
        (
            ("structuring a Hong Kong holding company", "設立香港控股公司架構"),
            ("cross-border M&A and joint ventures", "跨境併購及合資項目"),
            ("listing on the Main Board of the Stock Exchange", "於聯交所主板上市"),
            ("arbitration and dispute resolution", "仲裁及爭議解決"),
            ("sanctions and export-control compliance", "制裁及出口管制合規"),
            ("employment and immigration matters", "僱傭及入境事務"),
        ),
        (
            "Law Society of Hong Kong: registered firm of solicitors",
            "China-Appointed Attesting Officers among the partners",
            "Partners admitted in England and Wales",
            "Arbitrators on the panels of leading centres",
            "Registered foreign lawyers (Singapore, UAE)",
        ),
        (4, 15),
        (2, 6),
        (0, 3),
        (2, 10),
    ),
    Category(
        "accounting_tax",
        22,
        ("accounting and tax practice", "會計及稅務師行"),
        (
            ("{brand} CPA Limited", "{brand}會計師事務所有限公司"),
            ("{brand} Tax & Advisory Limited", "{brand}稅務及諮詢有限公司"),
        ),
        ("tax.planning", "legal.setup"),
        (
            "treasury.centre",
            "hq.regional",
            "fundraising.ipo",
            "banking.accounts",
            "compliance.trade",
        ),
        (
            ("tax residency and treaty relief", "稅務居民身分及稅收協定寬免"),
            ("reporting-accountant work for listings", "上市申報會計師工作"),
            ("corporate treasury centre tax concessions", "企業財資中心稅務優惠"),
            ("company secretarial and accounting outsourcing", "公司秘書及會計外判"),
            ("transfer pricing", "轉讓定價"),
        ),
        (
            "HKICPA practising certificate (corporate practice)",
            "AFRC-registered PIE auditor",
            "Trust or company service provider licence",
            "Tax representatives in the firm",
        ),
        (5, 20),
        (2, 8),
        (0, 3),
        (3, 12),
    ),
    Category(
        "bank",
        18,
        ("bank", "銀行"),
        (
            ("{brand} Bank (Hong Kong) Limited", "{brand}銀行(香港)有限公司"),
            ("{brand} Commercial Bank Limited", "{brand}商業銀行有限公司"),
        ),
        ("banking.accounts", "treasury.centre", "fundraising.debt"),
        ("supply_chain.centre", "fundraising.ipo", "risk.insurance"),
        (
            ("corporate accounts and cross-border RMB settlement", "企業賬戶及跨境人民幣結算"),
            ("cash pooling for treasury centres", "財資中心資金池"),
            ("trade finance and supply-chain finance", "貿易融資及供應鏈融資"),
            ("syndicated loans and green bonds", "銀團貸款及綠色債券"),
            ("FX hedging", "外匯對沖"),
        ),
        (
            "Licensed bank (Banking Ordinance)",
            "SFC registered institution: Types 1 and 4",
            "RMB clearing participant",
            "Green and sustainable finance certification",
        ),
        (10, 40),
        (6, 12),
        (1, 5),
        (4, 15),
    ),
    Category(
        "securities_sponsor",
        18,
        ("securities house and listing sponsor", "證券行及上市保薦人"),
        (
            ("{brand} Capital Limited", "{brand}資本有限公司"),
            ("{brand} Securities Limited", "{brand}證券有限公司"),
            ("{brand} Corporate Finance Limited", "{brand}融資有限公司"),
        ),
        ("fundraising.ipo", "fundraising.private_capital"),
        ("fundraising.debt", "hq.regional"),
        (
            ("sponsoring Main Board listings", "保薦主板上市"),
            ("Chapter 18A and 18C listings", "《上市規則》第18A及18C章上市"),
            ("pre-IPO rounds and cornerstone investors", "上市前融資及基石投資者"),
            ("placements and rights issues", "配售及供股"),
            ("dual primary listings", "雙重主要上市"),
        ),
        (
            "SFC licence: Type 6 (advising on corporate finance), sponsor eligible",
            "SFC licence: Type 1 (dealing in securities)",
            "SFC licence: Type 4 (advising on securities)",
            "SFC licence: Type 9 (asset management)",
        ),
        (3, 10),
        (3, 8),
        (0, 2),
        (1, 6),
    ),
    Category(
        "consultancy",
        24,
        ("consultancy", "顧問公司"),
        (
            ("{brand} Consulting Limited", "{brand}顧問有限公司"),
            ("{brand} Advisory Limited", "{brand}諮詢有限公司"),
            ("{brand} Strategy Partners", "{brand}策略顧問"),
        ),
        ("market_entry.partners", "hq.regional"),
        (
            "supply_chain.centre",
            "rnd.hub",
            "treasury.centre",
            "talent.mobility",
            "compliance.trade",
        ),
        (
            (
                "market-entry studies for South-East Asia and the Middle East",
                "東南亞及中東市場進入研究",
            ),
            ("finding distributors and joint-venture partners", "物色分銷商及合資夥伴"),
            ("designing regional headquarters", "規劃地區總部"),
            ("ESG reporting and carbon accounting", "ESG報告及碳核算"),
            ("government relations in Gulf markets", "海灣市場政府關係"),
        ),
        (
            "ISO 9001:2015 certified",
            "ISO 14064 verification partner",
            "Trust or company service provider licence",
        ),
        (4, 15),
        (2, 6),
        (0, 4),
        (3, 12),
    ),
    Category(
        "logistics",
        18,
        ("logistics company", "物流公司"),
        (
            ("{brand} Logistics Limited", "{brand}物流有限公司"),
            ("{brand} Freight Services Limited", "{brand}貨運服務有限公司"),
            ("{brand} Supply Chain Solutions", "{brand}供應鏈方案"),
        ),
        ("logistics.trade", "supply_chain.centre"),
        ("compliance.trade", "risk.insurance"),
        (
            ("air and sea freight via Hong Kong", "經香港的空運及海運"),
            ("bonded warehousing and regional distribution", "保稅倉儲及地區分銷"),
            ("cold chain for food and pharmaceuticals", "食品及藥品冷鏈"),
            ("cross-border e-commerce fulfilment", "跨境電商履約"),
            ("customs brokerage and certificates of origin", "報關及原產地證"),
        ),
        (
            "IATA cargo agent",
            "Hong Kong Authorized Economic Operator (AEO)",
            "FIATA member",
            "GDP-certified pharmaceutical warehouse",
            "Registered NVOCC",
        ),
        (8, 30),
        (2, 6),
        (1, 5),
        (4, 15),
    ),
    Category(
        "ip_agent",
        12,
        ("intellectual property agency", "知識產權代理"),
        (
            ("{brand} IP Limited", "{brand}知識產權有限公司"),
            ("{brand} Patent & Trade Mark Agents", "{brand}專利商標代理"),
        ),
        ("ip.protection",),
        ("rnd.hub", "compliance.trade"),
        (
            ("trade mark filings in ASEAN and the Gulf", "東盟及海灣地區商標註冊"),
            ("PCT and Hong Kong standard patents", "PCT及香港標準專利"),
            ("brand enforcement on marketplaces", "電商平台品牌維權"),
            ("IP valuation and licensing", "知識產權估值及授權"),
        ),
        (
            "Registered patent agents",
            "Trade mark agents recognised by the Trade Marks Registry",
            "European Patent Attorneys in the team",
            "CNIPA-qualified patent attorneys",
        ),
        (5, 20),
        (2, 6),
        (0, 2),
        (4, 14),
    ),
    Category(
        "hr_talent",
        12,
        ("HR and talent firm", "人力資源及人才顧問"),
        (
            ("{brand} Talent Limited", "{brand}人才顧問有限公司"),
            ("{brand} Executive Search", "{brand}獵頭顧問"),
            ("{brand} People Solutions", "{brand}人力資源方案"),
        ),
        ("talent.mobility",),
        ("hq.regional", "rnd.hub"),
        (
            ("executive search for regional headquarters", "地區總部高管招聘"),
            ("visas under Hong Kong's talent schemes", "香港人才計劃簽證"),
            ("payroll and MPF administration", "薪酬及強積金管理"),
            ("employer of record in South-East Asia", "東南亞名義僱主服務"),
        ),
        (
            "Employment agency licence (Labour Department)",
            "MPF intermediary registration",
            "CIPD-accredited consultants",
        ),
        (6, 25),
        (2, 6),
        (0, 3),
        (2, 8),
    ),
    Category(
        "insurance",
        12,
        ("insurer or insurance broker", "保險公司或經紀"),
        (
            ("{brand} Insurance Company Limited", "{brand}保險有限公司"),
            ("{brand} Insurance Brokers Limited", "{brand}保險經紀有限公司"),
        ),
        ("risk.insurance",),
        ("supply_chain.centre", "logistics.trade", "talent.mobility"),
        (
            ("export credit and trade credit insurance", "出口信用及貿易信用保險"),
            ("marine cargo cover", "海上貨物保險"),
            ("political-risk cover for Belt and Road projects", "一帶一路項目政治風險保險"),
            ("captive insurers in Hong Kong", "在港設立專屬自保公司"),
            ("group medical for expatriate staff", "外派員工團體醫療保險"),
        ),
        (
            "Authorized insurer (Insurance Authority)",
            "Licensed insurance broker company",
            "Lloyd's coverholder",
        ),
        (5, 20),
        (3, 10),
        (0, 3),
        (3, 12),
    ),
    Category(
        "science_park",
        8,
        ("science park or incubator", "科技園或培育中心"),
        (
            ("{brand} Innovation Park", "{brand}創新園"),
            ("{brand} Technology Incubator", "{brand}科技培育中心"),
            ("{brand} Biotech Centre", "{brand}生物科技中心"),
        ),
        ("rnd.hub",),
        ("hq.regional", "talent.mobility", "fundraising.private_capital"),
        (
            ("wet labs and pilot lines", "濕實驗室及中試線"),
            ("incubation with seed funding", "附種子資金的培育計劃"),
            ("links to university research teams", "對接大學研究團隊"),
            ("landing support for R&D centres", "研發中心落戶支援"),
        ),
        (
            "BSL-2 laboratory facilities",
            "ISO 27001 certified data centre",
            "GMP-grade cleanroom",
            "Accredited incubation programme",
        ),
        (3, 12),
        (1, 4),
        (0, 0),
        (0, 4),
    ),
    Category(
        "industry_association",
        16,
        ("industry association", "業界協會"),
        (
            ("{brand} {theme} Industry Council", "{brand}{theme}產業協會"),
            ("{brand} {theme} Going-Global Alliance", "{brand}{theme}出海聯盟"),
        ),
        ("market_entry.partners",),
        ("compliance.trade", "talent.mobility"),
        (
            ("member matchmaking and trade missions", "會員配對及商貿考察團"),
            ("industry standards and certification", "行業標準及認證"),
            ("policy briefings on target markets", "目標市場政策簡報"),
        ),
        ("Registered society", "Charitable institution (tax-exempt)"),
        (2, 10),
        (1, 1),
        (0, 0),
        (2, 8),
    ),
    Category(
        "public_agency",
        14,
        ("public agency", "公營機構"),
        (
            ("{brand} Enterprise Facilitation Office", "{brand}企業促進辦事處"),
            ("{brand} Investment Promotion Centre", "{brand}投資推廣中心"),
            ("{brand} Innovation Funding Agency", "{brand}創新資助機構"),
        ),
        ("market_entry.partners", "hq.regional"),
        ("rnd.hub", "talent.mobility", "fundraising.private_capital"),
        (
            ("free advice on setting up in Hong Kong", "免費提供在港設立業務的諮詢"),
            ("introductions to government departments", "引薦政府部門"),
            ("matching grants for R&D", "研發配對資助"),
            ("promotion conferences on the mainland", "在內地舉辦推介會"),
        ),
        ("Statutory body", "Publicly funded programme"),
        (10, 40),
        (4, 12),
        (0, 0),
        (2, 10),
    ),
)

CATEGORIES_BY_KEY: dict[str, Category] = {category.key: category for category in CATEGORIES}


@dataclass(frozen=True, slots=True)
class InvestorKind:
    key: str
    count: int  # of every 30 investors
    names: tuple[tuple[str, str], ...]
    stages: tuple[str, ...]
    tickets: tuple[tuple[str, int, int], ...]  # currency, smallest and largest ticket (millions)
    markets: tuple[str, ...]


INVESTOR_KINDS: tuple[InvestorKind, ...] = (
    InvestorKind(
        "vc",
        9,
        (("{brand} Ventures", "{brand}創投"), ("{brand} Venture Partners", "{brand}創業投資")),
        ("seed", "early", "growth"),
        (("USD", 1, 15), ("HKD", 5, 80), ("CNY", 10, 100)),
        ("CN", "HK", "SG", "ID", "VN", "AE"),
    ),
    InvestorKind(
        "pe",
        8,
        (("{brand} Capital Partners", "{brand}資本"), ("{brand} Growth Equity", "{brand}成長股權")),
        ("growth", "pre_ipo", "buyout", "cornerstone"),
        (("USD", 20, 300), ("HKD", 150, 2000)),
        ("CN", "HK", "SG", "MY", "TH", "SA", "AE", "GB"),
    ),
    InvestorKind(
        "family_office",
        6,
        (
            ("{brand} Family Office", "{brand}家族辦公室"),
            ("{brand} Family Holdings", "{brand}家族控股"),
        ),
        ("growth", "pre_ipo", "cornerstone"),
        (("USD", 2, 50), ("HKD", 20, 300)),
        ("CN", "HK", "SG", "GB", "AE"),
    ),
    InvestorKind(
        "sovereign",
        4,
        (
            ("{brand} Strategic Investment Holdings", "{brand}戰略投資控股"),
            ("{brand} Strategic Capital", "{brand}戰略資本"),
        ),
        ("growth", "pre_ipo", "cornerstone", "buyout"),
        (("USD", 50, 1000),),
        ("SA", "AE", "QA", "KZ", "SG", "HK", "CN"),
    ),
    InvestorKind(
        "bank",
        3,
        (
            ("{brand} Bank — Structured Finance", "{brand}銀行結構融資部"),
            ("{brand} Banking Corporation — Corporate Lending", "{brand}銀行企業貸款部"),
        ),
        ("debt",),
        (("USD", 10, 500), ("HKD", 80, 4000), ("CNY", 100, 3000)),
        ("CN", "HK", "SG", "MY", "ID", "AE", "SA"),
    ),
)
