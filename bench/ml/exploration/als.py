"""Implicit ALS (Hu/Koren/Volinsky 2008), exact per-row closed-form solves with numpy. Writes results_als.pkl.
Usage: als.py val|test  [configs as f,reg,alpha,hl,iters ...]"""
import sys, time, pickle, numpy as np
from common import *
from als_lib import als
val, test = get_splits()
s = val if sys.argv[1] == "val" else test
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
