"""EASE variants: half-life x lambda x weights kept x scoring-time profile weighting. Writes results_ease.pkl."""
import time, pickle, itertools, numpy as np
from common import *
val, test = get_splits()
res = {}
t = time.time()
for name, s in (("val", val), ("test", test)):
    Xbin = s.matrix(None)[s.eval_rows]
    for hl in (None, 30, 60, 90, 120, 180):
        X = s.matrix(hl)
        profiles = {"bin": Xbin, "rec": s.matrix(hl)[s.eval_rows] if hl else None, "rec30": s.matrix(30)[s.eval_rows], "rec60": s.matrix(60)[s.eval_rows]}
        for lam in (100, 300, 1000, 3000):
            B = ease_B(X, lam)
            for kept in (20, 50, "pos", "dense"):
                W = B if kept == "dense" else cut(B, None if kept == "pos" else kept)
                for pname, P in profiles.items():
                    if P is None: continue
                    p = s.precision(np.asarray(P @ W))
                    res[(name, "ease", hl, lam, kept, pname)] = p
                    print(name, hl, lam, kept, pname, round(p.mean(), 4), round(time.time() - t), flush=True)
    pickle.dump(res, open(os.path.join(WORK, "results_ease.pkl"), "wb"))
