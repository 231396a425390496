"""Quality gates: F1 floors on small, fixed slices of the gold data in ../shared/data (see bench/ for the
full benchmarks). Floors live in eval_baseline.json with a digest of the gold file they were set on."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from newsledger.pipeline import Options, prepare
from newsledger.readers import RawDocument

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())
BENCH = SHARED / "data" / "article-extraction-benchmark"
SLICE = 40  # the first 40 pages in sorted id order (inside the tuning part: pages 1-120)


def _require(path: Path) -> None:
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"gold data missing in CI: {path}")
        pytest.skip(f"gold data not found: {path}")


def _gate(name: str) -> float:
    gate = BASELINE[name]
    gold = SHARED / "data" / gate["gold"]
    _require(gold)
    digest = hashlib.sha256(gold.read_bytes()).hexdigest()
    assert digest == gate["digest"], f"{gold} changed: re-measure before trusting the floor of {name}"
    return float(gate["floor"])


def _load_scorer(name: str):
    """A scorer from shared/scorers (stdlib Python, read-only), loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, SHARED / "scorers" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_html_extraction_gate():
    floor = _gate("extraction_html_first40")
    sc = _load_scorer("score_extraction")
    truth = sc.load_truth(BENCH)
    ids = sorted(truth)[:SLICE]
    pred = {}
    for k in ids:
        html = gzip.decompress((BENCH / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace")
        pred[k] = prepare(RawDocument(path=k, html=html, fmt="html"), Options()).text
    m = sc.evaluate({k: truth[k] for k in ids}, pred, 0)
    assert m["n_empty"] == 0
    assert m["f1"] >= floor, m


def test_plain_text_cleaning_gate(tmp_path: Path):
    floor = _gate("extraction_text_first40")
    sc = _load_scorer("score_extraction")
    truth = sc.load_truth(BENCH)
    subprocess.run(
        [sys.executable, str(SHARED / "scorers" / "dump_html_text.py"), str(BENCH), str(tmp_path)], check=True
    )
    ids = sorted(truth)[:SLICE]
    pred = {
        k: prepare(RawDocument(path=k, text=(tmp_path / f"{k}.txt").read_text()), Options()).text for k in ids
    }
    raw = {k: (tmp_path / f"{k}.txt").read_text() for k in ids}
    m = sc.evaluate({k: truth[k] for k in ids}, pred, 0)
    base = sc.evaluate({k: truth[k] for k in ids}, raw, 0)
    assert m["f1"] >= floor and m["f1"] > base["f1"] + 0.2, (m, base)


def test_timex_gate(nlp):
    """TempEval-3 scoring (shared/scorers/score_timex.py) of extract_times on the first 30 TimeBank files
    of the training part: strict extent F1 and value F1 floors."""
    import datetime as dt

    from newsledger.extract.times import extract_times

    gate = BASELINE["timex_timebank_first30"]
    folder = SHARED / "data" / gate["gold"]
    _require(folder)
    files = sorted(folder.glob("*.tml"))[: gate["slice"]]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    assert digest == gate["digest"], f"{folder} changed: re-measure before trusting the timex floors"
    sc = _load_scorer("score_timex")
    n = {"sys": 0, "ref": 0, "strict": 0, "value": 0}
    for f in files:
        dct, text, gold = sc.read_tml(f)
        times = extract_times(nlp(text), dt.date.fromisoformat(dct[:10]))
        pred = [{"start": t.start, "end": t.end, "value": t.value} for t in times]
        strict, relaxed = sc.match(gold, pred)
        n["sys"] += len(pred)
        n["ref"] += len(gold)
        n["strict"] += len(strict)
        n["value"] += sum(str(gold[i]["value"]) == str(pred[j]["value"]) for i, j in relaxed)
    strict_f1 = 2 * n["strict"] / (n["sys"] + n["ref"])
    value_f1 = 2 * n["value"] / (n["sys"] + n["ref"])
    floor = gate["floor"]
    assert strict_f1 >= floor["strict_f1"] and value_f1 >= floor["value_f1"], (strict_f1, value_f1, n)


def test_attribution_gate(tmp_path: Path):
    """score_attribution.py on the first 20 PolNeAR dev articles (sorted by name), extracted without
    cleaning as bench/attribution.py does: exact F1 of whole attributions, partial-credit F1 of each role."""
    from newsledger.model import Extraction
    from newsledger.pipeline import run

    gate = BASELINE["attribution_polnear_dev_first20"]
    folder = SHARED / "data" / gate["gold"]
    _require(folder)
    texts = sorted((folder / "text").glob("*.txt"))[: gate["slice"]]
    anns = sorted(p for t in texts for p in (folder / "attributions").glob(t.stem + "_*.ann"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in [*texts, *anns])).hexdigest()
    assert digest == gate["digest"], f"{folder} changed: re-measure before trusting the attribution floors"
    sc = _load_scorer("score_attribution")
    gold_all, _ = sc.load_gold(str(folder))
    gold = {t.name: gold_all[t.name] for t in texts}
    docs = [RawDocument(path=t.name, text=gold[t.name][0]) for t in texts]
    pred_file = tmp_path / "pred.jsonl"
    with pred_file.open("w", encoding="utf-8") as fh:
        for ex in run(docs, Options(clean=False)):
            assert isinstance(ex, Extraction), ex
            fh.write(json.dumps({"path": ex.article.path, "claims": [c.to_dict() for c in ex.claims]}) + "\n")
    pred, _, _ = sc.load_pred(str(pred_file), gold)
    metrics, _, _ = sc.score(gold, pred)
    got = {"exact_all": metrics["exact"]["all"]["f1"]}
    got.update({f"partial_{r}": metrics["partial"][r]["f1"] for r in ("cue", "source", "content", "all")})
    assert all(got[k] >= v for k, v in gate["floor"].items()), (got, gate["floor"])


# the shared scorer (read-only here) leaves GeoNames' countryInfo.txt open in load_country_info
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_geoparsing_gate():
    """score_geo.py's definitions on the first 30 GeoWebNews articles (inside the tuning part), extracted
    without cleaning as bench/geo.py does: toponym recall and Acc@161 km over matched toponyms."""
    from newsledger.model import Extraction
    from newsledger.pipeline import run

    gate = BASELINE["geo_gwn_first30"]
    xml = SHARED / "data" / gate["gold"]
    _require(xml)
    assert hashlib.sha256(xml.read_bytes()).hexdigest() == gate["digest"], f"{xml} changed: re-measure"
    sg = _load_scorer("score_geo")
    arts, _, _ = sg.load_gold(str(xml), "tune")
    arts = arts[: gate["slice"]]
    docs = [RawDocument(path=f"{a['id']}.txt", text=a["text"]) for a in arts]
    matched = near = gold_n = 0
    for a, ex in zip(arts, run(docs, Options(clean=False)), strict=True):
        assert isinstance(ex, Extraction), ex
        ents = [e.to_dict() for e in ex.entities if e.lat is not None and e.lon is not None]
        for g in a["toponyms"]:
            if g["lat"] is None or g["lon"] is None:
                continue
            gold_n += 1
            e = sg.best_overlap(g, ents)
            if e is not None:
                matched += 1
                near += sg.haversine_km(g["lat"], g["lon"], e["lat"], e["lon"]) < 161
    recall, acc = matched / gold_n, near / matched
    floor = gate["floor"]
    assert recall >= floor["recall"] and acc >= floor["acc161"], (recall, acc, gold_n)
