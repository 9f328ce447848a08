"""Phrase banks (English, Simplified, Traditional) for the synthetic generator and judged set."""

from __future__ import annotations

Phrase = tuple[str, str, str]  # en, zh-hans, zh-hant

SERVICES: dict[str, tuple[Phrase, ...]] = {
    "fundraising.ipo": (
        ("Hong Kong IPOs on the Main Board", "香港主板上市", "香港主板上市"),
        (
            "acting as listing sponsor and underwriter",
            "担任上市保荐人及承销商",
            "擔任上市保薦人及包銷商",
        ),
        ("pre-IPO restructuring", "上市前重组", "上市前重組"),
    ),
    "fundraising.private_capital": (
        (
            "raising venture capital and private equity",
            "募集风险投资和私募股权",
            "籌集創業投資及私募股權",
        ),
        ("introducing strategic investors", "引荐战略投资者", "引薦策略投資者"),
    ),
    "fundraising.debt": (
        ("syndicated loans and green bonds", "银团贷款和绿色债券", "銀團貸款及綠色債券"),
        ("trade finance and letters of credit", "贸易融资和信用证", "貿易融資及信用證"),
    ),
    "hq.regional": (
        (
            "setting up a regional headquarters in Hong Kong",
            "在香港设立地区总部",
            "在香港設立地區總部",
        ),
    ),
    "treasury.centre": (
        (
            "corporate treasury centres and cash pooling",
            "企业财资中心和资金池",
            "企業財資中心及資金池",
        ),
    ),
    "rnd.hub": (
        ("R&D centres and laboratory space", "研发中心和实验室空间", "研發中心及實驗室空間"),
        ("incubation programmes for start-ups", "初创企业孵化计划", "初創企業孵化計劃"),
    ),
    "supply_chain.centre": (
        ("supply chain management and sourcing", "供应链管理与采购", "供應鏈管理及採購"),
    ),
    "legal.setup": (
        (
            "company incorporation and holding structures",
            "公司注册和控股架构",
            "公司註冊及控股架構",
        ),
        ("company secretarial services", "公司秘书服务", "公司秘書服務"),
        ("joint ventures and M&A", "合资与并购", "合資及併購"),
    ),
    "tax.planning": (
        (
            "tax planning under double taxation agreements",
            "利用避免双重征税协定进行税务筹划",
            "運用全面性避免雙重課稅協定進行稅務規劃",
        ),
        ("transfer pricing", "转让定价", "轉讓定價"),
        ("audit and accounting", "审计与会计", "審計及會計"),
    ),
    "banking.accounts": (
        ("corporate bank accounts", "公司银行开户", "公司銀行開戶"),
        (
            "cross-border payments and RMB settlement",
            "跨境支付和人民币结算",
            "跨境支付及人民幣結算",
        ),
        ("foreign exchange hedging", "外汇对冲", "外匯對沖"),
    ),
    "ip.protection": (
        ("trademark registration", "商标注册", "商標註冊"),
        ("patent filing", "专利申请", "專利申請"),
        ("anti-counterfeiting and IP enforcement", "打假与知识产权维权", "打假及知識產權維權"),
    ),
    "talent.mobility": (
        ("executive search and recruitment", "高管寻访与招聘", "行政人員招聘"),
        ("work visas and relocation", "工作签证与外派", "工作簽證及外派"),
        ("payroll and employer of record", "薪酬发放与名义雇主", "薪酬發放及名義僱主"),
    ),
    "logistics.trade": (
        ("sea freight and air freight", "海运和空运", "海運及空運"),
        ("warehousing and last-mile delivery", "仓储和最后一公里配送", "倉儲及最後一公里配送"),
        ("cold chain logistics", "冷链物流", "冷鏈物流"),
        ("customs clearance", "清关", "清關"),
    ),
    "market_entry.partners": (
        ("finding distributors and buyers", "寻找分销商和买家", "物色分銷商及買家"),
        ("market research and trade missions", "市场调研和商贸代表团", "市場調研及商貿代表團"),
        ("business matching with local partners", "与当地合作伙伴商务对接", "與當地夥伴商業配對"),
    ),
    "risk.insurance": (
        ("export credit insurance", "出口信用保险", "出口信用保險"),
        ("political risk insurance", "政治风险保险", "政治風險保險"),
        ("cargo insurance", "货运保险", "貨運保險"),
    ),
    "compliance.trade": (
        ("export control and sanctions screening", "出口管制与制裁筛查", "出口管制及制裁篩查"),
        ("certificates of origin", "原产地证书", "產地來源證"),
        ("product certification such as CE marking", "CE认证等产品认证", "CE認證等產品認證"),
    ),
}

PRODUCTS: dict[str, tuple[Phrase, ...]] = {
    "38": (
        ("power batteries", "动力电池", "動力電池"),
        ("energy storage systems", "储能系统", "儲能系統"),
        ("electric motors", "电机", "電機"),
    ),
    "36": (
        ("new energy vehicles", "新能源汽车", "新能源汽車"),
        ("auto parts", "汽车零部件", "汽車零部件"),
    ),
    "39": (
        ("consumer electronics", "消费电子", "消費電子"),
        ("semiconductors", "半导体芯片", "半導體晶片"),
    ),
    "27": (("generic drugs", "仿制药", "仿製藥"), ("traditional Chinese medicine", "中药", "中藥")),
    "35": (
        ("medical devices", "医疗器械", "醫療器械"),
        ("construction machinery", "工程机械", "工程機械"),
    ),
    "14": (("packaged foods and snacks", "包装食品和零食", "包裝食品及零食"),),
    "15": (("tea", "茶叶", "茶葉"), ("beverages", "饮料", "飲料")),
    "18": (("garments and apparel", "服装", "服裝"),),
    "26": (
        ("specialty chemicals", "精细化工产品", "精細化工產品"),
        ("fertilisers", "化肥", "化肥"),
    ),
    "65": (("enterprise software and cloud services", "企业软件和云服务", "企業軟件及雲服務"),),
    "64": (
        ("cross-border e-commerce platforms", "跨境电商平台", "跨境電商平台"),
        ("online games", "网络游戏", "網絡遊戲"),
    ),
    "44": (("solar power plants", "光伏电站", "光伏電站"),),
    "34": (("machine tools", "机床", "機床"), ("industrial robots", "工业机器人", "工業機械人")),
    "40": (("measuring instruments and sensors", "测量仪器和传感器", "測量儀器及傳感器"),),
    "29": (("tyres and rubber products", "轮胎和橡胶制品", "輪胎及橡膠製品"),),
    "17": (("textiles and fabrics", "纺织面料", "紡織布料"),),
}

MARKETS: dict[str, Phrase] = {
    "VN": ("Vietnam (Ho Chi Minh City)", "越南胡志明市", "越南胡志明市"),
    "TH": ("Thailand (Bangkok)", "泰国曼谷", "泰國曼谷"),
    "ID": ("Indonesia (Jakarta)", "印度尼西亚雅加达", "印尼雅加達"),
    "MY": ("Malaysia (Kuala Lumpur)", "马来西亚吉隆坡", "馬來西亞吉隆坡"),
    "SG": ("Singapore", "新加坡", "新加坡"),
    "PH": ("the Philippines (Manila)", "菲律宾马尼拉", "菲律賓馬尼拉"),
    "AE": ("the UAE (Dubai)", "阿联酋迪拜", "阿聯酋杜拜"),
    "SA": ("Saudi Arabia (Riyadh)", "沙特阿拉伯利雅得", "沙特阿拉伯利雅得"),
    "QA": ("Qatar (Doha)", "卡塔尔多哈", "卡塔爾多哈"),
    "TR": ("Turkey (Istanbul)", "土耳其伊斯坦布尔", "土耳其伊斯坦堡"),
    "EG": ("Egypt (Cairo)", "埃及开罗", "埃及開羅"),
    "IN": ("India (Mumbai)", "印度孟买", "印度孟買"),
    "KZ": ("Kazakhstan (Almaty)", "哈萨克斯坦阿拉木图", "哈薩克阿拉木圖"),
    "DE": ("Germany (Frankfurt)", "德国法兰克福", "德國法蘭克福"),
    "HU": ("Hungary (Budapest)", "匈牙利布达佩斯", "匈牙利布達佩斯"),
    "GB": ("the United Kingdom (London)", "英国伦敦", "英國倫敦"),
    "NL": ("the Netherlands (Rotterdam)", "荷兰鹿特丹", "荷蘭鹿特丹"),
    "BR": ("Brazil (São Paulo)", "巴西圣保罗", "巴西聖保羅"),
    "MX": ("Mexico (Monterrey)", "墨西哥蒙特雷", "墨西哥蒙特雷"),
    "AU": ("Australia (Sydney)", "澳大利亚悉尼", "澳洲悉尼"),
    "JP": ("Japan (Tokyo)", "日本东京", "日本東京"),
    "ZA": ("South Africa (Johannesburg)", "南非约翰内斯堡", "南非約翰內斯堡"),
}

CATEGORY_NEEDS: dict[str, tuple[str, ...]] = {  # the first is the category's core need
    "law_firm": (
        "legal.setup",
        "ip.protection",
        "compliance.trade",
        "fundraising.ipo",
        "hq.regional",
    ),
    "accounting_tax": (
        "tax.planning",
        "legal.setup",
        "hq.regional",
        "treasury.centre",
        "fundraising.ipo",
    ),
    "bank": ("banking.accounts", "fundraising.debt", "treasury.centre"),
    "securities_sponsor": ("fundraising.ipo", "fundraising.private_capital", "fundraising.debt"),
    "consultancy": (
        "market_entry.partners",
        "hq.regional",
        "supply_chain.centre",
        "compliance.trade",
        "fundraising.private_capital",
    ),
    "logistics": ("logistics.trade", "supply_chain.centre", "compliance.trade"),
    "ip_agent": ("ip.protection",),
    "hr_talent": ("talent.mobility", "hq.regional"),
    "insurance": ("risk.insurance",),
    "science_park": ("rnd.hub", "fundraising.private_capital", "talent.mobility"),
    "industry_association": ("market_entry.partners", "compliance.trade"),
    "public_agency": ("hq.regional", "market_entry.partners", "rnd.hub", "talent.mobility"),
}

CATEGORY_SHARE = {
    "law_firm": 70,
    "accounting_tax": 55,
    "bank": 40,
    "securities_sponsor": 35,
    "consultancy": 60,
    "logistics": 50,
    "ip_agent": 30,
    "hr_talent": 25,
    "insurance": 25,
    "science_park": 10,
    "industry_association": 25,
    "public_agency": 15,
}

CATEGORY_NAMES: dict[str, Phrase] = {
    "law_firm": ("Solicitors LLP", "律师事务所", "律師事務所"),
    "accounting_tax": ("CPA Limited", "会计师事务所", "會計師事務所"),
    "bank": ("Bank", "银行", "銀行"),
    "securities_sponsor": ("Capital Limited", "资本有限公司", "資本有限公司"),
    "consultancy": ("Advisory", "咨询", "諮詢"),
    "logistics": ("Logistics", "物流", "物流"),
    "ip_agent": ("IP Services", "知识产权代理", "知識產權代理"),
    "hr_talent": ("Talent Partners", "人才顾问", "人才顧問"),
    "insurance": ("Insurance Brokers", "保险经纪", "保險經紀"),
    "science_park": ("Innovation Park", "创新园", "創新園"),
    "industry_association": ("Chamber of Commerce", "商会", "商會"),
    "public_agency": ("Trade Office", "贸易办事处", "貿易辦事處"),
}

CATEGORY_INTRO: dict[str, Phrase] = {
    "law_firm": ("a Hong Kong law firm", "一家香港律师事务所", "一家香港律師事務所"),
    "accounting_tax": (
        "a Hong Kong accounting and tax firm",
        "一家香港会计及税务事务所",
        "一家香港會計及稅務事務所",
    ),
    "bank": (
        "a bank headquartered in Hong Kong",
        "一家总部设于香港的银行",
        "一家總部設於香港的銀行",
    ),
    "securities_sponsor": (
        "a Hong Kong investment bank and securities house",
        "一家香港投资银行及证券行",
        "一家香港投資銀行及證券行",
    ),
    "consultancy": (
        "a Hong Kong business consultancy",
        "一家香港商业咨询公司",
        "一家香港商業諮詢公司",
    ),
    "logistics": ("a Hong Kong logistics company", "一家香港物流公司", "一家香港物流公司"),
    "ip_agent": (
        "a Hong Kong intellectual property agency",
        "一家香港知识产权代理机构",
        "一家香港知識產權代理機構",
    ),
    "hr_talent": (
        "a Hong Kong human resources firm",
        "一家香港人力资源公司",
        "一家香港人力資源公司",
    ),
    "insurance": ("a Hong Kong insurance broker", "一家香港保险经纪公司", "一家香港保險經紀公司"),
    "science_park": (
        "an innovation park in Hong Kong",
        "香港的一个创新科技园区",
        "香港的一個創新科技園區",
    ),
    "industry_association": ("a Hong Kong chamber of commerce", "一家香港商会", "一家香港商會"),
    "public_agency": (
        "a Hong Kong public body promoting trade",
        "一家推广贸易的香港公营机构",
        "一家推廣貿易的香港公營機構",
    ),
}

NAME_WORDS: tuple[Phrase, ...] = (
    ("Harbour", "海港", "海港"),
    ("Victoria", "维多利亚", "維多利亞"),
    ("Peak", "峰景", "峰景"),
    ("Lion Rock", "狮子山", "獅子山"),
    ("Kowloon", "九龙", "九龍"),
    ("Jade", "翡翠", "翡翠"),
    ("Pearl", "明珠", "明珠"),
    ("Tai Ping", "太平", "太平"),
    ("Star Ferry", "天星", "天星"),
    ("Bauhinia", "紫荆", "紫荊"),
    ("Orient", "东方", "東方"),
    ("Silk Road", "丝路", "絲路"),
    ("Crown", "冠亚", "冠亞"),
    ("Summit", "高峰", "高峰"),
    ("Bridge", "桥汇", "橋匯"),
    ("Junk Bay", "将军澳", "將軍澳"),
    ("Lantau", "大屿", "大嶼"),
    ("Sai Kung", "西贡", "西貢"),
)

NAME_SECOND: tuple[Phrase, ...] = (
    ("Global", "环球", "環球"),
    ("Asia", "亚洲", "亞洲"),
    ("Pacific", "太平洋", "太平洋"),
    ("Link", "联通", "聯通"),
    ("Gateway", "之门", "之門"),
    ("Partners", "合伙", "合夥"),
    ("Trust", "信诚", "信誠"),
    ("Meridian", "子午", "子午"),
)

CITIES: tuple[tuple[str, Phrase], ...] = (
    ("Guangdong", ("Shenzhen", "深圳", "深圳")),
    ("Guangdong", ("Dongguan", "东莞", "東莞")),
    ("Guangdong", ("Foshan", "佛山", "佛山")),
    ("Jiangsu", ("Suzhou", "苏州", "蘇州")),
    ("Jiangsu", ("Changzhou", "常州", "常州")),
    ("Zhejiang", ("Ningbo", "宁波", "寧波")),
    ("Zhejiang", ("Hangzhou", "杭州", "杭州")),
    ("Fujian", ("Xiamen", "厦门", "廈門")),
    ("Sichuan", ("Chengdu", "成都", "成都")),
    ("Hubei", ("Wuhan", "武汉", "武漢")),
    ("Shanghai", ("Shanghai", "上海", "上海")),
    ("Shandong", ("Qingdao", "青岛", "青島")),
    ("Anhui", ("Hefei", "合肥", "合肥")),
    ("Yunnan", ("Pu'er", "普洱", "普洱")),
)

ENTERPRISE_WORDS: tuple[Phrase, ...] = (
    ("Xinneng", "新能", "新能"),
    ("Huachuang", "华创", "華創"),
    ("Tianyu", "天宇", "天宇"),
    ("Ruifeng", "瑞丰", "瑞豐"),
    ("Jinhai", "金海", "金海"),
    ("Hengtai", "恒泰", "恆泰"),
    ("Zhongke", "中科", "中科"),
    ("Mingyang", "明阳", "明陽"),
    ("Boda", "博达", "博達"),
    ("Longsheng", "隆盛", "隆盛"),
    ("Kaiyuan", "开元", "開元"),
    ("Shengshi", "盛世", "盛世"),
)
