"""Place names a profile may use for a market, and the members of the regions it may name.

The glossary's ``market.*`` concepts (countries, capitals, a few business cities) are read first;
this table adds countries and cities the glossary does not hold, and Hong Kong / Taiwan forms
(``汶萊``, ``沙地阿拉伯``, ``肯雅``). Terms are matched after ``normalise`` (casefold,
Traditional → Simplified), so only one Chinese form is needed when the two differ only in script.
Hong Kong and the mainland are not target markets and are never derived.
"""

from __future__ import annotations

from types import MappingProxyType

ASEAN = ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL")
GCC = ("AE", "BH", "KW", "OM", "QA", "SA")
EU = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)  # fmt: skip
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
LATAM = ("AR", "BO", "BR", "CL", "CO", "CR", "DO", "EC", "GT", "MX", "PA", "PE", "PY", "UY")
AFRICA = (
    "DZ", "AO", "BW", "CM", "CI", "CD", "EG", "ET", "GH", "KE", "MA", "MZ", "NA", "NG", "RW",
    "SN", "TZ", "TN", "UG", "ZA", "ZM", "ZW",
)  # fmt: skip

# Glossary concept → the markets it names (a country, or a region's members).
CONCEPT_MARKETS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "market.asean": ASEAN,
        "market.gcc": GCC,
        "market.eu": EU,
        "market.africa": AFRICA,
        "market.latam": LATAM,
        "market.central_asia": CENTRAL_ASIA,
    }
)
REGIONS = frozenset(CONCEPT_MARKETS)
# Regions the glossary does not hold: (English terms, Chinese terms) → members.
EXTRA_REGIONS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (("south asia", "indian subcontinent"), ("南亚",), ("IN", "PK", "BD", "LK", "NP")),
    (("north america",), ("北美", "北美洲"), ("US", "CA")),
)
NOT_TARGETS = frozenset({"market.hk", "market.mainland"})

# Extra names: country code → (English terms, Chinese terms). Regions get their own code below.
EXTRA: MappingProxyType[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType(
    {
        "VN": (("saigon", "hcmc", "ho chi minh", "da nang", "danang", "bac ninh"),
               ("岘港", "北宁")),
        "TH": (("chonburi", "rayong", "chiang mai"), ("泰国东部", "罗勇", "春武里", "清迈")),
        "ID": (("surabaya", "bekasi", "bandung"), ("泗水", "印度尼西亚", "万隆")),
        "MY": (("selangor", "kuching", "johor bahru", "penang"), ("雪兰莪", "新山", "槟城")),
        "LA": ((), ("寮国",)),
        "PH": (("cebu", "makati"), ("宿务", "宿雾")),
        "SG": ((), ("星加坡", "狮城", "星洲")),
        "BN": (("brunei",), ("文莱", "汶莱")),
        "TL": (("timor-leste", "east timor"), ("东帝汶",)),
        "SA": ((), ("沙地阿拉伯", "沙地", "达曼", "利雅德")),
        "AE": (("sharjah", "emirates"), ("沙迦", "阿联酋", "阿布达比")),
        "KW": (("kuwait",), ("科威特",)),
        "BH": (("bahrain", "manama"), ("巴林", "麦纳麦")),
        "OM": (("oman", "muscat"), ("阿曼", "马斯喀特")),
        "JO": (("amman",), ("约旦", "安曼")),
        "IL": (("israel", "tel aviv"), ("以色列", "特拉维夫")),
        "TR": (("ankara", "izmir"), ("伊斯坦布尔", "伊斯坦堡", "安卡拉")),
        "LK": (("sri lanka", "colombo"), ("斯里兰卡", "科伦坡", "可伦坡")),
        "NP": (("nepal", "kathmandu"), ("尼泊尔", "加德满都")),
        "MN": (("mongolia", "ulaanbaatar"), ("蒙古国", "乌兰巴托")),
        "KG": (("kyrgyzstan", "bishkek"), ("吉尔吉斯斯坦", "吉尔吉斯", "比什凯克")),
        "TJ": (("tajikistan", "dushanbe"), ("塔吉克斯坦", "杜尚别")),
        "TM": (("turkmenistan", "ashgabat"), ("土库曼斯坦",)),
        "AZ": (("azerbaijan", "baku"), ("阿塞拜疆", "巴库")),
        "RS": (("serbia", "belgrade"), ("塞尔维亚", "贝尔格莱德")),
        "CZ": (("czech republic", "czechia", "prague"), ("捷克", "布拉格")),
        "AT": (("austria", "vienna"), ("奥地利", "维也纳")),
        "CH": (("switzerland", "zurich", "geneva"), ("瑞士", "苏黎世", "日内瓦")),
        "BE": (("belgium", "brussels", "antwerp"), ("比利时", "布鲁塞尔", "安特卫普")),
        "SE": (("sweden", "stockholm"), ("瑞典", "斯德哥尔摩")),
        "NO": (("norway", "oslo"), ("挪威", "奥斯陆")),
        "DK": (("denmark", "copenhagen"), ("丹麦", "哥本哈根")),
        "FI": (("finland", "helsinki"), ("芬兰", "赫尔辛基")),
        "IE": (("ireland", "dublin"), ("爱尔兰", "都柏林")),
        "PT": (("portugal", "lisbon"), ("葡萄牙", "里斯本")),
        "GR": (("greece", "athens", "piraeus"), ("希腊", "雅典", "比雷埃夫斯")),
        "RO": (("romania", "bucharest"), ("罗马尼亚", "布加勒斯特")),
        "DE": (("hamburg", "berlin", "dusseldorf", "düsseldorf", "stuttgart"),
               ("汉堡", "柏林", "杜塞尔多夫", "斯图加特")),
        "FR": (("lyon", "marseille"), ("里昂", "马赛")),
        "GB": (("england", "manchester", "edinburgh", "scotland"),
               ("英格兰", "曼彻斯特", "爱丁堡", "苏格兰")),
        "IT": (("rome", "turin"), ("罗马", "都灵", "义大利")),
        "ES": ((), ("巴塞隆拿",)),
        "US": (("new york", "los angeles", "san francisco", "silicon valley", "chicago", "houston",
                "seattle", "united states of america"),
               ("纽约", "洛杉矶", "旧金山", "三藩市", "硅谷", "芝加哥", "休斯敦", "西雅图")),
        "CA": (("montreal", "calgary"), ("蒙特利尔", "卡尔加里")),
        "MX": (("mexico city", "guadalajara"), ("墨西哥城",)),
        "BR": (("rio de janeiro",), ("里约热内卢",)),
        "CO": (("colombia", "bogota", "bogotá"), ("哥伦比亚", "波哥大")),
        "EC": (("ecuador", "quito"), ("厄瓜多尔",)),
        "PA": (("panama",), ("巴拿马",)),
        "UY": (("uruguay", "montevideo"), ("乌拉圭",)),
        "AU": (("perth", "brisbane"), ("珀斯", "布里斯班", "雪梨")),
        "NZ": (("wellington",), ("惠灵顿", "纽西兰")),
        "JP": (("yokohama", "nagoya"), ("横滨", "名古屋")),
        "KR": (("busan", "incheon"), ("南韩", "釜山", "仁川")),
        "IN": (("delhi", "chennai", "gurgaon", "pune"), ("德里", "金奈", "浦那")),
        "PK": (("lahore", "islamabad"), ("拉合尔", "伊斯兰堡")),
        "BD": (("chittagong",), ("吉大港",)),
        "RU": (("st petersburg", "saint petersburg", "vladivostok"),
               ("圣彼得堡", "海参崴", "符拉迪沃斯托克")),
        "KZ": ((), ("哈萨克",)),
        "UZ": ((), ("乌兹别克",)),
        "ZA": (("cape town", "durban"), ("开普敦", "德班", "约翰尼斯堡")),
        "NG": (("abuja",), ("阿布贾", "奈及利亚")),
        "KE": (("mombasa",), ("肯雅", "蒙巴萨", "奈洛比")),
        "ET": (("ethiopia", "addis ababa"), ("埃塞俄比亚", "亚的斯亚贝巴")),
        "GH": (("ghana", "accra"), ("加纳", "阿克拉")),
        "TZ": (("tanzania", "dar es salaam"), ("坦桑尼亚", "达累斯萨拉姆")),
        "DZ": (("algeria", "algiers"), ("阿尔及利亚",)),
        "MA": (("tangier",), ("丹吉尔",)),
        "EG": ((), ("苏伊士",)),
    }
)  # fmt: skip
