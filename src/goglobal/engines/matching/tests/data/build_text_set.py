# ruff: noqa: E501 - the phrase banks read best one service or market a line
"""Write ``text_set.json``: a second judged set, made differently from ``judged_set.json``.

Run: ``PYTHONPATH=src python src/goglobal/engines/matching/tests/data/build_text_set.py``.

Here each invented provider has a *truth* (the services it offers, the sectors it knows, where it
has offices and partners), and its profile text states that truth in one of three languages in
words chosen from banks written for this set: plain paraphrases, many outside the glossary
("taking companies public", "招股書"), city and region names instead of countries, and negations
("no office in Vietnam"). The coded fields are then filled the way real directories are: about
a third fully coded, a third with markets or sectors only in the text, a sixth with no need codes
at all, the rest coded with a terse text. Grades are computed from the truth, i.e. from what the
text says, never from the coded fields and never from the engine's score:

- it does not offer the service → 0;
- a market is asked: office there → 2, partners there → 1, neither → 0; no market asked: for a
  service delivered in Hong Kong (listing, regional HQ, treasury, accounts, talent) → 2 for a
  firm offering at most two services, else 1; for other services → 2 if it is present in one of
  the enterprise's target markets, else 1;
- +1 if it knows the enterprise's sector (cap 3).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261202
HERE = Path(__file__).parent

# service → (need code, categories, {language: [phrases]}); zh_hant written the Hong Kong way.
SERVICES = {
    "ipo": ("fundraising.ipo", ("securities_sponsor", "law_firm", "accounting_tax"), {
        "en": ["taking companies public on the Main Board", "preparing prospectuses and acting as sponsor for HKEX applicants", "listing applications under Chapter 18C"],
        "zh_hans": ["协助企业在港交所主板挂牌", "编制招股书并担任上市保荐人", "18C章特专科技公司上市申请"],
        "zh_hant": ["協助企業於聯交所主板掛牌", "編製招股書及擔任保薦人", "18C章特專科技公司上市申請"]}),
    "pe": ("fundraising.private_capital", ("securities_sponsor", "consultancy", "bank"), {
        "en": ["raising growth rounds from funds and strategic investors", "pre-IPO placements with institutional investors"],
        "zh_hans": ["为成长期企业对接基金与战略投资者融资", "引入机构投资者的上市前配售"],
        "zh_hant": ["為成長期企業對接基金及策略投資者集資", "引入機構投資者的上市前配售"]}),
    "debt": ("fundraising.debt", ("bank", "securities_sponsor"), {
        "en": ["arranging syndicated loans and offshore bonds", "working-capital lines for exporters"],
        "zh_hans": ["安排银团贷款和境外债券发行", "为出口企业提供流动资金授信"],
        "zh_hant": ["安排銀團貸款及境外債券發行", "為出口企業提供營運資金信貸"]}),
    "hq": ("hq.regional", ("consultancy", "accounting_tax", "law_firm", "public_agency"), {
        "en": ["moving a group's Asia management office to Hong Kong", "setting up a regional head office that runs subsidiaries across Asia"],
        "zh_hans": ["把集团亚太管理中心设在香港", "设立统筹亚洲子公司的地区总部"],
        "zh_hant": ["把集團亞太管理中心設於香港", "設立統籌亞洲附屬公司的地區總部"]}),
    "treasury": ("treasury.centre", ("bank", "accounting_tax"), {
        "en": ["centralising group cash and intra-group lending in one treasury", "pooling liquidity for multinational groups"],
        "zh_hans": ["集中管理集团资金和内部借贷", "为跨国集团搭建资金池"],
        "zh_hant": ["集中管理集團資金及集團內部借貸", "為跨國集團建立資金池"]}),
    "setup": ("legal.setup", ("law_firm", "accounting_tax"), {
        "en": ["forming local companies and holding vehicles", "incorporating subsidiaries and keeping statutory registers", "drafting shareholder agreements and licences for new entities"],
        "zh_hans": ["成立当地公司及控股平台", "注册子公司并维护法定记录", "起草股东协议及新设实体的牌照申请"],
        "zh_hant": ["成立當地公司及控股平台", "註冊附屬公司並備存法定紀錄", "草擬股東協議及新實體牌照申請"]}),
    "tax": ("tax.planning", ("accounting_tax",), {
        "en": ["cross-border tax structuring and treaty relief", "transfer pricing documentation for group companies"],
        "zh_hans": ["跨境税务架构及协定优惠", "集团公司转让定价文档"],
        "zh_hant": ["跨境稅務架構及協定寬免", "集團公司轉讓定價文件"]}),
    "bank": ("banking.accounts", ("bank",), {
        "en": ["opening corporate accounts within a week", "collections and payouts in multiple currencies"],
        "zh_hans": ["一周内开立对公账户", "多币种收款与付款"],
        "zh_hant": ["一星期內開立公司戶口", "多種貨幣收款及付款"]}),
    "ip": ("ip.protection", ("ip_agent", "law_firm"), {
        "en": ["registering brands and filing inventions abroad", "stopping copycats and fake goods at the border"],
        "zh_hans": ["在海外注册品牌和申请发明", "在海关拦截仿冒品"],
        "zh_hant": ["在海外註冊品牌及申請發明", "於海關截查冒牌貨"]}),
    "talent": ("talent.mobility", ("hr_talent",), {
        "en": ["bringing senior hires and engineers into Hong Kong", "payroll and visas for staff posted to Hong Kong"],
        "zh_hans": ["引进高管和工程师来港工作", "为派驻香港员工办理薪酬和签证"],
        "zh_hant": ["引進高層及工程師來港工作", "為派駐香港員工處理薪酬及簽證"]}),
    "freight": ("logistics.trade", ("logistics",), {
        "en": ["moving containers by sea and air", "bonded warehousing and last-mile delivery"],
        "zh_hans": ["海运和空运集装箱", "保税仓储与末端派送"],
        "zh_hant": ["海運及空運貨櫃", "保稅倉儲及最後一里派送"]}),
    "partners": ("market_entry.partners", ("consultancy", "industry_association", "public_agency"), {
        "en": ["finding distributors and buyers for newcomers", "organising business matching with local importers"],
        "zh_hans": ["为新进入者寻找经销商和买家", "组织与当地进口商的商务配对"],
        "zh_hant": ["為新來者物色分銷商及買家", "安排與當地入口商的商業配對"]}),
    "insure": ("risk.insurance", ("insurance",), {
        "en": ["covering buyers who fail to pay and goods lost at sea", "political risk cover for overseas plants"],
        "zh_hans": ["承保买家拖欠货款和海上货损", "为海外工厂提供政治风险保障"],
        "zh_hant": ["承保買家拖欠貨款及海上貨損", "為海外廠房提供政治風險保障"]}),
    "comply": ("compliance.trade", ("law_firm", "consultancy", "logistics"), {
        "en": ["screening shipments against sanctions lists", "origin certificates and export licences"],
        "zh_hans": ["按制裁名单筛查货物", "办理原产地证和出口许可"],
        "zh_hant": ["按制裁名單篩查貨物", "辦理產地來源證及出口許可證"]}),
}  # fmt: skip
IN_HONG_KONG = {"ipo", "hq", "treasury", "bank", "talent"}

# sector division → {language: [phrases]}
SECTORS = {
    "38": {"en": ["power-battery and energy-storage makers", "makers of home appliances"], "zh_hans": ["动力电池与储能企业", "家电制造商"], "zh_hant": ["動力電池及儲能企業", "家電製造商"]},
    "36": {"en": ["carmakers and auto-parts suppliers", "electric-car brands"], "zh_hans": ["整车厂和汽车零部件供应商", "新能源车品牌"], "zh_hant": ["汽車廠及汽車零部件供應商", "電動車品牌"]},
    "27": {"en": ["drug developers and biotech issuers", "pharmaceutical companies"], "zh_hans": ["创新药企和生物科技公司", "制药企业"], "zh_hant": ["創新藥企及生物科技公司", "製藥企業"]},
    "39": {"en": ["chip designers and electronics makers", "smartphone brands"], "zh_hans": ["芯片设计和电子制造企业", "手机品牌"], "zh_hant": ["晶片設計及電子製造企業", "手機品牌"]},
    "65": {"en": ["software and cloud companies", "AI start-ups"], "zh_hans": ["软件和云服务公司", "人工智能初创企业"], "zh_hant": ["軟件及雲端服務公司", "人工智能初創企業"]},
    "14": {"en": ["food and snack brands", "packaged-food producers"], "zh_hans": ["食品和零食品牌", "包装食品生产商"], "zh_hant": ["食品及零食品牌", "包裝食品生產商"]},
    "17": {"en": ["textile mills", "fabric and yarn exporters"], "zh_hans": ["纺织厂", "面料和纱线出口商"], "zh_hant": ["紡織廠", "布料及紗線出口商"]},
    "34": {"en": ["machine-tool and robot makers", "industrial equipment manufacturers"], "zh_hans": ["机床和机器人制造商", "工业设备制造商"], "zh_hant": ["機床及機械人製造商", "工業設備製造商"]},
}  # fmt: skip

# market → {language: [ways to name it]} (cities and countries)
PLACES = {
    "VN": {"en": ["Vietnam", "Ho Chi Minh City", "Hanoi"], "zh_hans": ["越南", "胡志明市", "河内"], "zh_hant": ["越南", "胡志明市", "河內"]},
    "TH": {"en": ["Thailand", "Bangkok"], "zh_hans": ["泰国", "曼谷"], "zh_hant": ["泰國", "曼谷"]},
    "ID": {"en": ["Indonesia", "Jakarta"], "zh_hans": ["印度尼西亚", "雅加达"], "zh_hant": ["印尼", "雅加達"]},
    "MY": {"en": ["Malaysia", "Kuala Lumpur", "Penang"], "zh_hans": ["马来西亚", "吉隆坡"], "zh_hant": ["馬來西亞", "吉隆坡", "檳城"]},
    "SG": {"en": ["Singapore"], "zh_hans": ["新加坡"], "zh_hant": ["新加坡"]},
    "AE": {"en": ["the UAE", "Dubai", "Abu Dhabi"], "zh_hans": ["阿联酋", "迪拜"], "zh_hant": ["阿聯酋", "杜拜"]},
    "SA": {"en": ["Saudi Arabia", "Riyadh"], "zh_hans": ["沙特阿拉伯", "利雅得"], "zh_hant": ["沙地阿拉伯", "利雅得"]},
    "TR": {"en": ["Turkey", "Istanbul"], "zh_hans": ["土耳其", "伊斯坦布尔"], "zh_hant": ["土耳其", "伊斯坦堡"]},
    "DE": {"en": ["Germany", "Frankfurt", "Munich"], "zh_hans": ["德国", "法兰克福"], "zh_hant": ["德國", "法蘭克福"]},
    "HU": {"en": ["Hungary", "Budapest"], "zh_hans": ["匈牙利", "布达佩斯"], "zh_hant": ["匈牙利", "布達佩斯"]},
    "MX": {"en": ["Mexico", "Monterrey"], "zh_hans": ["墨西哥", "蒙特雷"], "zh_hant": ["墨西哥", "蒙特雷"]},
    "BR": {"en": ["Brazil", "São Paulo"], "zh_hans": ["巴西", "圣保罗"], "zh_hant": ["巴西", "聖保羅"]},
    "KZ": {"en": ["Kazakhstan", "Almaty"], "zh_hans": ["哈萨克斯坦", "阿拉木图"], "zh_hant": ["哈薩克", "阿拉木圖"]},
}  # fmt: skip

OFFICE = {
    "en": "We have our own offices in {places}.",
    "zh_hans": "在{places}设有办事处。",
    "zh_hant": "於{places}設有辦事處。",
}
TEAM = {
    "en": "Our team on the ground in {places} handles local filings.",
    "zh_hans": "{places}有我们的常驻团队。",
    "zh_hant": "{places}有本行的駐地團隊。",
}
NETWORK = {
    "en": "Through partner firms we also cover {places}.",
    "zh_hans": "并通过合作伙伴覆盖{places}。",
    "zh_hant": "並透過合作夥伴覆蓋{places}。",
}
NEGATION = {
    "en": "We have no office in {place}.",
    "zh_hans": "目前在{place}没有办事处。",
    "zh_hant": "現時在{place}沒有辦事處。",
}
OPENERS = {
    "en": ["{name} is a Hong Kong firm.", "{name}: a boutique practice in Central.", "Founded in 2009, {name} works with mainland clients."],
    "zh_hans": ["{name}是一家香港机构。", "{name}总部位于香港中环。", "{name}成立于2009年，服务内地客户。"],
    "zh_hant": ["{name}是一間香港機構。", "{name}總部設於中環。", "{name}於2009年成立，服務內地客戶。"],
}  # fmt: skip
DOES = {
    "en": "We specialise in {services}.",
    "zh_hans": "专注于{services}。",
    "zh_hant": "專注於{services}。",
}
KNOWS = {
    "en": "Clients include {sectors}.",
    "zh_hans": "客户包括{sectors}。",
    "zh_hant": "客戶包括{sectors}。",
}
JOIN = {"en": " and ", "zh_hans": "、", "zh_hant": "、"}
NAME_PARTS = ["Harbourfront", "Kowloon Bay", "Pearl", "Lion Rock", "Victoria", "Tsim Sha Tsui", "Peak", "Junk Bay", "Star Ferry", "Aberdeen"]  # fmt: skip
NAME_KINDS = {"securities_sponsor": "Capital", "law_firm": "Solicitors", "accounting_tax": "CPA", "bank": "Bank", "consultancy": "Advisory", "logistics": "Logistics", "ip_agent": "IP", "hr_talent": "Talent", "insurance": "Insurance", "industry_association": "Chamber", "public_agency": "Office"}  # fmt: skip

ENTERPRISE = {
    "en": "We are a {city} maker of {product}. {plan} We need help with {service}.",
    "zh_hans": "我们是{city}的{product}企业。{plan}需要{service}方面的协助。",
    "zh_hant": "我們是{city}的{product}企業。{plan}需要{service}方面的協助。",
}  # fmt: skip
PLAN = {
    "en": "We plan to build sales in {place}.",
    "zh_hans": "计划拓展{place}市场。",
    "zh_hant": "計劃開拓{place}市場。",
}
CITIES = {"en": ["Shenzhen", "Ningbo", "Hefei", "Chengdu"], "zh_hans": ["深圳", "宁波", "合肥", "成都"], "zh_hant": ["深圳", "寧波", "合肥", "成都"]}  # fmt: skip


def _join(items: list[str], language: str) -> str:
    return JOIN[language].join(items)


def _provider(rng: random.Random, number: int) -> tuple[dict, dict]:
    service_keys = rng.sample(sorted(SERVICES), rng.choice([1, 1, 2, 2, 3, 4]))
    categories = [c for key in service_keys for c in SERVICES[key][1]]
    category = rng.choice(categories)
    sectors = rng.sample(sorted(SECTORS), rng.choice([0, 1, 1, 2]))
    markets = rng.sample(sorted(PLACES), rng.choice([0, 1, 2, 3, 4]))
    split = rng.randint(0, len(markets))
    offices, partners = markets[:split], markets[split:]
    language = rng.choice(["en", "en", "zh_hans", "zh_hant", "zh_hant"])
    name = f"{rng.choice(NAME_PARTS)} {NAME_KINDS.get(category, 'Group')} {number}"
    sentences = [rng.choice(OPENERS[language]).format(name=name)]
    phrases = [rng.choice(SERVICES[key][2][language]) for key in service_keys]
    sentences.append(DOES[language].format(services=_join(phrases, language)))
    if sectors:
        named = [rng.choice(SECTORS[s][language]) for s in sectors]
        sentences.append(KNOWS[language].format(sectors=_join(named, language)))
    if offices:
        template = rng.choice([OFFICE, TEAM])[language]
        named = [rng.choice(PLACES[m][language]) for m in offices]
        sentences.append(template.format(places=_join(named, language)))
    if partners:
        named = [rng.choice(PLACES[m][language]) for m in partners]
        sentences.append(NETWORK[language].format(places=_join(named, language)))
    absent = sorted(set(PLACES) - set(markets))
    if rng.random() < 0.25:
        sentences.append(
            NEGATION[language].format(place=rng.choice(PLACES[rng.choice(absent)][language]))
        )
    separator = " " if language == "en" else ""
    truth = {"services": service_keys, "sectors": sectors, "offices": offices, "partners": partners}
    entry: dict = {"id": f"tx-{number:04d}", "category": category,
                   "languages": rng.choice([["en", "zh", "yue"], ["en", "yue"], ["en", "zh"]])}  # fmt: skip
    entry["name_en" if language == "en" else f"name_{language}"] = name
    policy = rng.random()
    needs = [SERVICES[key][0] for key in service_keys]
    if policy < 0.34:  # fully coded
        entry.update(needs=sorted(set(needs)), sectors=sectors, office_markets=offices,
                     network_markets=partners)  # fmt: skip
    elif policy < 0.68:  # markets or sectors only in the text
        entry.update(needs=sorted(set(needs)))
        if rng.random() < 0.5:
            entry.update(sectors=sectors)
    elif policy < 0.85:  # no need codes at all
        entry.update(needs=[])
    else:  # coded, with a terse text (the services are kept, the rest dropped)
        entry.update(needs=sorted(set(needs)), sectors=sectors, office_markets=offices,
                     network_markets=partners)  # fmt: skip
        sentences = sentences[:2]
    entry["description"] = separator.join(sentences)
    return entry, truth


def _grade(truth: dict, service: str, market: str | None, sector: str, targets: list[str]) -> int:
    if service not in truth["services"]:
        return 0
    present = set(truth["offices"]) | set(truth["partners"])
    if market:
        grade = 2 if market in truth["offices"] else 1 if market in truth["partners"] else 0
        if grade == 0:
            return 0
    elif service in IN_HONG_KONG:
        grade = 2 if len(truth["services"]) <= 2 else 1
    else:
        grade = 2 if present & set(targets) else 1
    if sector in truth["sectors"]:
        grade += 1
    return min(grade, 3)


def build() -> dict:
    rng = random.Random(SEED)
    providers, truths = [], {}
    for number in range(1, 431):
        entry, truth = _provider(rng, number)
        providers.append(entry)
        truths[entry["id"]] = truth
    queries = []
    languages = ["zh_hans", "zh_hant", "en"]
    for number in range(90):
        language = languages[number % 3]
        service = sorted(SERVICES)[number % len(SERVICES)]
        sector = rng.choice(sorted(SECTORS))
        targets = rng.sample(sorted(PLACES), 2)
        market = None if service in IN_HONG_KONG or rng.random() < 0.3 else targets[0]
        text = ENTERPRISE[language].format(
            city=rng.choice(CITIES[language]),
            product=rng.choice(SECTORS[sector][language]),
            plan=PLAN[language].format(place=rng.choice(PLACES[targets[0]][language])),
            service=rng.choice(SERVICES[service][2][language]),
        )
        coded_targets = targets if rng.random() < 0.6 else []
        stated = coded_targets or targets[:1]  # what the enterprise states: codes, else its text
        relevant = {}
        for provider in providers:
            grade = _grade(truths[provider["id"]], service, market, sector, stated)
            if grade:
                relevant[provider["id"]] = grade
        queries.append({
            "id": f"tq-{number:03d}", "need": SERVICES[service][0], "market": market,
            "enterprise": {"sector": sector, "description": text,
                           "target_markets": coded_targets,
                           "needs": [SERVICES[service][0]]},
            "relevant": relevant,
            "note": f"{service} / {sector} / {market or 'no market'} / {language}",
        })  # fmt: skip
    return {
        "format": "goglobal-match-eval/1",
        "description": "Second judged set: graded from what each profile's text says "
        "(build_text_set.py); coded fields partial as in real directories.",
        "providers": providers,
        "queries": queries,
    }


if __name__ == "__main__":
    data = build()
    (HERE / "text_set.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(len(data["providers"]), "providers,", len(data["queries"]), "queries")
