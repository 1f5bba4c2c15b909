"""Rebuilds the validation-chosen configuration of each family, rank-fuses the best two (weights chosen on validation),
and compares every chosen method with the current best (EASE λ300, h120, 20 kept, binary profile) per test customer."""
import sys, json, pickle, time, numpy as np
from common import *
val, test = get_splits()
CHOSEN = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chosen.json")))

def rownorm(M):
    M = sparse.csr_matrix(M); s_ = np.asarray(M.sum(1)).ravel(); s_[s_ == 0] = 1
    return sparse.diags(1 / s_) @ M

def scores(s, family, p):
    if family == "ease":
        hl, lam, kept, prof = p
        B = ease_B(s.matrix(hl), lam); W = B if kept == "dense" else cut(B, None if kept == "pos" else kept)
        P = {"bin": s.matrix(None), "rec": s.matrix(hl), "rec30": s.matrix(30), "rec60": s.matrix(60)}[prof][s.eval_rows]
        return np.asarray(P @ W)
    if family == "rp3":
        hl, alpha, beta, kept, prof = p
        X = s.matrix(hl); pop = np.asarray((X > 0).sum(0)).ravel().astype(float); pop[pop == 0] = 1
        W = (rownorm(X.T).power(alpha) @ rownorm(X).power(alpha)).toarray(); np.fill_diagonal(W, 0)
        W = cut(W / pop[None, :] ** beta, None if kept == "pos" else kept)
        P = (s.matrix(None) if prof == "bin" else X)[s.eval_rows]
        return np.asarray(P @ W)
    if family == "uknn":
        hl, k, expo, tname = p
        X = s.matrix(hl).tocsr(); norms = np.sqrt(np.asarray(X.multiply(X).sum(1)).ravel()); norms[norms == 0] = 1
        Xn = sparse.diags(1 / norms) @ X
        sim = (Xn[s.eval_rows] @ Xn.T).toarray(); sim[np.arange(len(s.eval_rows)), s.eval_rows] = 0
        idx = np.argpartition(-sim, k, axis=1)[:, :k]; Sk = np.zeros_like(sim); r = np.arange(sim.shape[0])[:, None]; Sk[r, idx] = sim[r, idx]
        return (sparse.csr_matrix(Sk ** expo) @ (s.matrix(None) if tname == "bin" else X)).toarray()
    if family == "als":
        from als_lib import als
        f, reg, alpha, hl, iters = p
        U, V = als(s.matrix(hl), f, reg, alpha, iters)
        return U[s.eval_rows] @ V.T

def ranks(s, S):
    """Rank (0 best) of every item in the method's own list (positive scores, then popularity), owned items last."""
    S = np.where(s.owned, -1.0, np.maximum(S, 0.0)); out = np.empty(S.shape, int)
    for r in range(S.shape[0]):
        order = np.lexsort((s.rank, -S[r])); out[r, order] = np.arange(S.shape[1])
    return out

t = time.time()
ref = {"val": np.load(os.path.join(WORK, "ref_val.npy")), "test": np.load(os.path.join(WORK, "ref_test.npy"))}
pop = {"val": np.load(os.path.join(WORK, "pop_val.npy")), "test": np.load(os.path.join(WORK, "pop_test.npy"))}
per, R = {}, {}
for fam, p in CHOSEN.items():
    for name, s in (("val", val), ("test", test)):
        S = scores(s, fam, [None if x == "none" else x for x in p])
        per[(fam, name)] = s.precision(S); R[(fam, name)] = ranks(s, S)
    print(fam, p, "val", per[(fam, "val")].mean().round(4), "test", per[(fam, "test")].mean().round(4), round(time.time() - t), flush=True)
# ensemble of the two best families on validation
best2 = sorted(CHOSEN, key=lambda f: -per[(f, "val")].mean())[:2]
print("fusing", best2)
grid = {}
for k0 in (5, 20, 60):
    for w in (0.25, 0.5, 1.0, 2.0, 4.0):
        for name, s in (("val", val), ("test", test)):
            F = 1 / (k0 + R[(best2[0], name)]) + w / (k0 + R[(best2[1], name)])
            F = np.where(s.owned, -1, F)
            grid[(k0, w, name)] = s.precision(F * 1e3)
        print("rrf", k0, w, "val", grid[(k0, w, "val")].mean().round(4), "test", grid[(k0, w, "test")].mean().round(4), flush=True)
kbest = max(((k0, w) for k0, w, n in grid if n == "val"), key=lambda kw: grid[(*kw, "val")].mean())
per[("rrf", "val")], per[("rrf", "test")] = grid[(*kbest, "val")], grid[(*kbest, "test")]
print("rrf chosen on validation", kbest)
print()
print("| method | val p@10 | test p@10 | test ratio to pop | test diff vs current best | SE | z |")
print("|---|---|---|---|---|---|---|")
print(f"| current best EASE λ300 h120 k20 | {ref['val'].mean():.4f} | {ref['test'].mean():.4f} | {ref['test'].mean() / pop['test'].mean():.2f} | 0 | | |")
for fam in list(CHOSEN) + ["rrf"]:
    d = per[(fam, "test")] - ref["test"]; se = d.std(ddof=1) / np.sqrt(len(d))
    print(f"| {fam} | {per[(fam, 'val')].mean():.4f} | {per[(fam, 'test')].mean():.4f} | {per[(fam, 'test')].mean() / pop['test'].mean():.2f} | {d.mean():+.4f} | {se:.4f} | {d.mean() / se:+.2f} |")
pickle.dump(per, open(os.path.join(WORK, "final_per_customer.pkl"), "wb"))
