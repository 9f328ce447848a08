"""Needs read from a profile's own words by the sentence encoder, beyond the glossary.

``derive`` reads needs from glossary concepts; a service named in other words ("stopping fakes
at the border", "替派駐員工辦簽證") gives it nothing. Here every clause of the profile text is
encoded (``embed``) and compared with short descriptions of the services that make up each need
(``SERVICE_PHRASES``: a few per need in English and Simplified Chinese, written from what the
need covers, as an officer would list it). A clause is read as a need when its best match is
that need's, at least ``THRESHOLD``, and ahead of every other need's by ``MARGIN``.

Sentences that say who the clients are, where the offices are or when the firm was founded are
not services, and they are compared too: they stay under the threshold or within the margin of
two needs, which is why both tests are needed.

The reading is computed when a profile is saved (with its vector, in the background) and stored;
a query never encodes a provider.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from goglobal.engines.matching import embed
from goglobal.engines.text.normalise import normalise

THRESHOLD = 0.40
MARGIN = 0.06
MAX_CLAUSES = 32  # a long profile is read by its first clauses

SERVICE_PHRASES: Mapping[str, tuple[str, ...]] = {
    "fundraising.ipo": (
        "initial public offerings and stock exchange listings",
        "listing sponsor and prospectus drafting for a share listing",
        "going public on the Hong Kong stock exchange",
        "首次公开招股及在证券交易所上市",
        "担任上市保荐人并撰写招股说明书",
        "协助企业赴港上市",
    ),
    "fundraising.private_capital": (
        "raising venture capital and private equity",
        "introducing investors for funding rounds before a listing",
        "private placements with strategic investors",
        "为企业引入风险投资和私募股权融资",
        "上市前融资轮次的投资者引荐",
        "向战略投资者私募配售股份",
    ),
    "fundraising.debt": (
        "bank loans, bond issues and trade finance",
        "credit facilities and borrowing for companies",
        "issuing bonds and arranging loans",
        "银行贷款、发行债券及贸易融资",
        "为企业提供信贷额度和借款安排",
        "安排贷款和发行债券",
    ),
    "hq.regional": (
        "establishing a regional headquarters in Hong Kong",
        "a Hong Kong head office that manages the group's Asian subsidiaries",
        "在香港设立地区总部",
        "在香港设立管理亚洲子公司的区域总部",
    ),
    "treasury.centre": (
        "setting up a corporate treasury centre",
        "cash pooling and central management of group liquidity",
        "intra-group financing and foreign exchange management for the group",
        "设立企业财资中心",
        "资金池及集团流动资金集中管理",
        "集团内部融资及外汇管理",
    ),
    "legal.setup": (
        "company incorporation and registration",
        "company secretarial services and statutory filings",
        "setting up holding companies and legal entities",
        "corporate law advice for a new business",
        "注册成立公司及商业登记",
        "公司秘书服务及法定申报",
        "设立控股公司和法律实体",
        "新公司的公司法律事务",
    ),
    "tax.planning": (
        "tax planning and tax advisory",
        "double taxation agreements and treaty benefits",
        "transfer pricing reports and tax compliance",
        "税务筹划及税务咨询",
        "避免双重征税协定及税收优惠",
        "转让定价报告及税务合规",
    ),
    "banking.accounts": (
        "opening a corporate bank account",
        "cross-border payments, collections and currency exchange",
        "business banking and cash management accounts",
        "开立公司银行账户",
        "跨境收款、付款及货币兑换",
        "企业银行及账户服务",
    ),
    "ip.protection": (
        "trademark and patent registration",
        "protecting intellectual property and fighting counterfeits",
        "enforcing brand rights against infringers and fake products",
        "注册商标和专利",
        "保护知识产权及打击假冒产品",
        "对侵权者和假货维护品牌权利",
    ),
    "talent.mobility": (
        "work visas and employment permits",
        "relocating executives and specialists to a new city",
        "recruiting staff and talent admission schemes",
        "expatriate payroll and human resources",
        "办理工作签证和就业许可",
        "为高管和专业人员办理调派及迁移",
        "招聘员工及申请人才引进计划",
        "外派员工的薪酬和人事服务",
    ),
    "logistics.trade": (
        "freight forwarding by sea and air",
        "warehousing, distribution and delivery of goods",
        "shipping cargo and customs brokerage",
        "海运和空运货运代理",
        "仓储、配送及货物派送",
        "货物运输及报关代理",
    ),
    "market_entry.partners": (
        "finding distributors, agents and customers in a new market",
        "business matching and introductions to local partners",
        "market entry research and partner search",
        "在新市场寻找分销商、代理和客户",
        "商业配对及引荐当地合作伙伴",
        "市场进入研究及寻找合作伙伴",
    ),
    "risk.insurance": (
        "insurance for overseas operations",
        "export credit insurance against buyer default",
        "cargo, property and political risk insurance",
        "海外业务保险",
        "出口信用保险，保障买家拖欠付款",
        "货物运输、财产及政治风险保险",
    ),
    "compliance.trade": (
        "export controls and sanctions compliance",
        "certificates of origin and customs compliance",
        "trade regulation and import licensing",
        "出口管制及制裁合规",
        "原产地证书及海关合规",
        "贸易法规及进口许可",
    ),
    "rnd.hub": (
        "setting up a research and development centre",
        "innovation programmes, incubators and science parks",
        "R&D funding and technology collaboration with universities",
        "设立研发中心",
        "创新计划、孵化器及科技园",
        "研发资助及与大学的技术合作",
    ),
    "supply_chain.centre": (
        "managing a group's sourcing and procurement",
        "supply chain management and supplier coordination",
        "统筹集团的采购和寻源",
        "供应链管理及供应商协调",
    ),
}
# What profiles say besides their services: who they are, where, since when, for whom. A clause
# closer to one of these than to any service is not read as a need.
NOT_SERVICES: tuple[str, ...] = (
    "a law firm headquartered in Central, Hong Kong",
    "an accounting practice based in Hong Kong since 1998",
    "a bank serving mainland Chinese clients",
    "we have our own office in Singapore and a branch in Dubai",
    "our local team in Jakarta",
    "through our partner network we also cover Europe",
    "we do not have an office in Brazil",
    "our clients include electric vehicle makers and food companies",
    "established in 2005, we work with mainland companies",
    "we advise biotech companies, software firms and technology start-ups",
    "总部位于香港中环的律师事务所",
    "一家自1998年起在香港执业的会计师行",
    "为内地客户服务的银行",
    "在新加坡设有办事处，在迪拜设有分行",
    "我们在雅加达的本地团队",
    "通过合作伙伴网络覆盖欧洲",
    "我们在巴西没有办事处",
    "客户包括电动车制造商和食品企业",
    "成立于2005年，服务内地企业",
    "客户包括生物科技公司、软件企业和科技初创企业",
)
READING_VERSION = hashlib.sha256(
    repr((sorted(SERVICE_PHRASES.items()), NOT_SERVICES)).encode()
    + f"{THRESHOLD}/{MARGIN}/{MAX_CLAUSES}".encode()
).hexdigest()[:12]

_SENTENCE = re.compile(r"[。！？；!?;\n|]+|\.\s+|\.$")
_CLAUSE = re.compile(r"[、，,：:]+|\s*以及\s*")
_AND = re.compile(r"\s+and\s+")
Vectors = npt.NDArray[np.float32]


def clauses(text: str) -> list[tuple[str, int]]:
    """The folded text's sentences and, where a sentence lists several things, each of them,
    with the number of the sentence each comes from (a sentence comes before its parts)."""
    result: dict[str, int] = {}
    sentences = (s.strip() for s in _SENTENCE.split(normalise(text or "")))
    for number, sentence in enumerate(s for s in sentences if s):
        result.setdefault(sentence, number)
        parts = [part.strip() for part in _CLAUSE.split(sentence) if part.strip()]
        for part in parts if len(parts) > 1 else ():
            if _worth_reading(part):
                result.setdefault(part, number)
        for part in parts:
            # "A and B and C": each item of three words or more
            items = [item.strip() for item in _AND.split(part) if item.strip()]
            for item in items if len(items) > 1 else ():
                if len(item.split()) >= 3:
                    result.setdefault(item, number)
    return list(result.items())[:MAX_CLAUSES]


def _worth_reading(part: str) -> bool:
    """Three words or more ("pinnacle law" is a name); in Chinese, five characters."""
    return len(part.split()) >= 3 if part.isascii() else len(part) >= 5


@lru_cache(maxsize=1)
def _phrases() -> tuple[Vectors, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The phrases' unit vectors, which need each service phrase belongs to (phrase × need) and
    which phrases are not services; encoded once per process."""
    needs = tuple(SERVICE_PHRASES)
    texts = [normalise(p) for phrases in SERVICE_PHRASES.values() for p in phrases]
    member = np.zeros((len(texts) + len(NOT_SERVICES), len(needs)), dtype=bool)
    row = 0
    for column, need in enumerate(needs):
        for _ in SERVICE_PHRASES[need]:
            member[row, column] = True
            row += 1
    not_service: npt.NDArray[np.bool_] = np.logical_not(member.any(axis=1))
    return embed.encode([*texts, *(normalise(p) for p in NOT_SERVICES)]), member, not_service


def read_needs(texts: Sequence[str]) -> list[tuple[tuple[str, str], ...]]:
    """The needs each profile text names in words, read clause by clause (see the module):
    (need code, the clause that names it) pairs, in need order, for each text."""
    phrases, member, not_services = _phrases()
    needs = tuple(SERVICE_PHRASES)
    pieces = [clauses(text) for text in texts]
    flat = [piece for chunk in pieces for piece, _ in chunk]
    vectors = embed.encode(flat) if flat else np.zeros((0, embed.DIMENSIONS), np.float32)
    similarity = vectors @ phrases.T  # clause × phrase
    # clause × need: the best phrase of each need
    best = np.stack([similarity[:, member[:, j]].max(axis=1) for j in range(len(needs))], axis=1)
    other = similarity[:, not_services].max(axis=1, initial=-1.0)
    result: list[tuple[tuple[str, str], ...]] = []
    start = 0
    for chunk in pieces:
        block, elsewhere = best[start : start + len(chunk)], other[start : start + len(chunk)]
        start += len(chunk)
        read: dict[str, tuple[float, str]] = {}
        aside: set[int] = set()  # sentences that read as something other than a service
        for (clause, sentence), row, not_service in zip(chunk, block, elsewhere, strict=True):
            if sentence in aside:
                continue  # a part of "clients include A, B" is a client, not a service
            order = np.argsort(-row)
            top, second = row[order[0]], row[order[1]]
            if not_service > top:
                aside.add(sentence)
            elif top >= THRESHOLD and top - max(second, not_service) >= MARGIN:
                need = needs[order[0]]
                if need not in read or read[need][0] < top:
                    read[need] = (float(top), clause)
        result.append(tuple((need, read[need][1]) for need in sorted(read)))
    return result
