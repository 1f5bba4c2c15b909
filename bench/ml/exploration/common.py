"""Shared harness reproducing item_knn_peer.evaluate/score exactly, vectorised: any method gives a dense score matrix
(evaluated customers x training items); scores <= 0 fall back to popularity order, owned items never recommended."""
import sys, os, pickle
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, pandas as pd, scipy.sparse as sparse
import retail_lines, ease_peer
from item_knn_peer import SPLIT, VALIDATION, K, MAX_ITEMS_PER_CUSTOMER

# Where intermediate results go, and the data: bench/recommendation-ceiling.sh sets both.
WORK = os.environ.get("RECOMMENDATION_EXPLORATION_DIR", "/tmp/actorsegments-recommendation-exploration")
DATA = os.environ.get("ONLINE_RETAIL_CSV", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/data/online-retail/online-retail.csv.gz"))
os.makedirs(WORK, exist_ok=True)
CACHE = os.path.join(WORK, "lines.pkl")

def load_lines():
    if os.path.exists(CACHE):
        return pd.read_pickle(CACHE)
    # Every customer id of the file: cleaning keeps the lines of those with a valid purchase, the check's customers.
    ids = pd.read_csv(DATA, usecols=["CustomerID"], dtype={"CustomerID": str}).CustomerID.dropna()
    lines = retail_lines.clean_lines(DATA, set(ids.str.replace(r"\.0+$", "", regex=True)))
    lines = lines[["customer", "StockCode", "time", "Quantity", "amount", "InvoiceNo"]]
    lines.to_pickle(CACHE)
    return lines

class Split:
    def __init__(self, lines, split):
        train, test = lines[lines.time < split], lines[lines.time >= split]
        self.train = train
        self.items = np.array(sorted(train.StockCode.unique())); self.index = {it: i for i, it in enumerate(self.items)}
        n = len(self.items)
        last = train.groupby(["customer", "StockCode"]).time.max().reset_index()
        self.last = last
        recent = last.sort_values(["customer", "time", "StockCode"], ascending=[True, False, True]).groupby("customer").head(MAX_ITEMS_PER_CUSTOMER)
        self.recent = recent
        self.customers = {c: i for i, c in enumerate(recent.customer.unique())}
        self.tmax = train.time.max()
        self.rows = recent.customer.map(self.customers).to_numpy(); self.cols = recent.StockCode.map(self.index).to_numpy()
        self.age = (self.tmax - recent.time).dt.total_seconds().to_numpy() / 86400
        self.shape = (len(self.customers), n)
        buyers = train.groupby("StockCode").customer.nunique().reindex(self.items).to_numpy()
        self.buyers = buyers
        self.popular = np.lexsort((np.arange(n), -buyers)); self.rank = np.empty(n, int); self.rank[self.popular] = np.arange(n)
        bought = train.groupby("customer").StockCode.agg(set)
        ev, rel_rows, rel_cols, nrel, nknown = [], [], [], [], []
        for customer, after in test.groupby("customer").StockCode.agg(set).items():
            if customer not in bought.index or not (relevant := after - bought[customer]):
                continue
            ev.append(customer)
            known = [self.index[i] for i in relevant if i in self.index]
            rel_rows += [len(ev) - 1] * len(known); rel_cols += known; nrel.append(len(relevant)); nknown.append(len(known))
        self.eval_customers = ev
        self.eval_rows = np.array([self.customers[c] for c in ev])
        self.R = sparse.csr_matrix((np.ones(len(rel_rows)), (rel_rows, rel_cols)), shape=(len(ev), n)).toarray() > 0
        self.nrel, self.nknown = np.array(nrel), np.array(nknown)
        # owned: all items bought before split (not only the 200 most recent)
        b_rows, b_cols = [], []
        for r, c in enumerate(ev):
            for it in bought[c]:
                b_rows.append(r); b_cols.append(self.index[it])
        self.owned = sparse.csr_matrix((np.ones(len(b_rows)), (b_rows, b_cols)), shape=(len(ev), n)).toarray() > 0

    def matrix(self, half_life=None):
        w = 0.5 ** (self.age / half_life) if half_life else np.ones(len(self.age))
        return sparse.csr_matrix((w, (self.rows, self.cols)), shape=self.shape)

    def topk(self, S):
        """Top-K per evaluated customer: positive scores desc (ties by popularity), then popularity; owned excluded."""
        S = np.where(self.owned, -1.0, np.maximum(S, 0.0))
        out = np.empty((S.shape[0], K), int)
        for r in range(S.shape[0]):
            # only positive candidates + popular fill matter; argpartition for speed then exact lexsort on a shortlist
            row = S[r]
            cand = np.argpartition(-row, K + 50)[:K + 50] if row.size > K + 50 else np.arange(row.size)
            # include the most popular non-owned items in case positives < K
            cand = np.union1d(cand, self.popular[:K + len(self.owned[r].nonzero()[0]) + 1][: 10 * K + 2000])
            kth = np.sort(row[cand])[::-1][K - 1]
            cand = np.union1d(cand, np.flatnonzero(row >= kth))
            order = np.lexsort((self.rank[cand], -row[cand]))
            out[r] = cand[order][:K]
        return out

    def precision(self, S):
        """Per-customer precision@10 array."""
        top = self.topk(S)
        return self.R[np.arange(len(top))[:, None], top].sum(1) / K

    def popularity(self):
        return self.precision(np.zeros((len(self.eval_customers), len(self.items))))

def ease_B(X, lam):
    return ease_peer.weights(X, lam)

def cut(B, count):
    """Keep per row the `count` largest positive weights (as item_knn_peer/ease_peer.table), dense."""
    if count is None:
        return np.where(B > 0, B, 0.0)
    Bp = np.where(B > 0, B, 0.0)
    idx = np.argpartition(-Bp, count, axis=1)[:, :count]
    out = np.zeros_like(B)
    r = np.arange(B.shape[0])[:, None]
    out[r, idx] = Bp[r, idx]
    return out

def get_splits():
    lines = load_lines()
    before = lines[lines.time < SPLIT]
    return Split(before, SPLIT - VALIDATION), Split(lines, SPLIT)
