"""An independent content-based evaluation with scikit-learn, following docs/ml.md ("## Content-based
recommendations") rather than the C# code, on the rows bench/ActorSegments.MlCheck exported (content_interactions.csv,
content_catalog.csv, content_catalog_before.csv, content_ours.csv).

Items: TfidfVectorizer(lowercase, token_pattern=r"(?u)[^\\W_]{2,}", the project's stop words; smooth idf, L2 norm:
scikit-learn's defaults) over each item's text. A customer's profile: the sum of the vectors of the items of its
interactions before 2011-09-01, each weighted by its kind (view 1, cart add 2, purchase 3) times 0.5^(age / 60 days),
the age from the customer's latest interaction. Candidates: cosine to the profile, positive only, items the customer
bought excluded, ties by item id, ten kept. Customers and figures as RecommendationEvaluation: each customer with a
history before the split who bought items new to it after; segments: items never purchased by anyone before the
split, and customers whose purchases before the split share one moment (one order).

Usage: python3 bench/ml/content_peer.py DIR
"""
import sys

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from sklearn.feature_extraction.text import TfidfVectorizer

SPLIT = 1314835200  # 2011-09-01T00:00:00Z
K = 10
HALF_LIFE = 60 * 86400.0
WEIGHTS = {"View": 1.0, "CartAdd": 2.0, "Purchase": 3.0}
STOP_WORDS = ["an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "of", "on", "or",
              "the", "to", "with"]


def targets(interactions):
    before = interactions[interactions["at"] < SPLIT]
    after = interactions[(interactions["at"] >= SPLIT) & (interactions.kind == "Purchase")]
    histories = {c: g for c, g in before.groupby("customer_id", sort=False)}
    result = []
    for customer, lines in sorted(after.groupby("customer_id", sort=False), key=lambda p: p[0]):
        if customer not in histories:
            continue
        history = histories[customer]
        bought = set(history[history.kind == "Purchase"].item_id)
        relevant = set(lines.item_id) - bought
        if relevant:
            result.append((customer, history, bought, relevant))
    return result


def recommend(catalog, found):
    vectorizer = TfidfVectorizer(lowercase=True, token_pattern=r"(?u)[^\W_]{2,}", stop_words=STOP_WORDS)
    vectors = vectorizer.fit_transform(catalog.text.fillna(""))
    ids = catalog.item_id.to_numpy()
    index = {item: i for i, item in enumerate(ids)}
    lists = []
    for _, history, bought, _ in found:
        latest = history["at"].max()
        rows, weights = [], []
        for item, kind, at in zip(history.item_id, history.kind, history["at"]):
            if item in index:
                rows.append(index[item])
                weights.append(WEIGHTS[kind] * 0.5 ** ((latest - at) / HALF_LIFE))
        if not rows:
            lists.append([])
            continue
        combination = sparse.csr_matrix((weights, ([0] * len(rows), rows)), shape=(1, len(ids)))
        profile = combination @ vectors
        norm = np.sqrt(profile.multiply(profile).sum())
        if norm == 0:
            lists.append([])
            continue
        scores = np.asarray((vectors @ profile.T).todense()).ravel() / norm
        keep = np.flatnonzero(scores > 0)
        keep = keep[[ids[i] not in bought for i in keep]]
        order = sorted(keep, key=lambda i: (-scores[i], ids[i]))[:K]
        lists.append([ids[i] for i in order])
    return lists


def evaluate(interactions, found, lists):
    sold_before = set(interactions[(interactions["at"] < SPLIT) & (interactions.kind == "Purchase")].item_id)
    segments = {"all": [], "new_items": [], "one_order": []}
    for (_, history, _, relevant), recommended in zip(found, lists):
        hits = sum(item in relevant for item in recommended)
        segments["all"].append((hits / K, hits / len(relevant)))
        new = {item for item in relevant if item not in sold_before}
        if new:
            new_hits = sum(item in new for item in recommended)
            segments["new_items"].append((new_hits / K, new_hits / len(new)))
        if history[history.kind == "Purchase"]["at"].nunique() == 1:
            segments["one_order"].append((hits / K, hits / len(relevant)))
    return {name: (len(rows), np.mean([r[0] for r in rows]), np.mean([r[1] for r in rows])) for name, rows in segments.items()}


def main(directory):
    read = {"customer_id": str, "item_id": str, "kind": str}
    interactions = pd.read_csv(f"{directory}/content_interactions.csv", dtype=read, keep_default_na=False)
    ours = pd.read_csv(f"{directory}/content_ours.csv", keep_default_na=False).set_index("name").value
    found = targets(interactions)
    print("| catalog | segment | customers | precision@10 | recall@10 | ours precision@10 | ours recall@10 |")
    print("|---|---|---|---|---|---|---|")
    for name, file in (("content", "content_catalog.csv"), ("content_before", "content_catalog_before.csv")):
        catalog = pd.read_csv(f"{directory}/{file}", dtype=str, keep_default_na=False)
        figures = evaluate(interactions, found, recommend(catalog, found))
        for segment, (customers, precision, recall) in figures.items():
            mine = [float(ours[f"{name}_{segment}_{m}"]) for m in ("precision_at_10", "recall_at_10")]
            print(f"| {file} | {segment} | {customers:,} | {precision:.4f} | {recall:.4f} | {mine[0]:.4f} | {mine[1]:.4f} |")


if __name__ == "__main__":
    main(sys.argv[1])
