"""Mainland regions as they appear in company names: provinces, prefecture-level and a few
county-level cities, with the province each belongs to, in Chinese and in pinyin.

A name's region is ``Region(province, city)``: ``浙江`` is ``Region("浙江", None)``, ``深圳`` is
``Region("广东", "深圳")``; the four municipalities are their own province and city. ``中国`` is
the pseudo-province ``"中国"`` (a national name), and Hong Kong, Macao and Taiwan are their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Province short name → its prefecture-level cities (short names, without 市/地区/州).
_CITIES: dict[str, str] = {
    "北京": "",
    "天津": "",
    "上海": "",
    "重庆": "",
    "河北": "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
    "山西": "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
    "内蒙古": "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
    "辽宁": "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
    "吉林": "长春 吉林 四平 辽源 通化 白山 松原 白城 延边",
    "黑龙江": "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化",
    "江苏": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 "
    "昆山 江阴 常熟 张家港 太仓 宜兴 丹阳 溧阳",
    "浙江": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 "
    "义乌 慈溪 余姚 诸暨 海宁 温岭 乐清 瑞安 萧山 桐乡 东阳 永康",
    "安徽": "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
    "福建": "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 晋江 石狮 福清",
    "江西": "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
    "山东": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 "
    "龙口 寿光 诸城",
    "河南": "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 "
    "周口 驻马店 济源",
    "湖北": "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施",
    "湖南": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西",
    "广东": "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 "
    "东莞 中山 潮州 揭阳 云浮 顺德 南海 番禺",
    "广西": "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
    "海南": "海口 三亚 三沙 儋州",
    "四川": "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 "
    "雅安 巴中 资阳",
    "贵州": "贵阳 六盘水 遵义 安顺 毕节 铜仁",
    "云南": "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 大理 红河 西双版纳",
    "西藏": "拉萨 日喀则 昌都 林芝 山南 那曲",
    "陕西": "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
    "甘肃": "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
    "青海": "西宁 海东",
    "宁夏": "银川 石嘴山 吴忠 固原 中卫",
    "新疆": "乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 伊犁 石河子",
    "香港": "",
    "澳门": "",
    "台湾": "",
    "中国": "",
}

# Names that romanise differently from their pinyin, or have a customary English name.
_ENGLISH: dict[str, tuple[str, ...]] = {
    "陕西": ("shaanxi",),
    "内蒙古": ("neimenggu", "innermongolia", "neimongol"),
    "西藏": ("xizang", "tibet"),
    "香港": ("hongkong", "xianggang"),
    "澳门": ("macau", "macao", "aomen"),
    "台湾": ("taiwan",),
    "中国": ("china", "zhongguo", "prc"),
    "广州": ("guangzhou", "canton"),
    "厦门": ("xiamen", "amoy"),
    "北京": ("beijing", "peking"),
    "呼和浩特": ("hohhot", "huhehaote"),
    "乌鲁木齐": ("urumqi", "wulumuqi"),
    # Postal romanisations still in registered English names (Kweichow Moutai, Tsingtao).
    "贵州": ("guizhou", "kweichow"),
    "青岛": ("qingdao", "tsingtao"),
    "天津": ("tianjin", "tientsin"),
    "南京": ("nanjing", "nanking"),
    "苏州": ("suzhou", "soochow"),
    "杭州": ("hangzhou", "hangchow"),
    "四川": ("sichuan", "szechuan", "szechwan"),
    "山东": ("shandong", "shantung"),
    "福建": ("fujian", "fukien"),
    "广东": ("guangdong", "kwangtung"),
    "湖北": ("hubei", "hupeh"),
    "江苏": ("jiangsu", "kiangsu"),
    "浙江": ("zhejiang", "chekiang"),
    "安徽": ("anhui", "anhwei"),
    "江西": ("jiangxi", "kiangsi"),
    "河南": ("henan", "honan"),
    "山西": ("shanxi", "shansi"),
    "甘肃": ("gansu", "kansu"),
    "广西": ("guangxi", "kwangsi"),
    "新疆": ("xinjiang", "sinkiang"),
    "重庆": ("chongqing", "chungking"),
    "大连": ("dalian", "dairen"),
    "汕头": ("shantou", "swatow"),
    "福州": ("fuzhou", "foochow"),
}

# Suffixes that may follow a region's short name in a Chinese name.
SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "地区",
    "省",
    "市",
    "州",
)


@dataclass(frozen=True, slots=True)
class Region:
    province: str
    city: str | None = None

    def label(self) -> str:
        if self.city and self.city != self.province:
            return f"{self.province}·{self.city}"
        return self.province


def _romanise(name: str) -> str:
    return "".join(lazy_pinyin(name, style=Style.NORMAL)).replace("ü", "v").lower()


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, Region], dict[str, Region]]:
    """``(by Chinese short name, by romanised name)``, built once."""
    by_zh: dict[str, Region] = {}
    for province, cities in _CITIES.items():
        if province in ("北京", "天津", "上海", "重庆"):
            by_zh[province] = Region(province, province)
        else:
            by_zh[province] = Region(province)
        for city in cities.split():
            by_zh.setdefault(city, Region(province, city))
    by_roman: dict[str, Region] = {}
    for name, region in by_zh.items():
        for roman in _ENGLISH.get(name, (_romanise(name),)):
            # Shanxi (山西) and Shaanxi (陕西) are told apart by the override above.
            by_roman.setdefault(roman, region)
    return by_zh, by_roman


def region_from_zh(text: str) -> tuple[Region | None, int]:
    """The region a folded Chinese name starts with and how many characters it takes."""
    by_zh, _ = tables()
    best: tuple[Region | None, int] = (None, 0)
    for size in (5, 4, 3, 2):
        if size > len(text):
            continue
        head = text[:size]
        region = by_zh.get(head)
        if region is None:
            continue
        taken = size
        for suffix in SUFFIXES:
            if text.startswith(suffix, taken):
                taken += len(suffix)
                break
        best = (region, taken)
        break
    region, taken = best
    if region is not None and region.city is None:
        # 广东省深圳市…: a city of that province may follow the province.
        inner, more = region_from_zh(text[taken:]) if len(text) > taken + 1 else (None, 0)
        if inner is not None and inner.province == region.province and inner.city:
            return inner, taken + more
    return best


def region_of_text(text: str, *, exact: bool = False) -> Region | None:
    """The region a whole short text names (``深圳``, ``深圳市``, ``Shenzhen``), if any;
    ``exact``: no trailing "City", "Province" or "Shi"."""
    _, by_roman = tables()
    compact = text.strip()
    region, taken = region_from_zh(compact)
    if region is not None and taken == len(compact):
        return region
    roman = "".join(ch for ch in compact.lower() if ch.isalpha())
    for word in ("province", "city", "municipality", "shi", "sheng", "prc"):
        if not exact and roman.endswith(word) and roman[: -len(word)] in by_roman:
            roman = roman[: -len(word)]
            break
    return by_roman.get(roman)


def region_relation(a: Region | None, b: Region | None) -> str:
    """``"same"``, ``"within"`` (one is the other's province), ``"unknown"`` or ``"conflict"``."""
    if a is None or b is None:
        return "unknown"
    if a == b:
        return "same"
    if "中国" in (a.province, b.province):
        # A national name (中国…) says nothing of where the enterprise is.
        return "unknown"
    if a.province != b.province:
        return "conflict"
    if a.city is None or b.city is None:
        return "within"
    return "conflict"
