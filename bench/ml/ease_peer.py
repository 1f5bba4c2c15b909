"""EASE recomputed with numpy/scipy from docs/ml.md rather than the C# code (Steck 2019): X is the customers' 200 most
recent purchased items (binary: every interaction here is a purchase, which the service counts 1 for EASE),
P = (XᵀX + λI)⁻¹ through LAPACK's Cholesky (dpotrf, dpotri), B(i, j) = -P(i, j) / P(j, j) off the diagonal; each item
keeps its largest positive weights B(i, ·), which the item-to-item scoring of item_knn_peer reads as neighbors."""
import numpy as np
from scipy.linalg import lapack

ALL = None  # keep every positive weight


def inverse(gram, regularization):
    """(G + λI)⁻¹, full symmetric."""
    factor, info = lapack.dpotrf(gram + regularization * np.eye(len(gram)), lower=1)
    if info != 0:
        raise ValueError(f"dpotrf failed ({info})")
    result, info = lapack.dpotri(factor, lower=1)
    if info != 0:
        raise ValueError(f"dpotri failed ({info})")
    return np.tril(result) + np.tril(result, -1).T


def weights(matrix, regularization):
    """B of EASE for the customers × items matrix, dense, zero diagonal."""
    gram = (matrix.T @ matrix).toarray().astype(float)
    p = inverse(gram, regularization)
    b = -p / np.diag(p)[None, :]
    np.fill_diagonal(b, 0)
    return b


def table(b, count):
    """Per item, its `count` largest positive weights (ties: lower item number), as (items, weights)."""
    result = []
    for item in range(b.shape[0]):
        others = np.flatnonzero(b[item] > 0)
        order = np.lexsort((others, -b[item, others]))
        if count is not ALL:
            order = order[:count]
        result.append((others[order], b[item, others[order]]))
    return result
