"""Partner bodies: real public bodies and chambers, described briefly and neutrally.

Only public bodies appear under their real names; every enterprise, provider and investor in the
demo data is invented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PartnerBodySpec:
    external_id: str
    kind: str  # government, chamber, association
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    country: str
    city: str
    website: str
    description: str

    def values(self) -> dict[str, object]:
        return {
            "external_id": self.external_id,
            "kind": self.kind,
            "name_en": self.name_en,
            "name_zh_hans": self.name_zh_hans,
            "name_zh_hant": self.name_zh_hant,
            "city": self.city,
            "website": self.website,
            "description": self.description,
            "description_language": "en",
        }


PARTNER_BODIES: tuple[PartnerBodySpec, ...] = (
    PartnerBodySpec(
        "DEMO-B-01",
        "government",
        "Hong Kong Trade Development Council",
        "香港贸易发展局",
        "香港貿易發展局",
        "HK",
        "Hong Kong",
        "https://www.hktdc.com",
        "Statutory body set up in 1966 to promote Hong Kong's trade; organises trade fairs and "
        "promotion conferences, including ones for mainland enterprises going global.",
    ),
    PartnerBodySpec(
        "DEMO-B-02",
        "government",
        "Invest Hong Kong",
        "投资推广署",
        "投資推廣署",
        "HK",
        "Hong Kong",
        "https://www.investhk.gov.hk",
        "Government department that helps overseas and mainland companies set up or expand in "
        "Hong Kong.",
    ),
    PartnerBodySpec(
        "DEMO-B-03",
        "government",
        "Office for Attracting Strategic Enterprises",
        "引进重点企业办公室",
        "引進重點企業辦公室",
        "HK",
        "Hong Kong",
        "https://www.oases.gov.hk",
        "Government office set up in 2022 to attract strategic enterprises to Hong Kong.",
    ),
    PartnerBodySpec(
        "DEMO-B-04",
        "government",
        "Trade and Industry Department",
        "工业贸易署",
        "工業貿易署",
        "HK",
        "Hong Kong",
        "https://www.tid.gov.hk",
        "Government department handling Hong Kong's commercial relations with trading partners, "
        "including its free trade and investment agreements, and support schemes for SMEs.",
    ),
    PartnerBodySpec(
        "DEMO-B-05",
        "government",
        "Hong Kong Productivity Council",
        "香港生产力促进局",
        "香港生產力促進局",
        "HK",
        "Hong Kong",
        "https://www.hkpc.org",
        "Statutory body set up in 1967 to promote productivity, technology and innovation in "
        "Hong Kong industry.",
    ),
    PartnerBodySpec(
        "DEMO-B-06",
        "government",
        "Hong Kong Science and Technology Parks Corporation",
        "香港科技园公司",
        "香港科技園公司",
        "HK",
        "Hong Kong",
        "https://www.hkstp.org",
        "Statutory body that runs Hong Kong Science Park and other innovation and technology "
        "facilities, with incubation programmes.",
    ),
    PartnerBodySpec(
        "DEMO-B-07",
        "government",
        "Cyberport",
        "数码港",
        "數碼港",
        "HK",
        "Hong Kong",
        "https://www.cyberport.hk",
        "Digital technology community run by a company wholly owned by the Government, with "
        "incubation and investor-matching programmes.",
    ),
    PartnerBodySpec(
        "DEMO-B-08",
        "chamber",
        "Hong Kong General Chamber of Commerce",
        "香港总商会",
        "香港總商會",
        "HK",
        "Hong Kong",
        "https://www.chamber.org.hk",
        "Business chamber founded in 1861 representing companies in Hong Kong.",
    ),
    PartnerBodySpec(
        "DEMO-B-09",
        "chamber",
        "The Chinese General Chamber of Commerce",
        "香港中华总商会",
        "香港中華總商會",
        "HK",
        "Hong Kong",
        "https://www.cgcc.org.hk",
        "Chamber of commerce founded in 1900, with members among Hong Kong and mainland "
        "businesses.",
    ),
    PartnerBodySpec(
        "DEMO-B-10",
        "association",
        "Federation of Hong Kong Industries",
        "香港工业总会",
        "香港工業總會",
        "HK",
        "Hong Kong",
        "https://www.industryhk.org",
        "Statutory body set up in 1960 representing Hong Kong's industrial sector.",
    ),
    PartnerBodySpec(
        "DEMO-B-11",
        "association",
        "The Chinese Manufacturers' Association of Hong Kong",
        "香港中华厂商联合会",
        "香港中華廠商聯合會",
        "HK",
        "Hong Kong",
        "https://www.cma.org.hk",
        "Association of manufacturers and traders founded in 1934.",
    ),
    PartnerBodySpec(
        "DEMO-B-12",
        "association",
        "Hong Kong Chinese Enterprises Association",
        "香港中国企业协会",
        "香港中國企業協會",
        "HK",
        "Hong Kong",
        "",
        "Association of mainland-invested enterprises operating in Hong Kong.",
    ),
    PartnerBodySpec(
        "DEMO-B-13",
        "association",
        "The Law Society of Hong Kong",
        "香港律师会",
        "香港律師會",
        "HK",
        "Hong Kong",
        "https://www.hklawsoc.org.hk",
        "Professional body of solicitors in Hong Kong.",
    ),
    PartnerBodySpec(
        "DEMO-B-14",
        "association",
        "Hong Kong Institute of Certified Public Accountants",
        "香港会计师公会",
        "香港會計師公會",
        "HK",
        "Hong Kong",
        "https://www.hkicpa.org.hk",
        "Statutory body that registers and sets standards for accountants in Hong Kong.",
    ),
    PartnerBodySpec(
        "DEMO-B-15",
        "government",
        "China Council for the Promotion of International Trade",
        "中国国际贸易促进委员会",
        "中國國際貿易促進委員會",
        "CN",
        "Beijing",
        "https://www.ccpit.org",
        "National trade and investment promotion agency of the mainland, founded in 1952.",
    ),
    PartnerBodySpec(
        "DEMO-B-16",
        "government",
        "Shanghai Municipal Commission of Commerce",
        "上海市商务委员会",
        "上海市商務委員會",
        "CN",
        "Shanghai",
        "",
        "Shanghai government department for commerce; a counterpart in Hong Kong/Shanghai "
        "co-operation on trade.",
    ),
)
