"""``build_roadmap(profile, snapshot) -> Roadmap``: the whole roadmap, pure and deterministic."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from goglobal.engines.roadmap.context import Context, reason
from goglobal.engines.roadmap.functions import functions as hk_functions
from goglobal.engines.roadmap.listing import listing_routes
from goglobal.engines.roadmap.mainland import mainland_steps
from goglobal.engines.roadmap.markets import markets
from goglobal.engines.roadmap.messages import LANGS, name, render
from goglobal.engines.roadmap.model import ROADMAP_FORMAT, Profile, Snapshot
from goglobal.engines.roadmap.schemes import schemes
from goglobal.engines.roadmap.steps import plan

ENGINE_VERSION = "1"
SECTIONS = ("listing_routes", "mainland_steps", "functions", "markets", "schemes", "steps")


@dataclass(frozen=True)
class Roadmap:
    """The computed roadmap. ``to_json()`` gives the ``goglobal-roadmap/1`` document."""

    document: dict[str, Any]

    def to_json(self, lang: str = "en", *, with_text: bool = False) -> dict[str, Any]:
        """The document with fact statements in ``lang``; ``with_text`` adds each reason and
        condition rendered (``reasons_text``, ``conditions_text``) next to its codes."""
        out = copy.deepcopy(self.document)
        lang = lang if lang in LANGS else "en"
        for fact in out["facts"].values():
            statements = fact.pop("statements")
            fact["statement"] = statements.get(lang) or statements.get("en", "")
        if with_text:
            for section in SECTIONS:
                for item in out[section]:
                    for key in ("reasons", "conditions"):
                        if key in item:
                            item[f"{key}_text"] = [render(r, lang) for r in item[key]]
            out["notes_text"] = [render(r, lang) for r in out["notes"]]
        return out

    def text(self, lang: str = "en") -> str:
        """A plain-text rendering for the console."""
        return render_text(self.to_json(lang, with_text=True), lang)


def _listify(value: Any) -> Any:
    """Reasons as ``[code, params]`` lists, as the JSON format has them."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return [value[0], _listify(dict(value[1]))]
    if isinstance(value, dict):
        return {key: _listify(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_listify(item) for item in value]
    return value


def build_roadmap(profile: Profile, snapshot: Snapshot) -> Roadmap:
    ctx = Context(profile=profile, snapshot=snapshot)
    routes = listing_routes(ctx)
    functions = hk_functions(ctx, routes)
    mainland = mainland_steps(ctx, routes, functions)
    ranked = markets(ctx)
    found = schemes(ctx)
    steps = plan(ctx, routes, mainland, functions)
    facts: dict[str, Any] = {}
    for fact_id in sorted(ctx.used):
        fact = snapshot.facts.get(fact_id)
        if fact is None:
            continue
        facts[fact_id] = {
            "statements": dict(fact.statement),
            "source": {
                "title": fact.source_title,
                "url": fact.source_url,
                "publisher": fact.source_publisher,
                "kind": fact.source_kind,
            },
            "checked_on": fact.checked_on.isoformat(),
            "verified": fact.verified,
        }
    for section in (routes, mainland, functions, ranked, found, steps):
        for item in section:
            item["facts"] = [fact for fact in item["facts"] if fact in facts]
    notes = [reason("profile.ignored", fields=list(profile.ignored))] if profile.ignored else []
    document = {
        "format": ROADMAP_FORMAT,
        "engine_version": ENGINE_VERSION,
        "as_of": profile.as_of.isoformat(),
        "enterprise": {"name_en": profile.name_en, "name_zh_hans": profile.name_zh_hans},
        "listing_routes": routes,
        "mainland_steps": mainland,
        "functions": functions,
        "markets": ranked,
        "schemes": found,
        "steps": steps,
        "notes": notes,
        "facts": facts,
    }
    return Roadmap(_listify(document))


_TITLES = {
    "en": (
        "Listing routes",
        "Mainland steps",
        "Hong Kong functions",
        "Markets",
        "Schemes",
        "Steps",
        "Sources",
    ),
    "zh-hans": ("上市途径", "内地程序", "香港功能", "市场", "计划", "步骤", "资料来源"),
    "zh-hant": ("上市途徑", "內地程序", "香港功能", "市場", "計劃", "步驟", "資料來源"),
}
_YES = {
    "en": ("yes", "no", "undecided"),
    "zh-hans": ("是", "否", "未能判断"),
    "zh-hant": ("是", "否", "未能判斷"),
}


def _tri(value: Any, lang: str) -> str:
    yes, no, unknown = _YES.get(lang, _YES["en"])
    return yes if value is True else no if value is False else unknown


def render_text(doc: dict[str, Any], lang: str) -> str:
    titles = _TITLES.get(lang, _TITLES["en"])
    colon = ": " if lang == "en" else "："
    lines = [
        f"{doc['enterprise']['name_en'] or doc['enterprise']['name_zh_hans']} · {doc['as_of']}",
        "",
    ]
    lines.append(titles[0])
    for route in doc["listing_routes"]:
        lines.append(f"  {name(route['route'], lang)}{colon}{_tri(route['eligible'], lang)}")
        for text in route["reasons_text"]:
            lines.append(f"    - {text}")
        for text in route["conditions_text"]:
            lines.append(f"    * {text}")
    lines += ["", titles[1]]
    for step in doc["mainland_steps"]:
        lines.append(f"  {name(step['step'], lang)}{colon}{_tri(step['required'], lang)}")
        lines += [f"    - {text}" for text in step["reasons_text"]]
    lines += ["", titles[2]]
    for item in doc["functions"]:
        lines.append(
            f"  {name(item['function'], lang)}: {_tri(item['recommended'], lang)} ({item['score']})"
        )
        lines += [f"    - {text}" for text in item["reasons_text"]]
    lines += ["", titles[3]]
    for market in doc["markets"]:
        lines.append(
            f"  {market['rank']}. {market['market']} {market['score']}"
            f" cdta={market['cdta']} fta={','.join(market['fta']) or '-'} ippa={market['ippa']}"
        )
    lines += ["", titles[4]]
    for scheme in doc["schemes"]:
        lines.append(f"  {scheme['scheme']}{colon}{_tri(scheme['eligible'], lang)}")
    lines += ["", titles[5]]
    for step in doc["steps"]:
        after = ",".join(step["after"]) or "-"
        lines.append(f"  {step['id']} [{step['function']}] {step['title']} (after {after})")
    lines += ["", titles[6]]
    for fact_id, fact in doc["facts"].items():
        where = fact["source"]["url"] or fact["source"]["title"]
        lines.append(f"  {fact_id}: {where} ({fact['checked_on']})")
    return "\n".join(lines) + "\n"
