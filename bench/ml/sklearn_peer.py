#!/usr/bin/env python3
"""The scikit-learn peer of bench/ActorSegments.MlCheck: the same exported rows through scikit-learn.

Cohorts: KMeans(n_clusters=k, n_init=10, random_state=0) on the exact scaled rows the check clustered, and the
silhouette of both labelings on all rows (sklearn.metrics.silhouette_score, Euclidean), the way the check computes
ours. Propensity: GradientBoostingClassifier() with its defaults on the exact training rows, AUC on the exact test
rows, on the 17 tabular features (the reference) and on every exported feature (to tell the features from the
learner); also with other seeds, since its trees break ties between equally good splits at random. Recommendations have
no scikit-learn peer: their goal is against the popularity baseline the check measured itself.

Usage: python3 bench/ml/sklearn_peer.py DIR [--data PATH]
  DIR: the check's --out directory. With --data (the Online Retail CSV the check read), the exported propensity rows
  are also recomputed from the raw data (raw_recompute.py) and the recommendation figures, with the choice of
  method (item-kNN or EASE) and its settings on the data before the split, by an independent item-to-item
  implementation (item_knn_peer.py, ease_peer.py).
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import adjusted_rand_score, roc_auc_score, silhouette_score

import item_knn_peer
import raw_recompute
import retail_lines

SILHOUETTE_TOLERANCE = 0.02
AUC_TOLERANCE = 0.01
PRECISION_RATIO_GOAL = 3.0
OUTCOMES = ["purchase_30d", "churn_60d"]
EXTRA_SEEDS = [1, 2, 3, 4]


def within(ours, theirs, tolerance):
    return "met" if abs(ours - theirs) <= tolerance else "not met"


def cohorts(directory, ours, goals):
    rows = pd.read_csv(directory / "cohorts.csv")
    features = [c for c in rows.columns if c not in ("customer_id", "cohort")]
    x = rows[features].to_numpy(dtype=np.float64)
    our_labels = rows["cohort"].to_numpy()
    k = int(ours["k"])
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
    theirs = silhouette_score(x, model.labels_)
    recomputed = silhouette_score(x, our_labels)
    our_inertia = sum(((x[our_labels == c] - x[our_labels == c].mean(axis=0)) ** 2).sum() for c in range(k)) / len(x)
    print(f"## Cohorts: scikit-learn KMeans(n_clusters={k}, n_init=10, random_state=0) on the same {len(x):,} scaled rows")
    print()
    print("| | ours | scikit-learn | difference |")
    print("|---|---|---|---|")
    print(f"| silhouette, all rows | {ours['silhouette_full']:.4f} | {theirs:.4f} | {ours['silhouette_full'] - theirs:+.4f} |")
    print(f"| inertia per row (within-cluster sum of squares / rows) | {our_inertia:.4f} | {model.inertia_ / len(x):.4f} | {our_inertia - model.inertia_ / len(x):+.4f} |")
    print(f"| cluster sizes | {sorted(np.bincount(our_labels, minlength=k).tolist(), reverse=True)} | {sorted(np.bincount(model.labels_, minlength=k).tolist(), reverse=True)} | |")
    print()
    print(f"Adjusted Rand index between the two labelings: {adjusted_rand_score(our_labels, model.labels_):.4f}.")
    print(f"Our silhouette recomputed by scikit-learn from our labels: {recomputed:.6f} (ours {ours['silhouette_full']:.6f}).")
    print()
    goals.append((f"silhouette within {SILHOUETTE_TOLERANCE} of scikit-learn (k = {k})", f"{ours['silhouette_full']:.4f}", f"{theirs:.4f}",
                  f"{ours['silhouette_full'] - theirs:+.4f}", within(ours["silhouette_full"], theirs, SILHOUETTE_TOLERANCE)))


# The tabular reference: the 17 totals and windowed counts any customer table holds (CustomerFeatures.TabularCount);
# the check's rows also carry the journal features after them.
TABULAR = ["recency_days", "frequency", "monetary", "avg_order_value", "purchases_90d", "days_since_active", "tenure_days",
           "active_days_30d", "event_types", "engagement", "email_open_rate", "email_click_rate", "products_viewed",
           "categories_viewed", "views_30d", "cart_adds_30d", "cart_abandonment"]
AUC_LIFT_GOAL = 0.02


def gradient_boosting_aucs(train, test, features):
    x_train, y_train = train[features].to_numpy(dtype=np.float64), train["label"].to_numpy()
    x_test, y_test = test[features].to_numpy(dtype=np.float64), test["label"].to_numpy()
    return [roc_auc_score(y_test, GradientBoostingClassifier(random_state=seed).fit(x_train, y_train).predict_proba(x_test)[:, 1])
            for seed in [0] + EXTRA_SEEDS]


def propensity(directory, ours, goals):
    print("## Propensity: scikit-learn GradientBoostingClassifier() on the same rows")
    print()
    print("Tabular: the 17 tabular features, the reference. All: with the journal features too, as ours is trained.")
    print()
    print("| outcome | train rows | test rows | ours AUC (all) | ours AUC (tabular) | scikit-learn AUC tabular (random_state=0) | seeds 0-4 | "
          "scikit-learn AUC all (random_state=0) | seeds 0-4 | ours - scikit-learn tabular | ours Brier before / after calibration |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for outcome in OUTCOMES:
        train = pd.read_csv(directory / f"propensity_{outcome}_train.csv")
        test = pd.read_csv(directory / f"propensity_{outcome}_test.csv")
        every = [c for c in train.columns if c not in ("customer_id", "cutoff", "label")]
        tabular = gradient_boosting_aucs(train, test, TABULAR)
        full = gradient_boosting_aucs(train, test, every)
        our_auc = ours[f"auc_{outcome}"]
        recomputed = roc_auc_score(test["label"], test["our_score"])
        if abs(recomputed - our_auc) > 1e-6:
            print(f"warning: our AUC recomputed by scikit-learn from our scores is {recomputed:.6f}, the check printed {our_auc:.6f}")
        print(f"| {outcome} | {len(train):,} | {len(test):,} | {our_auc:.4f} | {ours[f'auc_{outcome}_tabular']:.4f} | {tabular[0]:.4f} | "
              f"{min(tabular):.4f} to {max(tabular):.4f} | {full[0]:.4f} | {min(full):.4f} to {max(full):.4f} | {our_auc - tabular[0]:+.4f} | "
              f"{ours[f'brier_{outcome}_uncalibrated']:.4f} / {ours[f'brier_{outcome}']:.4f} |")
        goals.append((f"{outcome} AUC at least scikit-learn on the tabular rows + {AUC_LIFT_GOAL}", f"{our_auc:.4f}", f"{tabular[0]:.4f}",
                      f"{our_auc - tabular[0]:+.4f}", "met" if our_auc - tabular[0] >= AUC_LIFT_GOAL else "not met"))
        goals.append((f"{outcome}: the learner, ours within {AUC_TOLERANCE} of scikit-learn on the same features (tabular)",
                      f"{ours[f'auc_{outcome}_tabular']:.4f}", f"{tabular[0]:.4f}", f"{ours[f'auc_{outcome}_tabular'] - tabular[0]:+.4f}",
                      within(ours[f"auc_{outcome}_tabular"], tabular[0], AUC_TOLERANCE)))
        goals.append((f"{outcome}: scikit-learn given the journal features too (all {len(every)})", f"{our_auc:.4f}", f"{full[0]:.4f}",
                      f"{our_auc - full[0]:+.4f}", "for reference"))
    print()


def recommendations(ours, goals):
    ratio = ours["rec_precision_ratio"]
    goals.append((f"precision@10 at least {PRECISION_RATIO_GOAL:g}x popularity",
                  f"{ours['rec_precision_at_10']:.4f} ({'EASE λ %g' % ours['rec_ease_lambda'] if ours.get('rec_ease_lambda', 0) > 0 else 'item-kNN'},"
                  f" {ours['rec_neighbors_per_item']:g} per item, chosen before the split)",
                  f"popularity {ours['rec_popularity_precision_at_10']:.4f}", f"x{ratio:.2f}", "met" if ratio >= PRECISION_RATIO_GOAL else "not met"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--data", type=Path)
    arguments = parser.parse_args()
    directory = arguments.directory
    ours = pd.read_csv(directory / "ours.csv").set_index("name")["value"].astype(float).to_dict()
    if arguments.data is not None:
        customers = set(pd.read_csv(directory / "cohorts.csv", dtype={"customer_id": str}).customer_id)
        lines = retail_lines.clean_lines(arguments.data, customers)
        raw_recompute.check(directory, lines)
        item_knn_peer.check(lines, ours)
    goals = []
    cohorts(directory, ours, goals)
    propensity(directory, ours, goals)
    recommendations(ours, goals)
    print("## Goals")
    print()
    print("| goal | ours | peer | difference | |")
    print("|---|---|---|---|---|")
    for goal in goals:
        print("| " + " | ".join(goal) + " |")


if __name__ == "__main__":
    main()
