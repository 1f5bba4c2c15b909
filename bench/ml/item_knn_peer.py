"""An independent item-to-item evaluation with scipy, following docs/ml.md rather than the C# code: cosine similarity
of items over customers' 200 most recent purchased items (every interaction here is a purchase, so the vectors are
binary), pairs bought together by fewer than 2 customers ignored, or EASE weights (ease_peer.py); a customer's
candidates score the sum of their weights from its items, never an item it bought, popular items fill what is left.
The method and its settings are chosen as the service chooses them, on the data before the split only: item-kNN with
50 (the default), 10, 20 and 100 neighbors per item, then EASE with λ 300, 1000 and 3000 and 20 weights per item, then
item-kNN with 20 neighbors and EASE at each λ with the matrix weighted by recency (a customer's item counts
0.5^(days from its latest purchase to the training data's latest / 120); co-purchase counts for the item-kNN
threshold stay counts), each trained before the last 30 days before the split and scored on those 30 days, the best
precision@10 chosen (on a tie the first listed). Then trained before the split, scored on each earlier customer's purchases after it of items new to
it, against popularity (distinct buyers before the split). If this agrees with the check, a shortfall is the
method's, not a bug's."""
import numpy as np
import pandas as pd
import scipy.sparse as sparse

import ease_peer

SPLIT = pd.Timestamp("2011-09-01")
VALIDATION = pd.Timedelta(days=30)
HALF_LIFE = 120
CANDIDATES = (("knn", 50, None), ("knn", 10, None), ("knn", 20, None), ("knn", 100, None), ("ease", 300, None), ("ease", 1000, None), ("ease", 3000, None),
              ("knn", 20, HALF_LIFE), ("ease", 300, HALF_LIFE), ("ease", 1000, HALF_LIFE), ("ease", 3000, HALF_LIFE))
EASE_KEPT = 20
SPARSIFIED = (10, 20, 50, 100, ease_peer.ALL)
K = 10
MAX_ITEMS_PER_CUSTOMER = 200
MINIMUM_CO_OCCURRENCE = 2


def neighbors(co_occurrence, dots, norms, count):
    """Per item, its `count` most similar items (ties: lower item number) among those co-bought often enough; `dots`
    holds the weighted dot products on the same pattern as the counts."""
    result = []
    for item in range(co_occurrence.shape[0]):
        start, end = co_occurrence.indptr[item], co_occurrence.indptr[item + 1]
        others, together = co_occurrence.indices[start:end], co_occurrence.data[start:end]
        dot = dots.indices[dots.indptr[item]:dots.indptr[item + 1]], dots.data[dots.indptr[item]:dots.indptr[item + 1]]
        assert np.array_equal(dot[0], others)
        keep = (others != item) & (together >= MINIMUM_CO_OCCURRENCE)
        others, similarity = others[keep], dot[1][keep] / (norms[item] * norms[others[keep]])
        order = np.lexsort((others, -similarity))[:count]
        result.append((others[order], similarity[order]))
    return result


def label(method, setting, half_life=None, kept=EASE_KEPT):
    recency = f", recency half-life {half_life} days" if half_life else ""
    if method == "knn":
        return f"item-kNN, {setting} neighbors per item{recency}"
    return f"EASE λ {setting:g}, {'all positive' if kept is ease_peer.ALL else kept} weights per item{recency}"


def suffix(method, setting, half_life=None):
    return (f"n{setting}" if method == "knn" else f"ease{setting:g}") + (f"h{half_life}" if half_life else "")


def evaluate(lines, method, setting, split, kept=(EASE_KEPT,), half_life=None):
    """Trains before the split and scores after it; for EASE once per count of weights kept (one inverse for all)."""
    train, test = lines[lines.time < split], lines[lines.time >= split]
    items = np.array(sorted(train.StockCode.unique()))
    index = {item: i for i, item in enumerate(items)}
    last = train.groupby(["customer", "StockCode"]).time.max().reset_index()
    recent = last.sort_values(["customer", "time", "StockCode"], ascending=[True, False, True]).groupby("customer").head(MAX_ITEMS_PER_CUSTOMER)
    customers = {c: i for i, c in enumerate(recent.customer.unique())}
    shape, cells = (len(customers), len(items)), (recent.customer.map(customers), recent.StockCode.map(index))
    matrix = sparse.csr_matrix((np.ones(len(recent)), cells), shape=shape)
    weighted = matrix
    if half_life:
        age_days = (train.time.max() - recent.time).dt.total_seconds().to_numpy() / 86_400
        weighted = sparse.csr_matrix((0.5 ** (age_days / half_life), cells), shape=shape)
    if method == "knn":
        co_occurrence = (matrix.T @ matrix).tocsr()
        dots = (weighted.T @ weighted).tocsr()
        dots.sort_indices()
        co_occurrence.sort_indices()
        tables = [neighbors(co_occurrence, dots, np.sqrt(dots.diagonal()), setting)]
    else:
        b = ease_peer.weights(weighted, setting)
        tables = [ease_peer.table(b, count) for count in kept]
        del b
    buyers = train.groupby("StockCode").customer.nunique().reindex(items).to_numpy()
    popular = np.lexsort((np.arange(len(items)), -buyers))
    rank = np.empty(len(items), dtype=int)
    rank[popular] = np.arange(len(items))

    bought = train.groupby("customer").StockCode.agg(set)
    profile = recent.groupby("customer").StockCode.agg(list)
    return [score(table, items, index, popular, rank, bought, profile, test) for table in tables]


def score(table, items, index, popular, rank, bought, profile, test):
    model, baseline, evaluated = [0.0, 0.0], [0.0, 0.0], 0
    known, new = set(items), [0, 0]
    for customer, after in test.groupby("customer").StockCode.agg(set).items():
        if customer not in bought.index or not (relevant := after - bought[customer]):
            continue
        scores = np.zeros(len(items))
        for item in profile[customer]:
            others, similarity = table[index[item]]
            np.add.at(scores, others, similarity)
        owned = [index[item] for item in bought[customer]]
        scores[owned] = 0
        voted = np.flatnonzero(scores > 0)
        ranked = list(voted[np.lexsort((rank[voted], -scores[voted]))])
        fill = [i for i in popular if items[i] not in bought[customer]]
        chosen = list(dict.fromkeys(ranked + fill))[:K]
        for tally, recommended in ((model, chosen), (baseline, fill[:K])):
            hits = len(relevant & set(items[recommended]))
            tally[0] += hits / K
            tally[1] += hits / len(relevant)
        evaluated += 1
        new[0] += len(relevant - known)
        new[1] += len(relevant)
    return evaluated, [s / evaluated for s in model], [s / evaluated for s in baseline], new[0] / new[1]


def choose(lines, ours):
    """The selection on the data before the split only; prints each candidate's validation figures next to ours."""
    before, validation = lines[lines.time < SPLIT], SPLIT - VALIDATION
    print(f"Validation: trained before {validation:%Y-%m-%d}, scored on purchases from then to {SPLIT:%Y-%m-%d}.")
    print()
    print("| candidate | customers | precision@10 | recall@10 | ours precision@10 | ours recall@10 |")
    print("|---|---|---|---|---|---|")
    results = []
    for method, setting, half_life in CANDIDATES:
        evaluated, model, _, _ = evaluate(before, method, setting, validation, half_life=half_life)[0]
        results.append(((method, setting, half_life), model[0]))
        mine = [ours.get(f"rec_validation_{name}_at_10_{suffix(method, setting, half_life)}", float("nan")) for name in ("precision", "recall")]
        print(f"| {label(method, setting, half_life)} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {mine[0]:.4f} | {mine[1]:.4f} |")
    best = max(precision for _, precision in results)
    chosen = next(candidate for candidate, precision in results if precision >= best - 1e-12)
    theirs, their_half_life = ours.get("rec_ease_lambda", float("nan")), ours.get("rec_half_life_days", 0)
    print()
    print(f"Chosen: {label(*chosen)} (the check chose {'EASE λ %g' % theirs if theirs > 0 else 'item-kNN'}, {ours.get('rec_neighbors_per_item', float('nan')):g} per item"
          f"{', recency half-life %g days' % their_half_life if their_half_life > 0 else ''}).")
    print()
    if chosen[0] == "ease":
        sparsified(before, chosen[1], validation, ours, chosen[2])
    return chosen


def sparsified(before, regularization, validation, ours, half_life):
    """What keeping fewer or more EASE weights per item does on the validation split (one inverse for all counts)."""
    print(f"EASE λ {regularization:g} on the same validation split, by weights kept per item:")
    print()
    print("| kept | customers | precision@10 | recall@10 | ours precision@10 |")
    print("|---|---|---|---|---|")
    for count, (evaluated, model, _, _) in zip(SPARSIFIED, evaluate(before, "ease", regularization, validation, SPARSIFIED, half_life)):
        name = "all" if count is ease_peer.ALL else count
        print(f"| {label('ease', regularization, half_life, count)} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {ours.get(f'rec_sparsified_precision_at_10_k{name}', float('nan')):.4f} |")
    print()


def check(lines, ours):
    print("## Recommendations recomputed independently (scipy item-kNN and EASE, same method and selection)")
    print()
    method, setting, half_life = choose(lines, ours)
    evaluated, model, baseline, unseen = evaluate(lines, method, setting, SPLIT, half_life=half_life)[0]
    print("| method | customers | precision@10 | recall@10 | popularity precision@10 | popularity recall@10 | ratio | ours precision@10 | ours ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| {label(method, setting, half_life)} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {baseline[0]:.4f} | {baseline[1]:.4f} | {model[0] / baseline[0]:.2f}"
          f" | {ours.get('rec_precision_at_10', float('nan')):.4f} | {ours.get('rec_precision_ratio', float('nan')):.2f} |")
    print()
    print(f"Of the items customers bought new to them after the split, {unseen:.1%} were never sold before it: no model trained")
    print("before the split, nor popularity, can recommend those.")
    print()
