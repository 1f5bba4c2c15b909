"""RP3beta grid extension on validation only (alpha/kept were at the grid edge)."""
import pickle, time, numpy as np
from common import *
val, _ = get_splits(); s = val
def rownorm(M):
    M = sparse.csr_matrix(M); s_ = np.asarray(M.sum(1)).ravel(); s_[s_ == 0] = 1
    return sparse.diags(1 / s_) @ M
res = {}; t = time.time()
P = s.matrix(None)[s.eval_rows]
for hl in (30, 60, 120):
    X = s.matrix(hl); pop = np.asarray((X > 0).sum(0)).ravel().astype(float)
    for alpha in (0.2, 0.35, 0.5):
        W0 = (rownorm(X.T).power(alpha) @ rownorm(X).power(alpha)).toarray(); np.fill_diagonal(W0, 0)
        for beta in (0.4, 0.5, 0.6):
            W1 = W0 / pop[None, :] ** beta
            for kept in (10, 20, 50):
                p = s.precision(np.asarray(P @ cut(W1, kept)))
                res[("val", "rp3", hl, alpha, beta, kept, "bin")] = p
                print("val rp3", hl, alpha, beta, kept, "bin", round(p.mean(), 4), round(time.time() - t), flush=True)
pickle.dump(res, open(os.path.join(WORK, "results_rp3_ext.pkl"), "wb"))
