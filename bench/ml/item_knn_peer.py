"""An independent item-to-item evaluation with scipy, following docs/ml.md rather than the C# code: cosine similarity
of items over customers' 200 most recent purchased items (every interaction here is a purchase, so the vectors are
binary), pairs bought together by fewer than 2 customers ignored; a customer's candidates score the sum of their
similarities to its items, never an item it bought, popular items fill what is left. Neighbors per item are chosen
as the service chooses them, on the data before the split only: each of 50 (the default), 10, 20 and 100 trained
before the last 30 days before the split and scored on those 30 days, the best precision@10 chosen (on a tie the
first listed). Then trained before the split, scored on each earlier customer's purchases after it of items new to
it, against popularity (distinct buyers before the split). If this agrees with the check, a shortfall is the
method's, not a bug's."""
import numpy as np
import pandas as pd
import scipy.sparse as sparse

SPLIT = pd.Timestamp("2011-09-01")
VALIDATION = pd.Timedelta(days=30)
CANDIDATES = (50, 10, 20, 100)
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


def evaluate(lines, neighbor_count, split):
    train, test = lines[lines.time < split], lines[lines.time >= split]
    items = np.array(sorted(train.StockCode.unique()))
    index = {item: i for i, item in enumerate(items)}
    last = train.groupby(["customer", "StockCode"]).time.max().reset_index()
    recent = last.sort_values(["customer", "time", "StockCode"], ascending=[True, False, True]).groupby("customer").head(MAX_ITEMS_PER_CUSTOMER)
    customers = {c: i for i, c in enumerate(recent.customer.unique())}
    matrix = sparse.csr_matrix((np.ones(len(recent)), (recent.customer.map(customers), recent.StockCode.map(index))), shape=(len(customers), len(items)))
    co_occurrence = (matrix.T @ matrix).tocsr()
    table = neighbors(co_occurrence, np.sqrt(co_occurrence.diagonal()), neighbor_count)
    buyers = train.groupby("StockCode").customer.nunique().reindex(items).to_numpy()
    popular = np.lexsort((np.arange(len(items)), -buyers))
    rank = np.empty(len(items), dtype=int)
    rank[popular] = np.arange(len(items))

    bought = train.groupby("customer").StockCode.agg(set)
    profile = recent.groupby("customer").StockCode.agg(list)
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
        for score, recommended in ((model, chosen), (baseline, fill[:K])):
            hits = len(relevant & set(items[recommended]))
            score[0] += hits / K
            score[1] += hits / len(relevant)
        evaluated += 1
        new[0] += len(relevant - known)
        new[1] += len(relevant)
    return evaluated, [s / evaluated for s in model], [s / evaluated for s in baseline], new[0] / new[1]


def choose(lines, ours):
    """The selection on the data before the split only; prints each candidate's validation figures next to ours."""
    before, validation = lines[lines.time < SPLIT], SPLIT - VALIDATION
    print(f"Validation: trained before {validation:%Y-%m-%d}, scored on purchases from then to {SPLIT:%Y-%m-%d}.")
    print()
    print("| neighbors per item | customers | precision@10 | recall@10 | ours precision@10 | ours recall@10 |")
    print("|---|---|---|---|---|---|")
    results = []
    for count in CANDIDATES:
        evaluated, model, _, _ = evaluate(before, count, validation)
        results.append((count, model[0]))
        mine = [ours.get(f"rec_validation_{name}_at_10_n{count}", float("nan")) for name in ("precision", "recall")]
        print(f"| {count} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {mine[0]:.4f} | {mine[1]:.4f} |")
    best = max(precision for _, precision in results)
    chosen = next(count for count, precision in results if precision >= best - 1e-12)
    print()
    print(f"Chosen: {chosen} neighbors per item (the check chose {ours.get('rec_neighbors_per_item', float('nan')):g}).")
    print()
    return chosen


def check(lines, ours):
    print("## Recommendations recomputed independently (scipy item-to-item, same method and selection)")
    print()
    count = choose(lines, ours)
    evaluated, model, baseline, unseen = evaluate(lines, count, SPLIT)
    print("| neighbors per item | customers | precision@10 | recall@10 | popularity precision@10 | popularity recall@10 | ratio |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {count} | {evaluated:,} | {model[0]:.4f} | {model[1]:.4f} | {baseline[0]:.4f} | {baseline[1]:.4f} | {model[0] / baseline[0]:.2f} |")
    print()
    print(f"Of the items customers bought new to them after the split, {unseen:.1%} were never sold before it: no model trained")
    print("before the split, nor popularity, can recommend those.")
    print()
