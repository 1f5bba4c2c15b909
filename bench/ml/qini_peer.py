#!/usr/bin/env python3
"""The Python peer of the C# Qini figures (src/ActorSegments.Domain/Modeling/Uplift): the same scores, arms and
outcomes, computed directly with numpy.

Qini curve (Radcliffe 2007, as scikit-uplift's qini_curve): customers sorted by score, highest first; the curve is
read at the last customer of each distinct score, Q(k) = Y_t(k) - Y_c(k) * N_t(k) / N_c(k) (Y_t(k) while N_c(k) = 0),
starting from (0, 0). The Qini coefficient is the trapezoidal area under (k / N, Q(k) / N) minus the area under the
random line from (0, 0) to (1, Q(N) / N). Uplift at k%: among the first floor(N * k / 100) customers of a stable
descending sort, the treated conversion rate minus the control's.

Usage:
  python3 bench/ml/qini_peer.py DIR      DIR/evaluation_scores.csv against DIR/csharp_figures.json (bench/uplift-check.sh)
  python3 bench/ml/qini_peer.py --csv FILE [--scores a b]   the figures of FILE's score columns, as JSON on stdout
The CSV has columns treated and converted (0/1) and one column per score. Exit codes: 0 agreement (or figures
printed), 1 disagreement, 77 numpy missing.
"""
import argparse
import csv
import json
import sys
from pathlib import Path

try:
    import numpy as np
except ImportError:  # the CI test skips on this code
    print("numpy is needed: apt-get install -y python3-numpy", file=sys.stderr)
    sys.exit(77)

TOLERANCE = 1e-9
PERCENTS = (10, 20, 30)


def read(path, scores):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    treated = np.array([int(r["treated"]) for r in rows], dtype=bool)
    converted = np.array([int(r["converted"]) for r in rows], dtype=float)
    return treated, converted, {name: np.array([float(r[name]) for r in rows]) for name in scores}


def qini(score, treated, converted):
    order = np.argsort(-score, kind="stable")
    s, t, y = score[order], treated[order], converted[order]
    # The last index of each run of equal scores: the curve is read only there.
    ends = np.r_[np.where(np.diff(s) != 0)[0], s.size - 1]
    n_t = np.cumsum(t)[ends]
    n_c = np.cumsum(~t)[ends]
    y_t = np.cumsum(y * t)[ends]
    y_c = np.cumsum(y * ~t)[ends]
    ratio = np.divide(n_t, n_c, out=np.zeros(n_t.shape, dtype=float), where=n_c != 0)
    q = np.r_[0.0, y_t - y_c * ratio]
    x = np.r_[0.0, (ends + 1) / s.size]
    y_axis = q / s.size
    area = float(np.sum((x[1:] - x[:-1]) * (y_axis[1:] + y_axis[:-1]) / 2))
    return {"qini_coefficient": area - y_axis[-1] / 2, "qini_total": float(q[-1]), "qini_points": int(q.size)}


def uplift_at(score, treated, converted, percent):
    top = np.argsort(-score, kind="stable")[: score.size * percent // 100]
    t, y = treated[top], converted[top]
    if t.sum() == 0 or (~t).sum() == 0:
        return None
    return float(y[t].mean() - y[~t].mean())


def figures(score, treated, converted):
    result = qini(score, treated, converted)
    for k in PERCENTS:
        result[f"uplift_at_{k}"] = uplift_at(score, treated, converted, k)
    return result


def compare(ours, theirs):
    """Rows of (score, figure, C#, Python, difference); a figure missing on one side counts as disagreeing."""
    rows = []
    for name, figs in ours.items():
        for key, value in figs.items():
            other = theirs.get(name, {}).get(key)
            diff = None if value is None or other is None else abs(value - other)
            rows.append((name, key, other, value, diff))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?")
    parser.add_argument("--csv")
    parser.add_argument("--scores", nargs="+", default=None)
    args = parser.parse_args()
    if args.csv:
        with open(args.csv, newline="") as handle:
            header = next(csv.reader(handle))
        names = args.scores or [c for c in header if c not in ("customer_id", "treated", "converted")]
        treated, converted, scores = read(args.csv, names)
        json.dump({n: figures(s, treated, converted) for n, s in scores.items()}, sys.stdout, indent=1)
        print()
        return 0
    if not args.dir:
        parser.error("give DIR or --csv FILE")
    folder = Path(args.dir)
    theirs = json.loads((folder / "csharp_figures.json").read_text())
    treated, converted, scores = read(folder / "evaluation_scores.csv", list(theirs))
    ours = {n: figures(s, treated, converted) for n, s in scores.items()}
    print(f"| score | figure | C# | Python (numpy {np.__version__}) | difference |")
    print("|---|---|---|---|---|")
    worst = 0.0
    agree = True
    for name, key, other, value, diff in compare(ours, theirs):
        if (value is None) != (other is None):
            agree = False
        worst = max(worst, diff or 0.0)
        print(f"| {name} | {key} | {other} | {value} | {diff if diff is not None else '-'} |")
    agree = agree and worst <= TOLERANCE
    print(f"\nLargest difference {worst:.3g} (tolerance {TOLERANCE}): {'agree' if agree else 'DISAGREE'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
