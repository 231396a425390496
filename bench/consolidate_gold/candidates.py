"""Print the candidate groups an annotator judged when building propositions.json.

    .venv/bin/python bench/consolidate_gold/candidates.py STORY_ID

For one story of propositions.json: every PolNeAR attribution of its articles, linked to attributions of the
story's other articles whose contents share words (Jaccard >= 0.15 and two words, or three words rare in the
story), printed as connected groups. The annotator split each group into propositions by reading them; this
script only decides what was shown, never what is gold. It is deliberately unlike newsledger's own
clustering (no speakers, no quotes, no dates), and a paraphrase sharing no words is never shown — the gold
can miss such pairs.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT.parent / "shared" / "data" / "polnear" / "data" / "train"
STOP = set(
    "the a an and or of to in on for with that this is was be are were it he she they his her their said"
    " says from by as at has have had not but who will would which about more than after been its mr ms into"
    " out up what when there also just can could should may might we our you your i my me him them do does"
    " did so if all no one two new being over now very how then those these other any some such only most"
    " many much".split()
)


def attributions(name: str) -> tuple[str, list[dict]]:
    text = (BASE / "text" / f"{name}.txt").read_text(encoding="utf-8")
    ann = sorted((BASE / "attributions").glob(f"{name}_*.ann"))[0]
    spans, rels = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if line.startswith("T"):
            offs = [int(x) for x in f[1].replace(";", " ").split()[1:]]
            spans[f[0]] = [(offs[i], offs[i + 1]) for i in range(0, len(offs), 2)]
        elif line.startswith("E"):
            rels.append((f[0], dict(p.split(":", 1) for p in f[1].split())))
    out = []
    for eid, parts in rels:
        got = {
            k: " … ".join(text[a:b] for a, b in spans.get(parts.get(k, ""), []))
            for k in ("Source", "Cue", "Content")
        }
        out.append({"id": eid, "source": got["Source"], "cue": got["Cue"], "content": got["Content"]})
    return text, out


def words(t: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*", t)} - STOP


def main() -> None:
    gold = json.loads((Path(__file__).parent / "propositions.json").read_text(encoding="utf-8"))
    story = next(s for s in gold["stories"] if s["id"] == sys.argv[1])
    items = []
    for ai, name in enumerate(story["articles"]):
        print(f"  A{ai} = {name}")
        for x in attributions(name)[1]:
            items.append({**x, "art": ai, "w": {w for w in words(x["content"]) if len(w) > 2}})
    df = Counter(w for x in items for w in x["w"])
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(items)), 2):
        a, b = items[i], items[j]
        if a["art"] == b["art"]:
            continue
        inter = a["w"] & b["w"]
        rare = [w for w in inter if df[w] <= 12]
        if (len(inter) / (len(a["w"] | b["w"]) or 1) >= 0.15 and len(inter) >= 2) or len(rare) >= 3:
            parent[find(i)] = find(j)
    groups = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    k = 0
    for g in sorted(groups.values(), key=lambda g: -len(g)):
        if len({items[i]["art"] for i in g}) < 2:
            continue
        k += 1
        print(f"--- C{k} ({len(g)})")
        for i in g:
            x = items[i]
            print(f"  A{x['art']}:{x['id']} [{x['source'][:30]}] <{x['cue'][:25]}> {x['content'][:170]!r}")


if __name__ == "__main__":
    main()
