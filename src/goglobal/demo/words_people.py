"""Name parts for the demo data: trade-name characters, people's names, job titles."""

from __future__ import annotations

# Characters of mainland trade names (字号) with their Hanyu Pinyin.
BRAND_CHARACTERS: tuple[tuple[str, str], ...] = (
    ("凌", "ling"), ("澜", "lan"), ("华", "hua"), ("瑞", "rui"), ("恒", "heng"), ("达", "da"),
    ("博", "bo"), ("泰", "tai"), ("信", "xin"), ("宏", "hong"), ("远", "yuan"), ("嘉", "jia"),
    ("源", "yuan"), ("鼎", "ding"), ("盛", "sheng"), ("昊", "hao"), ("睿", "rui"), ("拓", "tuo"),
    ("锐", "rui"), ("芯", "xin"), ("微", "wei"), ("晶", "jing"), ("光", "guang"), ("辰", "chen"),
    ("星", "xing"), ("云", "yun"), ("启", "qi"), ("航", "hang"), ("越", "yue"), ("峰", "feng"),
    ("岚", "lan"), ("澄", "cheng"), ("沐", "mu"), ("熙", "xi"), ("弘", "hong"), ("毅", "yi"),
    ("立", "li"), ("元", "yuan"), ("和", "he"), ("坤", "kun"), ("禾", "he"), ("茗", "ming"),
    ("青", "qing"), ("骏", "jun"), ("驰", "chi"), ("创", "chuang"), ("智", "zhi"), ("联", "lian"),
    ("科", "ke"), ("新", "xin"), ("优", "you"), ("捷", "jie"), ("朗", "lang"), ("铭", "ming"),
    ("翔", "xiang"), ("致", "zhi"), ("知", "zhi"), ("海", "hai"), ("川", "chuan"), ("岳", "yue"),
    ("易", "yi"), ("合", "he"), ("汇", "hui"), ("晟", "sheng"), ("煜", "yu"), ("璟", "jing"),
    ("珩", "heng"), ("蓝", "lan"), ("橙", "cheng"),
)

# Pairs found in the short names of companies listed on mainland exchanges: never used, so that
# no demo enterprise borrows a listed company's trade name.
EXCLUDED_BRANDS: frozenset[str] = frozenset(
    """
云信 云光 云创 云新 云星 云科 云鼎 优博 优新 信创 信博 信和 信捷 信新 信海 信源 信科 信立 信联 信达 元信 元创 元智 元科 光云 光信 光华 光启 光峰
光弘 光新 光智 光源 光科 凌云 凌信 凌微 凌科 创云 创信 创元 创光 创微 创新 创智 创源 创瑞 创科 创芯 创达 创远 华信 华光 华创 华宏 华峰 华微 华恒
华新 华星 华智 华泰 华海 华源 华熙 华瑞 华盛 华科 华立 华翔 华联 华致 华芯 华蓝 华辰 华达 华远 华铭 华锐 华鼎 博云 博信 博元 博创 博合 博拓 博汇
博源 博瑞 博睿 博科 博达 合信 合光 合微 合晶 合盛 合科 合达 和元 和新 和晶 和智 和泰 和科 和达 和远 嘉元 嘉华 嘉博 嘉和 嘉微 嘉盛 嘉科 坤博 坤恒
坤新 坤泰 坤科 宏华 宏和 宏川 宏微 宏泰 宏海 宏源 宏盛 宏科 宏立 宏达 宏远 峰新 峰璟 峰科 川恒 川智 川科 弘信 弘元 弘科 微光 微创 微智 微科 微芯
恒信 恒光 恒华 恒合 恒坤 恒拓 恒新 恒星 恒汇 恒泰 恒源 恒瑞 恒盛 恒科 恒立 恒达 恒铭 拓新 捷创 捷微 捷智 捷科 新元 新光 新华 新和 新宏 新恒 新易
新星 新海 新源 新科 新联 新致 新锐 昊创 昊华 昊海 昊科 易信 易创 易华 易微 易瑞 易盛 易联 易航 星云 星光 星创 星华 星新 星昊 星智 星源 星科 星辰
晟信 晟新 晟智 晟科 晶光 晶华 晶合 晶海 晶瑞 晶盛 晶科 智云 智信 智光 智微 智新 智汇 智知 智科 智立 智翔 智联 智航 智达 朗博 朗坤 朗新 朗源 朗科
毅达 汇创 汇嘉 汇川 汇新 汇源 汇科 泰凌 泰和 泰嘉 泰岳 泰新 泰晶 泰海 泰瑞 泰禾 泰科 泰达 海优 海信 海光 海创 海华 海博 海合 海川 海新 海星 海智
海泰 海源 海澜 海科 海立 海翔 海联 海航 海越 海辰 海达 源信 源创 源微 源新 源智 源海 源科 澄星 瑞凌 瑞华 瑞和 瑞微 瑞捷 瑞新 瑞星 瑞晟 瑞泰 瑞科
瑞立 瑞联 瑞芯 瑞达 盛华 盛和 盛弘 盛新 盛智 盛泰 盛科 盛航 盛达 睿创 睿智 睿科 禾信 禾元 禾川 禾智 禾盛 禾致 科信 科光 科创 科华 科博 科微 科恒
科拓 科捷 科新 科星 科智 科汇 科泰 科海 科源 科瑞 科立 科翔 科芯 科蓝 科达 科远 科锐 立华 立微 立新 立智 立泰 立科 立航 立达 翔新 联创 联合 联新
联泰 联瑞 联盛 联科 联翔 联航 联达 联锐 致新 致源 致远 航光 航新 航泰 航科 航远 芯创 芯博 芯微 芯晟 芯海 芯源 芯瑞 芯科 芯联 茗科 蓝光 蓝海 蓝科
越博 越新 越科 辰光 辰智 辰科 达信 达光 达创 达华 达合 达嘉 达新 达智 达海 达瑞 达科 远信 远光 远新 远智 远海 远翔 远航 铭科 铭达 锐捷 锐新 锐科
青云 青科 青达 驰宏 驰科 骏创 骏鼎 鼎信 鼎光 鼎捷 鼎新 鼎智 鼎泰 鼎科 鼎达
"""
    .split()
)

SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"),
    ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"), ("何", "He"), ("郭", "Guo"),
    ("马", "Ma"), ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"), ("郑", "Zheng"), ("谢", "Xie"),
    ("韩", "Han"), ("唐", "Tang"), ("冯", "Feng"), ("许", "Xu"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("曾", "Zeng"), ("田", "Tian"), ("董", "Dong"), ("潘", "Pan"), ("袁", "Yuan"),
    ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("叶", "Ye"),
)

GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("伟", "Wei"), ("芳", "Fang"), ("静", "Jing"), ("敏", "Min"), ("磊", "Lei"), ("洋", "Yang"),
    ("勇", "Yong"), ("杰", "Jie"), ("涛", "Tao"), ("超", "Chao"), ("明", "Ming"), ("婷", "Ting"),
    ("晓东", "Xiaodong"), ("志强", "Zhiqiang"), ("海燕", "Haiyan"), ("建华", "Jianhua"),
    ("子涵", "Zihan"), ("雨桐", "Yutong"), ("思远", "Siyuan"), ("嘉怡", "Jiayi"),
    ("浩然", "Haoran"), ("欣怡", "Xinyi"), ("文博", "Wenbo"), ("一鸣", "Yiming"),
    ("佳琪", "Jiaqi"), ("梓萱", "Zixuan"), ("俊杰", "Junjie"), ("晓婷", "Xiaoting"),
    ("立新", "Lixin"), ("国强", "Guoqiang"), ("丽华", "Lihua"), ("振宇", "Zhenyu"),
    ("雪梅", "Xuemei"), ("宇航", "Yuhang"), ("诗涵", "Shihan"), ("明轩", "Mingxuan"),
    ("晨曦", "Chenxi"), ("家豪", "Jiahao"), ("慧敏", "Huimin"), ("天宇", "Tianyu"),
)

# Job titles of enterprise contacts: (Simplified Chinese, English). The first few are the
# people who usually lead a going-global project.
JOB_TITLES: tuple[tuple[str, str], ...] = (
    ("董事长", "Chairman"),
    ("总经理", "General Manager"),
    ("国际业务部总监", "Director, International Business"),
    ("首席财务官", "Chief Financial Officer"),
    ("董事会秘书", "Board Secretary"),
    ("副总经理", "Deputy General Manager"),
    ("海外市场部经理", "Overseas Marketing Manager"),
    ("法务总监", "General Counsel"),
    ("战略投资部负责人", "Head of Strategic Investment"),
    ("供应链总监", "Supply Chain Director"),
    ("研发中心主任", "Head of R&D"),
    ("人力资源总监", "HR Director"),
)

# Hong Kong brand morphemes for providers and investors: (English, Traditional Chinese).
BRAND_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Harbour", "港"), ("Peak", "峰"), ("Jade", "翠"), ("Pearl", "珠"), ("Lotus", "蓮"),
    ("Crane", "鶴"), ("Orchid", "蘭"), ("Cedar", "杉"), ("Willow", "柳"), ("Bamboo", "竹"),
    ("Egret", "鷺"), ("Coral", "珊"), ("Kapok", "棉"), ("Banyan", "榕"), ("Amber", "珀"),
    ("Camphor", "樟"), ("Kestrel", "隼"), ("Lantern", "燈"), ("Tidal", "潮"), ("Azure", "蔚"),
)
BRAND_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("bridge", "橋"), ("gate", "門"), ("crest", "嶺"), ("haven", "灣"), ("point", "角"),
    ("field", "田"), ("stone", "石"), ("light", "光"), ("ridge", "嶂"), ("quay", "埠"),
    ("wood", "林"), ("spring", "泉"),
)
# Combinations that are, or read like, names of existing firms.
EXCLUDED_HK_BRANDS: frozenset[str] = frozenset(
    {"Jadestone", "Cedarwood", "Pearlfield", "Harbourgate", "Harbourfield", "Peakstone",
     "Coralspring", "Willowbridge", "Amberfield", "Springfield", "Lanternlight", "Ambergate"}
)
