"""Words of company names that are not the trade name: legal forms and industries, in Chinese
and English, each industry word mapped to one or more concepts so that 电子科技 and
"Electronic Technology" compare equal across scripts.

``GENERIC`` concepts (实业, 国际, 控股 …) are stripped from the trade name but never decide a
comparison; ``WEAK`` concepts (科技 "technology", 服务 "services" …) count only when nothing
stronger is said.
"""

# A table of words reads best one concept per line.
# ruff: noqa: E501
from __future__ import annotations

from functools import lru_cache

# concept: (Chinese words, English words). Multi-word English entries are joined without spaces.
_INDUSTRIES: dict[str, tuple[str, str]] = {
    "electronics": (
        "电子 微电子 光电子 电子元件 元器件 电子技术 电子信息 电子材料 电子器件",
        "electronic electronics electron microelectronic microelectronics",
    ),
    "technology": (
        "科技 技术 高科技 高新技术 新技术 科学技术 工程技术 技术服务 技术开发 科技发展 科创",
        "technology technologies tech hitech hightech scitech sciencetechnology sci hi high techno",
    ),
    "science": ("科学", "science sciences scientific"),
    "information": (
        "信息 信息技术 资讯 信息科技 信息服务 信息系统 信息产业 计算机 计算机系统",
        "information info infotech computer computers it",
    ),
    "software": ("软件 软件技术 软件开发", "software"),
    "network": (
        "网络 互联网 网络科技 网络技术 电子商务 网络信息",
        "network networks internet online net ecommerce web",
    ),
    "communication": (
        "通信 通讯 电讯",
        "communication communications telecom telecommunication telecommunications",
    ),
    "intelligent": (
        "智能 智慧 智造 智能技术 智能制造 智能装备 自动化",
        "intelligent intelligence smart automation",
    ),
    "semiconductor": ("半导体 集成电路 芯片 微电", "semiconductor semiconductors chip chips ic"),
    "optoelectronic": (
        "光电 光学 光电科技 光电技术 光学科技 激光",
        "optoelectronic optoelectronics photoelectric optical photonics optics laser optronics",
    ),
    "equipment": ("设备 装备 设备制造 成套设备", "equipment equipments"),
    "machinery": (
        "机械 机器 重工 机床 重型机械 机械制造 机械设备 工程机械 数控 模具 机械工业",
        "machinery machine machines heavy mould mold cnc",
    ),
    "mechatronic": ("机电", "mechanical electrical mechatronic"),
    "precision": ("精密 精工", "precision"),
    "instrument": (
        "仪器 仪表 检测 检测技术 计量 测控",
        "instrument instruments meter testing measurement inspection",
    ),
    "electric": ("电气 电工 电力设备 电气设备 电气科技 电气技术", "electric electrical"),
    "appliance": ("电器 家电 家用电器 电器制造", "appliance appliances"),
    "power": ("电力 动力 发电 电力科技 水电 火电 热电", "power hydropower electricity"),
    "energy": (
        "能源 新能源 清洁能源 能源科技 能源技术 风电 核电 氢能",
        "energy newenergy wind nuclear hydrogen",
    ),
    "battery": ("电池 锂电 储能 锂业", "battery batteries lithium"),
    "solar": ("光伏 太阳能", "solar photovoltaic pv"),
    "environmental": (
        "环保 环境 环境科技 节能 环保科技 环境工程 环境技术 节能科技 固废 环保工程",
        "environmental environment eco ecology protection",
    ),
    "material": (
        "材料 新材料 材料科技 材料技术 复合材料 包装材料 功能材料",
        "material materials newmaterial newmaterials composite composites",
    ),
    "chemical": (
        "化工 化学 化学工业 化工科技 日化 精细化工 化学品 化工材料 化工新材料 涂料 染料 农药",
        "chemical chemicals chemistry chem coatings paint paints dye dyes pesticide pesticides",
    ),
    "pharmaceutical": (
        "制药 药业 医药 药品 中药 生物医药 医药科技 药物 中药饮片 生化",
        "pharmaceutical pharmaceuticals pharma pharmacy medicine medicines drug biopharmaceutical biopharma biopharmaceuticals",
    ),
    "biotech": (
        "生物 生物科技 生物技术 生物工程 生物制品 生物医学",
        "bio biotech biological biology biotechnology bioengineering biosciences biomedical biomedicine lifescience lifesciences",
    ),
    "medical": (
        "医疗 医学 医疗器械 医疗科技 医院 医疗设备 医用 医疗技术",
        "medical medicals hospital medtech",
    ),
    "health": ("健康 保健 大健康", "health healthcare"),
    "device": ("器械", "device devices"),
    "food": (
        "食品 食品科技 食品工业 食品饮料 调味品 粮油 肉食 肉业",
        "food foods foodstuff foodstuffs seasoning grain",
    ),
    "beverage": ("饮料 饮品", "beverage beverages drinks"),
    "liquor": ("酒业 酒 白酒 啤酒 葡萄酒", "liquor wine brewery beer distillery spirits"),
    "dairy": ("乳业", "dairy"),
    "agriculture": (
        "农业 农牧 种业 农林 农产品 牧业 农发 农业开发 农业科技 生态农业 种植 养殖 林业 渔业 畜牧",
        "agriculture agricultural agri seed seeds farming farm fishery forestry livestock",
    ),
    "automotive": (
        "汽车 汽车部件 汽车零部件 汽配 车业 汽车零件 新能源汽车 车辆 汽车科技 客车 摩托车",
        "auto automotive automobile automobiles car vehicle vehicles motor motors motorcycle bus",
    ),
    "parts": ("部件 零部件 配件", "parts components component"),
    "steel": ("钢铁 特钢 钢 钢管 钢结构 不锈钢 钢材", "steel stainless"),
    "metal": (
        "金属 有色 铝业 铜业 有色金属 稀土 金属制品 铝材 铜材 钨业 钼业 锌业",
        "metal metals nonferrous aluminium aluminum copper tungsten",
    ),
    "mining": ("矿业 黄金 矿产", "mining mineral minerals gold"),
    "textile": ("纺织 印染 化纤 纺织科技 纺织品 丝绸 纤维", "textile textiles fiber fibre silk"),
    "garment": (
        "服饰 服装 鞋业 针织 制衣",
        "apparel garment garments fashion clothing shoes knitting knitwear",
    ),
    "home": ("家居 家居用品 家纺 日用品", "home household furnishing furnishings"),
    "furniture": ("家具", "furniture"),
    "construction": (
        "建设 建筑 建工 基建 建筑工程 建设工程 建筑装饰 装饰 装饰工程 园林 市政",
        "construction build building decoration landscape municipal",
    ),
    "engineering": ("工程", "engineering"),
    "real_estate": (
        "地产 房地产 置业 房产 物业 房地产开发 物业管理 置地 地产开发 园区",
        "realestate estate property properties land realty",
    ),
    "investment": (
        "投资 投资管理 资产管理 投资发展 创投 资本",
        "investment investments capital asset assets",
    ),
    "trade": (
        "贸易 商贸 进出口 国际贸易 外贸 经贸 进出口贸易 商贸发展 供销",
        "trading trade importexport importandexport import export commerce",
    ),
    "logistics": (
        "物流 供应链 运输 航运 快递 货运 供应链管理 国际物流 仓储 运输服务 港航",
        "logistics supplychain transport transportation shipping express warehousing freight",
    ),
    "aviation": ("航空 航天 机场", "airlines airline aviation air aerospace airport"),
    "port": ("港口 港务", "port ports harbour harbor"),
    "bank": ("银行 农商行 商业银行 农村商业银行", "bank banking"),
    "securities": ("证券", "securities"),
    "insurance": ("保险 人寿 财险", "insurance life assurance"),
    "finance": ("金融 金控 租赁 信托 期货", "finance financial leasing trust futures"),
    "media": (
        "传媒 文化 影视 出版 广告 文化传媒 传播 文化传播 文化发展 新媒体 数字传媒 影业 演艺 娱乐",
        "media culture cultural film publishing advertising entertainment",
    ),
    "education": ("教育", "education"),
    "tourism": ("旅游 文旅", "tourism travel"),
    "hotel": ("酒店", "hotel hotels"),
    "paper": ("纸业 造纸", "paper"),
    "packaging": ("包装", "packaging package"),
    "printing": ("印刷", "printing"),
    "glass": ("玻璃", "glass"),
    "ceramics": ("陶瓷", "ceramic ceramics"),
    "building_material": ("建材 水泥", "buildingmaterial buildingmaterials cement"),
    "lighting": ("照明", "lighting"),
    "gas": ("燃气", "gas"),
    "water": ("水务 水利", "water"),
    "petroleum": ("石油 石化 油气 石油化工", "petroleum petrochemical oil"),
    "coal": ("煤业 煤炭 煤电", "coal"),
    "retail": (
        "商业 百货 零售 商城 超市 连锁 商超",
        "commercial retail department store supermarket chain stores",
    ),
    "services": ("服务 管理 服务业 管理咨询", "services service management"),
    "consulting": ("咨询 顾问", "consulting consultancy consultant"),
    "digital": ("数字 数码 数字科技", "digital"),
    "data": ("数据 大数据", "data bigdata"),
    "robotics": ("机器人", "robot robotics"),
    "manufacturing": ("制造", "manufacturing manufacture manufacturer"),
    "hardware": ("五金 五金制品 五金工具 工具", "hardware tools"),
    "plastic": ("塑料 塑胶 塑业 塑胶制品 塑料制品", "plastic plastics"),
    "rubber": ("橡胶 轮胎", "rubber tyre tire tyres tires"),
    "feed": ("饲料", "feed"),
    "tea": ("茶业", "tea"),
    "jewellery": ("珠宝", "jewelry jewellery"),
    "cosmetics": ("化妆品", "cosmetics"),
    "security": ("安防", "security"),
    "motor": ("电机", "motor motors"),
    "cable": ("电缆 线缆", "cable cables wire"),
    "valve": ("阀门", "valve valves"),
    "bearing": ("轴承", "bearing bearings"),
    "shipbuilding": ("船舶 造船 海工", "shipbuilding ship ships marine offshore"),
    "railway": ("铁路 高铁 轨道交通 铁建 轨道", "railway railways rail"),
    "highway": ("高速 路桥 高速公路", "expressway highway"),
    "gene": ("基因", "gene genetics genomics"),
    "design": ("设计", "design"),
    "environment_water": ("水处理", "watertreatment"),
}

# Words said by many companies of every trade: stripped, never decisive.
_GENERIC_ZH = (
    "实业 控股 发展 企业 产业 工业 国际 股份 集团 中国 科工 创新 新 工贸 商务 经营 联合 综合"
)
_GENERIC_EN = (
    "industrial industry industries development developments enterprise enterprises international "
    "intl global and the of co company holding holdings group innovation united general new"
)

WEAK = frozenset({"technology", "science", "services", "manufacturing", "intelligent", "digital"})

# What a name that says only 科技 / "Technology" may also be called by a more precise word.
TECHNICAL = frozenset(
    [
        "electronics",
        "information",
        "software",
        "network",
        "communication",
        "semiconductor",
        "optoelectronic",
        "intelligent",
        "digital",
        "data",
        "biotech",
        "material",
        "environmental",
        "energy",
        "battery",
        "solar",
        "medical",
        "robotics",
        "precision",
        "instrument",
        "equipment",
        "machinery",
        "mechatronic",
        "gene",
        "device",
        "automotive",
        "parts",
        "electric",
        "power",
        "chemical",
        "pharmaceutical",
    ]
)

# Concepts close enough that two names of one enterprise may use either (装备 / 机械 /
# "Equipment"; 信息技术 / 软件 / "Software"): "related", not a contradiction.
RELATED = (
    frozenset(
        {
            "machinery",
            "equipment",
            "precision",
            "mechatronic",
            "robotics",
            "device",
            "motor",
            "bearing",
            "valve",
            "instrument",
        }
    ),
    frozenset({"electronics", "semiconductor", "optoelectronic", "parts"}),
    frozenset({"pharmaceutical", "biotech", "medical", "health", "device", "gene"}),
    frozenset({"information", "software", "network", "communication", "data", "digital"}),
    frozenset({"energy", "power", "solar", "battery", "coal", "gas", "petroleum"}),
    frozenset({"chemical", "material", "plastic", "rubber", "metal"}),
    frozenset({"automotive", "parts"}),
    frozenset({"construction", "engineering", "building_material", "real_estate"}),
    frozenset({"logistics", "trade", "port", "shipbuilding"}),
    frozenset({"electric", "appliance", "power", "instrument", "cable"}),
    frozenset({"textile", "garment"}),
    frozenset({"home", "furniture"}),
    frozenset({"food", "beverage", "dairy", "liquor", "agriculture", "feed", "tea"}),
    frozenset({"environmental", "water", "environment_water"}),
    frozenset({"media", "education"}),
    frozenset({"tourism", "hotel"}),
    frozenset({"finance", "investment", "securities"}),
)


def related(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether some concept of ``a`` and some concept of ``b`` are close (see ``RELATED``)."""
    return any(group & a and group & b for group in RELATED)


# Chinese legal forms, longest first; stripped from the end of a name.
LEGAL_FORMS_ZH = (
    "集团股份有限公司",
    "集团有限责任公司",
    "股份合作公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团公司",
    "股份公司",
    "有限公司",
    "总公司",
    "公司",
    "集团",
    "控股",
    "股份",
    "有限合伙",
    "合伙企业",
    "(有限合伙)",
)

BRANCH_ZH = ("分公司", "分行", "支行", "办事处", "代表处", "分厂", "营业部", "分部", "分店")

# English legal-form words (after lower-casing and dropping punctuation).
LEGAL_FORMS_EN = frozenset(
    [
        "co",
        "company",
        "companies",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "lp",
        "llp",
        "jsc",
        "joint",
        "stock",
        "share",
        "shares",
        "sa",
        "ag",
        "gmbh",
        "pte",
        "bhd",
        "kk",
        "nv",
        "bv",
        "holding",
        "holdings",
        "group",
    ]
)
BRANCH_EN = frozenset({"branch", "office", "representative"})


@lru_cache(maxsize=1)
def zh_terms() -> dict[str, frozenset[str]]:
    """Chinese industry word → concepts (generic words → empty set)."""
    terms: dict[str, frozenset[str]] = {word: frozenset() for word in _GENERIC_ZH.split()}
    for concept, (zh, _en) in _INDUSTRIES.items():
        for word in zh.split():
            terms[word] = terms.get(word, frozenset()) | {concept}
    # A word made of two known words carries both concepts (电子科技 → electronics, technology).
    return terms


@lru_cache(maxsize=1)
def en_terms() -> dict[str, frozenset[str]]:
    """English industry word → concepts (generic words → empty set). Pinyin spellings of
    industry words (dianzi, jiadian) are left out: they are trade names as often."""
    terms: dict[str, frozenset[str]] = {word: frozenset() for word in _GENERIC_EN.split()}
    for concept, (_zh, en) in _INDUSTRIES.items():
        for word in en.split():
            terms[word] = terms.get(word, frozenset()) | {concept}
    return terms


@lru_cache(maxsize=1)
def zh_term_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in zh_terms()}, reverse=True))
