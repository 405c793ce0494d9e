"""Deterministic generator of realistic synthetic svo data at any size.

    python benchmarks/generate.py --agreements 10000 --out /tmp/svo-10k

Agreements mix what the county's data has: renewing terms with notice deadlines, open-ended ones
with a notice period, fixed terms, coarse dates (years, vt/ht, quarters), follow-ups of all four
forms, events (notices, some late, extensions, terminations, follow-ups done) and supersession
chains. One work plan per hundred agreements, each with adoption by the 14 principals, decisions,
assignments with coarse due terms, meetings and meeting rules. The same arguments always give the
same files.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUNICIPALITIES = ["boxholm", "finspang", "kinda", "linkoping", "mjolby", "motala", "norrkoping", "soderkoping",
                  "vadstena", "valdemarsvik", "ydre", "atvidaberg", "odeshog"]
KINDS = ["överenskommelse", "avtal", "ramavtal", "avsiktsförklaring", "regelverk", "plan", "strategi",
         "riktlinje", "handlingsplan"]
WORDS = ["samverkan", "vård", "omsorg", "barn", "unga", "äldre", "psykisk", "hälsa", "missbruk", "hemsjukvård",
         "läkarmedverkan", "utskrivning", "hjälpmedel", "vårdhygien", "primärvård", "ungdomshälsa", "HVB"]


# Every event, decision and meeting cites its source, and the files were checked against their sources
# recently, as in the county's data (the register's warnings SVO404-SVO406 stay realistic noise).
EVENT_SOURCE = ", source: {document: 001_22749a3e04c4701d.txt, quote: Protokoll}"
VERIFIED = "2026-09-01"


def _day(rng: random.Random, first: int, last: int) -> date:
    start = date(first, 1, 1)
    return start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days))


def _coarse(rng: random.Random, d: date) -> str:
    half = "vt" if d.month <= 6 else "ht"  # the half-year that contains d (as the year, quarter and month do)
    return rng.choice([str(d.year), f"{half} {d.year}", f"{half} {d.year}", f"{d.year}-Q{(d.month - 1) // 3 + 1}",
                       f"{d.year}-{d.month:02d}"])


def agreement(i: int, rng: random.Random, ids: list[str]) -> str:
    ident = f"a{i:06d}-{rng.choice(WORDS).lower().replace('å', 'a').replace('ä', 'a').replace('ö', 'o')}"
    start = _day(rng, 2010, 2026)
    shape = rng.random()
    lines = [f"id: {ident}",
             f"title: Överenskommelse om {' och '.join(rng.sample(WORDS, 2))} nr {i}",
             f"kind: {rng.choice(KINDS)}",
             "parties: [region-ostergotland, " + (second := rng.choice(["kommunerna-i-ostergotland"] + MUNICIPALITIES))
             + "]",
             f"responsible: LPO {rng.choice(WORDS)}"]
    coarse = rng.random() < 0.15
    lines.append(f"valid_from: {_coarse(rng, start) if coarse else start.isoformat()}")
    renewing = shape < 0.45
    if shape < 0.7:  # renewing or fixed term
        end = date(start.year + rng.choice([2, 3, 4]), start.month, 1) - timedelta(days=1)
        lines.append(f"valid_until: {_coarse(rng, end) if coarse and rng.random() < 0.5 else end.isoformat()}")
        lines.append(f"notice: {{before_end: {rng.choice(['12 months', '6 months', 'tolv månader', 'P1Y'])}}}")
        if renewing:
            lines.append(f"renewal: {{every: {rng.choice(['2 years', '1 year', 'två år', 'P3Y'])}}}")
    else:
        lines.append("valid_until: tills vidare")
        lines.append(f"notice: {{period: {rng.choice(['1 year', '12 months', '6 months'])}}}")
    # notice is given by a party to the agreement (a municipality of the group, or the region)
    givers = MUNICIPALITIES if second == "kommunerna-i-ostergotland" else ["region-ostergotland", second]
    followups = []
    if rng.random() < 0.6:
        followups.append(f"  - {{id: arlig, what: Årlig uppföljning, every: 1 year, first: {start.year + 1}}}")
    if rng.random() < 0.3:
        followups.append("  - {id: mandat, what: Utvärdering, at: end_of_mandate_period}")
    if renewing and rng.random() < 0.4:
        followups.append("  - {id: infor, what: Inför förlängning, before: notice_deadline, lead: 3 months}")
    if rng.random() < 0.2:
        followups.append(f"  - {{id: engang, what: Engångsuppföljning, due: {_coarse(rng, start + timedelta(days=400))}}}")
    if followups:
        lines += ["followups:"] + followups
    events = []
    cut = 2025  # the last year whose follow-up can be done by the reference date
    if shape >= 0.45 and shape < 0.7:
        cut = min(cut, end.year if (end.month, end.day) == (12, 31) else end.year - 1)  # a fixed term ends
    day = start
    for _ in range(rng.randrange(0, 5)):
        day = day + timedelta(days=rng.randrange(60, 500))
        if day > date(2026, 11, 1):
            break
        kind = rng.random()
        if kind < 0.6:
            events.append(f"  - {{date: {day.isoformat()}, type: note, note: Information till samrådet}}")
        elif kind < 0.65 and shape < 0.7:
            events.append(f"  - {{date: {day.isoformat()}, type: extended, until: {(day + timedelta(days=900)).isoformat()}}}")
            cut = min(cut, day.year + 2)
        elif kind < 0.7:
            events.append(f"  - {{date: {day.isoformat()}, type: notice, by: {rng.choice(givers)}}}")
            cut = min(cut, day.year)
            break
        elif kind < 0.72:
            events.append(f"  - {{date: {day.isoformat()}, type: terminated}}")
            cut = min(cut, day.year - 1)
            break
        else:
            events.append(f"  - {{date: {day.isoformat()}, type: decision, reference: 'RÖ {day.year}-{i}'}}")
    if any(f.startswith("  - {id: arlig") for f in followups):
        # Most annual follow-ups are held and recorded (some late), some never.
        for year in range(start.year + 1, cut + 1):
            if rng.random() < 0.85:
                held = date(year, rng.randrange(3, 13), 1) + timedelta(days=rng.randrange(0, 28))
                events.append(f"  - {{date: {held.isoformat()}, type: followup_done, followup: arlig, "
                              f"occurrence: {year}}}")
    if events:
        events.sort(key=lambda e: e[len("  - {date: "):len("  - {date: ") + 10])
        lines += ["events:"] + [event[:-1] + EVENT_SOURCE + "}" for event in events]
    if ids and rng.random() < 0.1:
        lines.append(f"supersedes: [{rng.choice(ids[-50:])}]")
    lines += ["source:", "  document: 001_22749a3e04c4701d.txt", f"  section: Bilaga {rng.randrange(1, 9)}",
              f"  quote: \"Överenskommelsen gäller från och med {start.isoformat()}.\""]
    if i % 100:  # one in a hundred has not been checked against its source (a warning, as in real data)
        lines.append(f"last_verified: {VERIFIED}")
    ids.append(ident)
    return ident, "\n".join(lines) + "\n"


def workplan(i: int, rng: random.Random, agreement_ids: list[str]) -> tuple[str, str]:
    year = 2016 + 2 * rng.randrange(0, 6)
    ident = f"plan-{i:05d}-{year}-{year + 1}"
    lines = [f"id: {ident}", f"title: Arbetsplan {year}–{year + 1} nr {i}", f"body: {rng.choice(['SVO', 'LGVO'])}",
             f"period: {{from: {year}-01-01, until: {year + 1}-12-31}}", f"reference: RÖ {year}-{i}",
             "adoption:", "  required: [alla-huvudman]", f"  due: {year}", "decisions:"]
    for party in rng.sample(["region-ostergotland"] + MUNICIPALITIES, rng.randrange(0, 15)):
        stage = "prepared" if rng.random() < 0.1 else "adopted"
        lines.append(f"  - {{party: {party}, date: {_day(rng, year, year).isoformat()}, body: Nämnden, stage: {stage}"
                     f"{EVENT_SOURCE}}}")
    if lines[-1] == "decisions:":
        lines[-1] = "decisions: []"
    lines += ["followups:", f"  - {{id: arlig, what: Årsberättelse, every: 1 year, first: vt {year + 1}}}", "areas:"]
    for a in range(4):
        lines += [f"  - id: omrade-{a}", f"    title: Område {a}", "    assignments:"]
        for s in range(5):
            due = rng.choice([f"vt {year + 1}", f"ht {year}", str(year + 1), f"{year + 1}-Q2", None])
            done = f", done: {_day(rng, year, year + 1).isoformat()}" if rng.random() < 0.4 else ""
            lines.append(f"      - {{id: uppdrag-{a}-{s}, what: Uppdrag {a}.{s}" + (f", due: {due}" if due else "") + done + "}")
    lines.append("meetings:")
    for m in range(4):
        lines.append(f"  - {{date: {_day(rng, year, year + 1).isoformat()}, title: Möte {m}{EVENT_SOURCE}}}")
    lines += ["meeting_rules: {agenda_before: 2 weeks, minutes_final_after: 5 arbetsdagar}",
              f"agreements: [{', '.join(rng.sample(agreement_ids, min(3, len(agreement_ids))))}]",
              "source: {document: 003_ede0aacdda02c1bb.txt, quote: Fastställd LGVO}", f"last_verified: {VERIFIED}"]
    return ident, "\n".join(lines) + "\n"


def generate(count: int, out: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "agreements").mkdir(parents=True)
    (out / "workplans").mkdir()
    shutil.copy(REPO / "data" / "parties.yaml", out / "parties.yaml")
    ids: list[str] = []
    for i in range(count):
        ident, text = agreement(i, rng, ids)
        (out / "agreements" / f"{ident}.yaml").write_text(text, encoding="utf-8")
    for i in range(max(1, count // 100)):
        ident, text = workplan(i, rng, ids)
        (out / "workplans" / f"{ident}.yaml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.agreements, args.out, args.seed)
    print(f"wrote {args.agreements} agreements to {args.out}")


if __name__ == "__main__":
    main()
