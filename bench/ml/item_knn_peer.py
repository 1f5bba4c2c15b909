"""An independent item-to-item evaluation with scipy, following docs/ml.md rather than the C# code: cosine similarity
of items over customers' 200 most recent purchased items (every interaction here is a purchase, so the vectors are
binary), pairs bought together by fewer than 2 customers ignored, or EASE weights (ease_peer.py); a customer's
candidates score the sum of their weights from its items, never an item it bought, popular items fill what is left.
The method and its settings are chosen as the service chooses them, on the data before the split only: item-kNN with
50 (the default), 10, 20 and 100 neighbors per item, then EASE with λ 300, 1000 and 3000 and 20 weights per item, each
trained before the last 30 days before the split and scored on those 30 days, the best precision@10 chosen (on a tie
the first listed). Then trained before the split, scored on each earlier customer's purchases after it of items new to
it, against popularity (distinct buyers before the split). If this agrees with the check, a shortfall is the
method's, not a bug's."""
import numpy as np
import pandas as pd
import scipy.sparse as sparse

import ease_peer

SPLIT = pd.Timestamp("2011-09-01")
VALIDATION = pd.Timedelta(days=30)
CANDIDATES = (("knn", 50), ("knn", 10), ("knn", 20), ("knn", 100), ("ease", 300), ("ease", 1000), ("ease", 3000))
EASE_KEPT = 20
SPARSIFIED = (10, 20, 50, 100, ease_peer.ALL)
K = 10
MAX_ITEMS_PER_CUSTOMER = 200
MINIMUM_CO_OCCURRENCE = 2


def neighbors(co_occurrence, norms, count):
    """Per item, its `count` most similar items (ties: lower item number) among those co-bought often enough."""
    result = []
    for item in range(co_occurrence.shape[0]):
        start, end = co_occurrence.indptr[item], co_occurrence.indptr[item + 1]
        others, together = co_occurrence.indices[start:end], co_occurrence.data[start:end]
        keep = (others != item) & (together >= MINIMUM_CO_OCCURRENCE)
        others, similarity = others[keep], together[keep] / (norms[item] * norms[others[keep]])
        order = np.lexsort((others, -similarity))[:count]
        result.append((others[order], similarity[order]))
    return result


def label(method, setting, kept=EASE_KEPT):
    if method == "knn":
        return f"item-kNN, {setting} neighbors per item"
    return f"EASE λ {setting:g}, {'all positive' if kept is ease_peer.ALL else kept} weights per item"


def suffix(method, setting):
    return f"n{setting}" if method == "knn" else f"ease{setting:g}"


def evaluate(lines, method, setting, split, kept=(EASE_KEPT,)):
    """Trains before the split and scores after it; for EASE once per count of weights kept (one inverse for all)."""
    train, test = lines[lines.time < split], lines[lines.time >= split]
    items = np.array(sorted(train.StockCode.unique()))
    index = {item: i for i, item in enumerate(items)}
    last = train.groupby(["customer", "StockCode"]).time.max().reset_index()
    recent = last.sort_values(["customer", "time", "StockCode"], ascending=[True, False, True]).groupby("customer").head(MAX_ITEMS_PER_CUSTOMER)
    customers = {c: i for i, c in enumerate(recent.customer.unique())}
    matrix = sparse.csr_matrix((np.ones(len(recent)), (recent.customer.map(customers), recent.StockCode.map(index))), shape=(len(customers), len(items)))
    if method == "knn":
        co_occurrence = (matrix.T @ matrix).tocsr()
        tables = [neighbors(co_occurrence, np.sqrt(co_occurrence.diagonal()), setting)]
    else:
        b = ease_peer.weights(matrix, setting)
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
    for method, setting in CANDIDATES:
        evaluated, model, _, _ = evaluate(before, method, setting, validation)[0]
        results.append(((method, setting), model[0]))
        mine = [ours.get(f"rec_validation_{name}_at_10_{suffix(method, setting)}", float("nan")) for name in ("precision", "recall")]
        print(f"| {label(method, setting)} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {mine[0]:.4f} | {mine[1]:.4f} |")
    best = max(precision for _, precision in results)
    chosen = next(candidate for candidate, precision in results if precision >= best - 1e-12)
    theirs = ours.get("rec_ease_lambda", float("nan"))
    print()
    print(f"Chosen: {label(*chosen)} (the check chose {'EASE λ %g' % theirs if theirs > 0 else 'item-kNN'}, {ours.get('rec_neighbors_per_item', float('nan')):g} per item).")
    print()
    if chosen[0] == "ease":
        sparsified(before, chosen[1], validation, ours)
    return chosen


def sparsified(before, regularization, validation, ours):
    """What keeping fewer or more EASE weights per item does on the validation split (one inverse for all counts)."""
    print(f"EASE λ {regularization:g} on the same validation split, by weights kept per item:")
    print()
    print("| kept | customers | precision@10 | recall@10 | ours precision@10 |")
    print("|---|---|---|---|---|")
    for count, (evaluated, model, _, _) in zip(SPARSIFIED, evaluate(before, "ease", regularization, validation, SPARSIFIED)):
        name = "all" if count is ease_peer.ALL else count
        print(f"| {label('ease', regularization, count)} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {ours.get(f'rec_sparsified_precision_at_10_k{name}', float('nan')):.4f} |")
    print()


def check(lines, ours):
    print("## Recommendations recomputed independently (scipy item-kNN and EASE, same method and selection)")
    print()
    method, setting = choose(lines, ours)
    evaluated, model, baseline, unseen = evaluate(lines, method, setting, SPLIT)[0]
    print("| method | customers | precision@10 | recall@10 | popularity precision@10 | popularity recall@10 | ratio | ours precision@10 | ours ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| {label(method, setting)} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {baseline[0]:.4f} | {baseline[1]:.4f} | {model[0] / baseline[0]:.2f}"
          f" | {ours.get('rec_precision_at_10', float('nan')):.4f} | {ours.get('rec_precision_ratio', float('nan')):.2f} |")
    print()
    print(f"Of the items customers bought new to them after the split, {unseen:.1%} were never sold before it: no model trained")
    print("before the split, nor popularity, can recommend those.")
    print()
