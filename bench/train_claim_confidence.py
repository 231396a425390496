"""Fit the claim-confidence weights (src/newsledger/data/claim_weights.json) on PolNeAR train.

    .venv/bin/python bench/train_claim_confidence.py [--shared ../shared] [--pred F] [--dev-pred F] [--write]

1. ``newsledger extract --no-clean --min-confidence 0`` on the train and dev texts: every claim the rules
   find.
2. Each claim is labelled by the scorer's own pairing (shared/scorers/score_attribution.py): positive when
   its mean partial credit over cue, source and content (precision side) is above one half; unpaired
   claims are negative.
3. An L2-regularised logistic regression over ``extract/confidence.py``'s features, fit by Newton's method
   (numpy). Features seen fewer than three times are left out.
4. The threshold: the one that maximises the partial-credit F1 of whole attributions on train and dev
   together, with each train article's claims scored by a model fit on the other folds (5 folds by
   article) and dev's by the model fit on all of train, so the threshold is never chosen on the data the
   weights were fit on. The F1 is averaged over each grid point and its two neighbours first: near the top
   the curve is flat and single points differ by noise.

Prints the threshold table and, with ``--write``, writes the weights. Train and dev are read, never test.
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

    from newsledger.nlp import TOKENIZER_RULES, get_nlp

    nlp = get_nlp()
    model = f"{nlp.meta['name']}-{nlp.meta['version']}-t{TOKENIZER_RULES}"
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


def rule_output(gold_dir: Path, pred_path: Path) -> None:
    """Every claim the rules find in a split's texts (``extract --min-confidence 0``)."""
    pred_path.parent.mkdir(parents=True, exist_ok=True)
    texts = sorted((gold_dir / "text").glob("*.txt"))
    with pred_path.open("wb") as fh:
        cmd = [sys.executable, "-m", "newsledger", "extract", "--no-clean", "--min-confidence", "0"]
        subprocess.run([*cmd, *map(str, texts)], stdout=fh, check=False)


def examples(
    sa: Any, pred_path: Path, pred: dict[str, Any], gold: dict[str, Any], docs: dict[str, Any]
) -> tuple[list, list, list, set[str]]:
    """The features, labels and (article, index) keys of every claim in an extract output (``pred``: the
    same output as the scorer reads it), and the articles read."""
    feats: list[dict[str, float]] = []
    labels: list[int] = []
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
            keys.append((name, i))
    return feats, labels, keys, seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--pred", type=Path, help="reuse this extract output (run with --min-confidence 0)")
    ap.add_argument("--dev-pred", type=Path, help="the same for the dev split")
    ap.add_argument("--write", action="store_true", help="write src/newsledger/data/claim_weights.json")
    args = ap.parse_args()
    sa = load_scorer(args.shared)
    data = args.shared / "data" / "polnear" / "data"
    out = ROOT / "bench" / "out"
    pred_path = args.pred or out / "confidence-train.jsonl"
    dev_path = args.dev_pred or out / "confidence-dev.jsonl"
    if args.pred is None:
        rule_output(data / "train", pred_path)
    if args.dev_pred is None:
        rule_output(data / "dev", dev_path)
    gold, _ = sa.load_gold(str(data / "train"))
    dev_gold, _ = sa.load_gold(str(data / "dev"))
    pred, _, _ = sa.load_pred(str(pred_path), gold)
    dev_pred, _, _ = sa.load_pred(str(dev_path), dev_gold)
    train_docs = parsed(data / "train", out / "polnear-train.spacy")
    feats, labels, keys, seen = examples(sa, pred_path, pred, gold, train_docs)
    dev_docs = parsed(data / "dev", out / "polnear-dev.spacy")
    dev_feats, _, dev_keys, _ = examples(sa, dev_path, dev_pred, dev_gold, dev_docs)
    groups = [n for n, _ in keys]
    counts = collections.Counter(k for f in feats for k, v in f.items() if v)
    vocab = sorted(k for k, n in counts.items() if n >= MIN_COUNT)
    index = {k: i for i, k in enumerate(vocab)}

    def matrix(rows: list[dict[str, float]]) -> np.ndarray:
        m = np.zeros((len(rows), len(vocab)))
        for r, f in enumerate(rows):
            for k, v in f.items():
                if k in index:
                    m[r, index[k]] = v
        return m

    x = matrix(feats)
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

    w = fit(x, y)
    on_dev = predict(matrix(dev_feats), w)  # dev is scored by the model fit on all of train

    def f1_at(t: float, which: str) -> dict[str, float]:
        golds = {"train": gold, "dev": dev_gold, "both": {**gold, **dev_gold}}[which]
        kept: dict[str, list] = {n: [] for n in golds}
        if which != "dev":
            for (n, i), p in zip(keys, oof, strict=True):
                if p >= t:
                    kept[n].append(pred[n][i])
        if which != "train":
            for (n, i), p in zip(dev_keys, on_dev, strict=True):
                if p >= t:
                    kept[n].append(dev_pred[n][i])
        m, _, _ = sa.score(golds, kept)
        return {r: m["partial"][r]["f1"] for r in ("cue", "source", "content", "all")}

    print("| threshold | train cue | source | content | all | dev all | train + dev all |")
    print("|---|---|---|---|---|---|---|")
    grid = [round(float(t), 2) for t in np.arange(0.2, 0.52, 0.02)]
    curve: dict[float, float] = {}
    for t in [0.0, *grid]:
        s = f1_at(t, "train")
        curve[t] = f1_at(t, "both")["all"]
        cells = [s[r] for r in ("cue", "source", "content", "all")] + [f1_at(t, "dev")["all"], curve[t]]
        print(f"| {t:.2f} | " + " | ".join(f"{v:.4f}" for v in cells) + " |")
    # The threshold is chosen on train (out of fold) and dev together. The curve is flat near its top,
    # where single points differ by noise: the threshold is the one whose neighbourhood (one grid step
    # either side) scores best on average.
    smooth = {t: float(np.mean([curve[u] for u in grid[max(0, i - 1) : i + 2]])) for i, t in enumerate(grid)}
    best = max(grid, key=lambda t: smooth[t])
    print(f"threshold {best:.2f} (train + dev all F1 {curve[best]:.4f}, around it {smooth[best]:.4f})")
    weights = {k: round(float(v), 4) for k, v in zip(vocab, w[:-1], strict=True) if abs(v) >= 1e-4}
    model = {
        "about": "Claim confidence: logistic weights over newsledger.extract.confidence.claim_features, "
        "fit by bench/train_claim_confidence.py on newsledger's claims in the PolNeAR train split, the "
        "threshold on train and dev (no licence stated by PolNeAR; see docs/ARCHITECTURE.md).",
        "threshold": best,
        "bias": round(float(w[-1]), 4),
        "weights": dict(sorted(weights.items())),
    }
    if args.write:
        path = ROOT / "src" / "newsledger" / "data" / "claim_weights.json"
        path.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote", path.relative_to(ROOT), len(weights), "weights")


if __name__ == "__main__":
    main()
