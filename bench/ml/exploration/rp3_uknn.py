"""RP3beta and user-kNN grids. Writes results_rp3_uknn.pkl."""
import time, pickle, numpy as np
from common import *
val, test = get_splits()
res = {}
t = time.time()
def rownorm(M):
    M = sparse.csr_matrix(M); s = np.asarray(M.sum(1)).ravel(); s[s == 0] = 1
    return sparse.diags(1 / s) @ M
for name, s in (("val", val), ("test", test)):
    Xbin_e = s.matrix(None)[s.eval_rows]
    for hl in (None, 120):
        X = s.matrix(hl)
        Pui, Piu = rownorm(X), rownorm(X.T)
        pop = np.asarray((X > 0).sum(0)).ravel().astype(float); pop[pop == 0] = 1
        for alpha in (0.5, 0.8, 1.0):
            W0 = (Piu.power(alpha) @ Pui.power(alpha)).toarray()
            np.fill_diagonal(W0, 0)
            for beta in (0.0, 0.2, 0.35, 0.5, 0.7):
                W1 = W0 / pop[None, :] ** beta
                for kept in (20, 100, "pos"):
                    W = cut(W1, None if kept == "pos" else kept)
                    for pname, P in (("bin", Xbin_e), ("rec", X[s.eval_rows])):
                        if pname == "rec" and not hl: continue
                        p = s.precision(np.asarray(P @ W))
                        res[(name, "rp3", hl, alpha, beta, kept, pname)] = p
                        print(name, "rp3", hl, alpha, beta, kept, pname, round(p.mean(), 4), round(time.time() - t), flush=True)
    # user-kNN: cosine over recency-weighted vectors
    for hl in (None, 60, 120):
        X = s.matrix(hl).tocsr()
        norms = np.sqrt(np.asarray(X.multiply(X).sum(1)).ravel()); norms[norms == 0] = 1
        Xn = sparse.diags(1 / norms) @ X
        sim = (Xn[s.eval_rows] @ Xn.T).toarray()
        sim[np.arange(len(s.eval_rows)), s.eval_rows] = 0
        for k in (10, 20, 50, 100, 200, 400):
            idx = np.argpartition(-sim, k, axis=1)[:, :k]
            Sk = np.zeros_like(sim); r = np.arange(sim.shape[0])[:, None]; Sk[r, idx] = sim[r, idx]
            for expo in (1, 2):
                for tname, T in (("bin", s.matrix(None)), ("rec", X)):
                    p = s.precision(np.asarray(sparse.csr_matrix(Sk ** expo) @ T).astype(float) if False else (sparse.csr_matrix(Sk ** expo) @ T).toarray())
                    res[(name, "uknn", hl, k, expo, tname)] = p
                    print(name, "uknn", hl, k, expo, tname, round(p.mean(), 4), round(time.time() - t), flush=True)
    pickle.dump(res, open(os.path.join(WORK, "results_rp3_uknn.pkl"), "wb"))
