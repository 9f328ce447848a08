"""Places for the demo data: mainland cities (GB/T 2260 codes) and overseas office cities."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class City:
    code: str  # GB/T 2260; for the four municipalities, the municipality itself
    name_zh: str
    name_en: str
    phone_area: str
    weight: int
    themes: tuple[str, ...]  # industries the city is known for (weighted up)


MAINLAND_CITIES: tuple[City, ...] = (
    City(
        "310000",
        "上海",
        "Shanghai",
        "21",
        14,
        ("biotech", "semiconductors", "ai_software", "fintech", "medtech", "ev_auto", "cosmetics"),
    ),
    City(
        "440300",
        "深圳",
        "Shenzhen",
        "755",
        13,
        ("electronics", "ev_battery", "semiconductors", "internet", "medtech", "fintech"),
    ),
    City(
        "110000",
        "北京",
        "Beijing",
        "10",
        11,
        ("ai_software", "biotech", "internet", "construction", "fintech", "health"),
    ),
    City(
        "440100",
        "广州",
        "Guangzhou",
        "20",
        8,
        ("cosmetics", "ev_auto", "ecommerce", "catering", "logistics", "biotech"),
    ),
    City(
        "330100",
        "杭州",
        "Hangzhou",
        "571",
        8,
        ("ecommerce", "internet", "ai_software", "tea", "fintech", "textiles"),
    ),
    City(
        "320500",
        "苏州",
        "Suzhou",
        "512",
        7,
        ("biotech", "semiconductors", "machinery", "textiles", "medtech"),
    ),
    City("510100", "成都", "Chengdu", "28", 5, ("catering", "internet", "electronics", "biotech")),
    City(
        "420100", "武汉", "Wuhan", "27", 4, ("electronics", "ev_auto", "biotech", "semiconductors")
    ),
    City(
        "340100",
        "合肥",
        "Hefei",
        "551",
        5,
        ("ev_auto", "ev_battery", "semiconductors", "ai_software", "appliances"),
    ),
    City(
        "610100",
        "西安",
        "Xi'an",
        "29",
        3,
        ("semiconductors", "transport_equipment", "solar", "ai_software"),
    ),
    City(
        "320100", "南京", "Nanjing", "25", 4, ("ai_software", "chemicals", "biotech", "ev_battery")
    ),
    City(
        "330200",
        "宁波",
        "Ningbo",
        "574",
        4,
        ("appliances", "textiles", "logistics", "machinery", "chemicals"),
    ),
    City("350200", "厦门", "Xiamen", "592", 3, ("tea", "ev_battery", "logistics", "building")),
    City(
        "370200",
        "青岛",
        "Qingdao",
        "532",
        3,
        ("appliances", "food", "logistics", "transport_equipment"),
    ),
    City("430100", "长沙", "Changsha", "731", 3, ("machinery", "catering", "construction")),
    City(
        "500000", "重庆", "Chongqing", "23", 4, ("ev_auto", "catering", "electronics", "logistics")
    ),
    City(
        "120000",
        "天津",
        "Tianjin",
        "22",
        3,
        ("logistics", "chemicals", "biotech", "transport_equipment"),
    ),
    City(
        "441900",
        "东莞",
        "Dongguan",
        "769",
        3,
        ("electronics", "furniture", "toys_sports", "textiles"),
    ),
    City(
        "440600", "佛山", "Foshan", "757", 3, ("appliances", "building", "furniture", "machinery")
    ),
    City("320200", "无锡", "Wuxi", "510", 2, ("semiconductors", "solar", "machinery")),
    City("320400", "常州", "Changzhou", "519", 2, ("ev_battery", "solar", "machinery")),
    City("350500", "泉州", "Quanzhou", "595", 2, ("textiles", "toys_sports", "food", "building")),
    City("350100", "福州", "Fuzhou", "591", 1, ("tea", "textiles", "logistics")),
    City(
        "410100", "郑州", "Zhengzhou", "371", 2, ("electronics", "food", "logistics", "machinery")
    ),
    City("370100", "济南", "Jinan", "531", 1, ("machinery", "ai_software", "biotech")),
    City("210100", "沈阳", "Shenyang", "24", 1, ("machinery", "transport_equipment")),
    City("210200", "大连", "Dalian", "411", 1, ("transport_equipment", "ai_software", "logistics")),
    City("530100", "昆明", "Kunming", "871", 1, ("tea", "health", "logistics", "food")),
    City("450100", "南宁", "Nanning", "771", 1, ("logistics", "food", "building")),
    City("440400", "珠海", "Zhuhai", "756", 1, ("appliances", "semiconductors", "medtech")),
    City("330700", "金华", "Jinhua", "579", 1, ("ecommerce", "toys_sports", "textiles")),
    City("330600", "绍兴", "Shaoxing", "575", 1, ("textiles", "chemicals")),
    City("220100", "长春", "Changchun", "431", 1, ("ev_auto", "biotech")),
    City("650100", "乌鲁木齐", "Urumqi", "991", 1, ("logistics", "solar", "mining")),
    City("330300", "温州", "Wenzhou", "577", 1, ("machinery", "textiles")),
    City("430200", "株洲", "Zhuzhou", "731", 1, ("transport_equipment", "machinery")),
    City("360100", "南昌", "Nanchang", "791", 1, ("electronics", "mining", "biotech")),
    City("520100", "贵阳", "Guiyang", "851", 1, ("ai_software", "mining")),
)


@dataclass(frozen=True, slots=True)
class OfficeCity:
    country: str  # ISO 3166-1 alpha-2
    name_en: str
    name_zh_hant: str
    languages: tuple[str, ...]  # BCP 47 working languages an office there adds
    region: str  # asean, gcc, europe, bri, americas, asia


OFFICE_CITIES: tuple[OfficeCity, ...] = (
    OfficeCity("SG", "Singapore", "新加坡", ("ms",), "asean"),
    OfficeCity("VN", "Ho Chi Minh City", "胡志明市", ("vi",), "asean"),
    OfficeCity("VN", "Hanoi", "河內", ("vi",), "asean"),
    OfficeCity("ID", "Jakarta", "雅加達", ("id",), "asean"),
    OfficeCity("MY", "Kuala Lumpur", "吉隆坡", ("ms",), "asean"),
    OfficeCity("TH", "Bangkok", "曼谷", ("th",), "asean"),
    OfficeCity("PH", "Manila", "馬尼拉", (), "asean"),
    OfficeCity("KH", "Phnom Penh", "金邊", (), "asean"),
    OfficeCity("AE", "Dubai", "杜拜", ("ar",), "gcc"),
    OfficeCity("AE", "Abu Dhabi", "阿布扎比", ("ar",), "gcc"),
    OfficeCity("SA", "Riyadh", "利雅得", ("ar",), "gcc"),
    OfficeCity("QA", "Doha", "多哈", ("ar",), "gcc"),
    OfficeCity("GB", "London", "倫敦", (), "europe"),
    OfficeCity("DE", "Frankfurt", "法蘭克福", ("de",), "europe"),
    OfficeCity("FR", "Paris", "巴黎", ("fr",), "europe"),
    OfficeCity("IT", "Milan", "米蘭", ("it",), "europe"),
    OfficeCity("ES", "Madrid", "馬德里", ("es",), "europe"),
    OfficeCity("NL", "Amsterdam", "阿姆斯特丹", (), "europe"),
    OfficeCity("HU", "Budapest", "布達佩斯", (), "europe"),
    OfficeCity("PL", "Warsaw", "華沙", (), "europe"),
    OfficeCity("TR", "Istanbul", "伊斯坦布爾", ("tr",), "bri"),
    OfficeCity("KZ", "Almaty", "阿拉木圖", ("ru",), "bri"),
    OfficeCity("UZ", "Tashkent", "塔什干", ("ru",), "bri"),
    OfficeCity("EG", "Cairo", "開羅", ("ar",), "bri"),
    OfficeCity("KE", "Nairobi", "內羅畢", (), "bri"),
    OfficeCity("NG", "Lagos", "拉各斯", (), "bri"),
    OfficeCity("ZA", "Johannesburg", "約翰內斯堡", (), "bri"),
    OfficeCity("PK", "Karachi", "卡拉奇", (), "bri"),
    OfficeCity("BR", "São Paulo", "聖保羅", ("pt",), "americas"),
    OfficeCity("MX", "Mexico City", "墨西哥城", ("es",), "americas"),
    OfficeCity("US", "New York", "紐約", (), "americas"),
    OfficeCity("AU", "Sydney", "悉尼", (), "asia"),
    OfficeCity("JP", "Tokyo", "東京", ("ja",), "asia"),
    OfficeCity("KR", "Seoul", "首爾", ("ko",), "asia"),
)

MAINLAND_OFFICES: tuple[tuple[str, str], ...] = (
    ("Shanghai", "上海"),
    ("Shenzhen", "深圳"),
    ("Beijing", "北京"),
    ("Guangzhou", "廣州"),
    ("Hangzhou", "杭州"),
    ("Chengdu", "成都"),
)

# Country names used in enterprise descriptions (Simplified Chinese, English).
COUNTRY_NAMES: dict[str, tuple[str, str]] = {
    "SG": ("新加坡", "Singapore"),
    "MY": ("马来西亚", "Malaysia"),
    "TH": ("泰国", "Thailand"),
    "VN": ("越南", "Vietnam"),
    "ID": ("印度尼西亚", "Indonesia"),
    "PH": ("菲律宾", "the Philippines"),
    "KH": ("柬埔寨", "Cambodia"),
    "LA": ("老挝", "Laos"),
    "MM": ("缅甸", "Myanmar"),
    "AE": ("阿联酋", "the UAE"),
    "SA": ("沙特阿拉伯", "Saudi Arabia"),
    "QA": ("卡塔尔", "Qatar"),
    "KW": ("科威特", "Kuwait"),
    "OM": ("阿曼", "Oman"),
    "BH": ("巴林", "Bahrain"),
    "DE": ("德国", "Germany"),
    "FR": ("法国", "France"),
    "GB": ("英国", "the United Kingdom"),
    "IT": ("意大利", "Italy"),
    "ES": ("西班牙", "Spain"),
    "NL": ("荷兰", "the Netherlands"),
    "HU": ("匈牙利", "Hungary"),
    "PL": ("波兰", "Poland"),
    "RS": ("塞尔维亚", "Serbia"),
    "TR": ("土耳其", "Türkiye"),
    "KZ": ("哈萨克斯坦", "Kazakhstan"),
    "UZ": ("乌兹别克斯坦", "Uzbekistan"),
    "PK": ("巴基斯坦", "Pakistan"),
    "EG": ("埃及", "Egypt"),
    "MA": ("摩洛哥", "Morocco"),
    "KE": ("肯尼亚", "Kenya"),
    "NG": ("尼日利亚", "Nigeria"),
    "ZA": ("南非", "South Africa"),
    "US": ("美国", "the United States"),
    "MX": ("墨西哥", "Mexico"),
    "BR": ("巴西", "Brazil"),
    "CL": ("智利", "Chile"),
    "AR": ("阿根廷", "Argentina"),
    "JP": ("日本", "Japan"),
    "KR": ("韩国", "South Korea"),
    "AU": ("澳大利亚", "Australia"),
    "NZ": ("新西兰", "New Zealand"),
    "IN": ("印度", "India"),
    "BD": ("孟加拉国", "Bangladesh"),
    "RU": ("俄罗斯", "Russia"),
    "MN": ("蒙古国", "Mongolia"),
}
