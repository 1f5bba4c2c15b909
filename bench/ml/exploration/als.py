"""Implicit ALS (Hu/Koren/Volinsky 2008), exact per-row closed-form solves with numpy. Writes results_als.pkl.
Usage: als.py val|test  [configs as f,reg,alpha,hl,iters ...]"""
import sys, time, pickle, numpy as np, scipy.linalg as sl
from common import *
val, test = get_splits()
s = val if sys.argv[1] == "val" else test
def als(X, f, reg, alpha, iters, seed=0):
    X = X.tocsr(); XT = X.T.tocsr()
    rng = np.random.default_rng(seed)
    U = rng.normal(0, 0.01, (X.shape[0], f)); V = rng.normal(0, 0.01, (X.shape[1], f))
    I = reg * np.eye(f)
    def half(M, Y, out):
        G = Y.T @ Y + I
        for u in range(M.shape[0]):
            a, b = M.indptr[u], M.indptr[u + 1]
            if a == b: out[u] = 0; continue
            idx, c = M.indices[a:b], alpha * M.data[a:b]
            Yu = Y[idx]
            A = G + (Yu.T * c) @ Yu
            out[u] = sl.solve(A, Yu.T @ (1 + c), assume_a="pos")
    for _ in range(iters):
        half(X, V, U); half(XT, U, V)
    return U, V
res = {}
t = time.time()
for cfg in sys.argv[2:]:
    f, reg, alpha, hl, iters = cfg.split(",")
    f, reg, alpha, iters = int(f), float(reg), float(alpha), int(iters)
    hl = None if hl == "none" else float(hl)
    U, V = als(s.matrix(hl), f, reg, alpha, iters)
    p = s.precision(U[s.eval_rows] @ V.T)
    res[(sys.argv[1], "als", f, reg, alpha, hl, iters)] = p
    print(sys.argv[1], "als", f, reg, alpha, hl, iters, round(p.mean(), 4), round(time.time() - t), flush=True)
    pickle.dump(res, open(os.path.join(WORK, f"results_als_{sys.argv[1]}_{sys.argv[2].replace(',', '_')}.pkl"), "wb"))
