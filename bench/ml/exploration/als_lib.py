"""Implicit ALS (Hu/Koren/Volinsky 2008): exact per-row closed-form solves with numpy, shared by als.py and final.py."""
import numpy as np, scipy.linalg as sl
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
