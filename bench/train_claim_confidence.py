"""Fit the claim-confidence weights (src/newsledger/data/claim_weights.json) on PolNeAR train.

    .venv/bin/python bench/train_claim_confidence.py [--shared ../shared] [--pred FILE] [--write]

1. ``newsledger extract --no-clean --min-confidence 0`` on the train texts: every claim the rules find.
2. Each claim is labelled by the scorer's own pairing (shared/scorers/score_attribution.py): positive when
   its mean partial credit over cue, source and content (precision side) is above one half; unpaired
   claims are negative.
3. An L2-regularised logistic regression over ``extract/confidence.py``'s features, fit by Newton's method
   (numpy). Features seen fewer than three times are left out.
4. The threshold: the one that maximises the partial-credit F1 of whole attributions on train, with each
   article's claims scored by a model fit on the other folds (5 folds by article), so the threshold is not
   chosen on the data the weights were fit on.

Prints the fold table and, with ``--write``, writes the weights. Only train is read: check the result on
dev with ``bench/attribution.py --split dev``.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.extract.confidence import claim_features  # noqa: E402
from newsledger.model import extraction_from_json  # noqa: E402

C = 0.3  # inverse regularisation strength (chosen on dev among 0.1, 0.3, 1)
MIN_COUNT = 3
FOLDS = 5


def load_scorer(shared: Path):  # type: ignore[no-untyped-def]
    path = shared / "scorers" / "score_attribution.py"
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fit(x: np.ndarray, y: np.ndarray, c: float = C, iters: int = 30) -> np.ndarray:
    """Weights (bias last) of an L2 logistic regression: minimise sum log-loss + |w|^2 / 2c (bias free)."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], 1.0 / c)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ w[:-1] + w[-1], -30, 30)))


def parsed(gold_dir: Path, cache: Path) -> dict[str, Any]:
    """The parse of each train text, by file name (the features read how the cue sits in its sentence),
    made with the pipeline ``extract`` uses and kept in ``cache`` for the next run."""
    from spacy.tokens import DocBin

    from newsledger.nlp import get_nlp

    nlp = get_nlp()
    model = f"{nlp.meta['name']}-{nlp.meta['version']}"
    texts = sorted((gold_dir / "text").glob("*.txt"))
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        keys = [(d.user_data.get("name"), d.user_data.get("model")) for d in docs]
        if keys == [(p.name, model) for p in texts]:
            return {d.user_data["name"]: d for d in docs}
    bin_ = DocBin(store_user_data=True)
    out = {}
    for path, doc in zip(texts, nlp.pipe(p.read_text(encoding="utf-8") for p in texts), strict=True):
        doc.user_data["name"] = path.name
        doc.user_data["model"] = model  # a parse from another model version is made again
        bin_.add(doc)
        out[path.name] = doc
    cache.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(cache)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--pred", type=Path, help="reuse this extract output (run with --min-confidence 0)")
    ap.add_argument("--write", action="store_true", help="write src/newsledger/data/claim_weights.json")
    args = ap.parse_args()
    sa = load_scorer(args.shared)
    gold_dir = args.shared / "data" / "polnear" / "data" / "train"
    pred_path = args.pred or ROOT / "bench" / "out" / "confidence-train.jsonl"
    if args.pred is None:
        pred_path.parent.mkdir(parents=True, exist_ok=True)
        texts = sorted((gold_dir / "text").glob("*.txt"))
        with pred_path.open("wb") as fh:
            cmd = [sys.executable, "-m", "newsledger", "extract", "--no-clean", "--min-confidence", "0"]
            subprocess.run([*cmd, *map(str, texts)], stdout=fh, check=False)
    gold, _ = sa.load_gold(str(gold_dir))
    pred, _, _ = sa.load_pred(str(pred_path), gold)
    docs = parsed(gold_dir, ROOT / "bench" / "out" / "polnear-train.spacy")
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    keys: list[tuple[str, int]] = []
    seen: set[str] = set()
    for line in pred_path.open(encoding="utf-8"):
        d = json.loads(line)
        name = Path(d["path"]).name
        if name not in gold or name in seen:
            continue  # the scorer takes an article's first object; a repeated text adds nothing
        seen.add(name)
        claims = extraction_from_json(d).claims
        doc = docs[name]
        assert doc.text == d["text"], name
        ps = pred[name]
        assert len(ps) == len(claims), name
        credit = [0.0] * len(ps)
        for i, j in sa.pair_greedy(ps, gold[name][2]):
            credit[i] = sum(sa.credit(ps[i][r], gold[name][2][j][r])[0] for r in sa.ROLES) / 3
        for i, c in enumerate(claims):
            feats.append(claim_features(d["text"], c, claims, doc))
            labels.append(int(credit[i] > 0.5))
            groups.append(name)
            keys.append((name, i))
    counts = collections.Counter(k for f in feats for k, v in f.items() if v)
    vocab = sorted(k for k, n in counts.items() if n >= MIN_COUNT)
    index = {k: i for i, k in enumerate(vocab)}
    x = np.zeros((len(feats), len(vocab)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    y = np.array(labels, dtype=float)
    print(f"{len(y)} claims in {len(seen)} articles, {int(y.sum())} positive; {len(vocab)} features")

    # out-of-fold probabilities, folds by article
    names = sorted(seen)
    fold_of = {n: i % FOLDS for i, n in enumerate(names)}
    fold = np.array([fold_of[g] for g in groups])
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        w = fit(x[fold != k], y[fold != k])
        oof[fold == k] = predict(x[fold == k], w)

    def f1_at(t: float) -> dict[str, float]:
        kept: dict[str, list] = {n: [] for n in gold}
        for (n, i), p in zip(keys, oof, strict=True):
            if p >= t:
                kept[n].append(pred[n][i])
        m, _, _ = sa.score(gold, kept)
        return {r: m["partial"][r]["f1"] for r in ("cue", "source", "content", "all")}

    print("| threshold | cue | source | content | all |\n|---|---|---|---|---|")
    best = (0.0, -1.0)
    for t in [0.0, *np.arange(0.2, 0.52, 0.02)]:
        s = f1_at(float(t))
        print(f"| {t:.2f} | " + " | ".join(f"{s[r]:.4f}" for r in ("cue", "source", "content", "all")) + " |")
        if s["all"] > best[1]:
            best = (round(float(t), 2), s["all"])
    print(f"threshold {best[0]:.2f} (out-of-fold partial all F1 {best[1]:.4f})")
    w = fit(x, y)
    weights = {k: round(float(v), 4) for k, v in zip(vocab, w[:-1], strict=True) if abs(v) >= 1e-4}
    model = {
        "about": "Claim confidence: logistic weights over newsledger.extract.confidence.claim_features, "
        "fit by bench/train_claim_confidence.py on newsledger's claims in the PolNeAR train split (no "
        "licence stated by PolNeAR; see docs/ARCHITECTURE.md).",
        "threshold": best[0],
        "bias": round(float(w[-1]), 4),
        "weights": dict(sorted(weights.items())),
    }
    if args.write:
        path = ROOT / "src" / "newsledger" / "data" / "claim_weights.json"
        path.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote", path.relative_to(ROOT), len(weights), "weights")


if __name__ == "__main__":
    main()
