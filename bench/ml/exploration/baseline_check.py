import time, numpy as np
from common import *
t=time.time()
val, test = get_splits()
print("loaded", time.time()-t, len(val.eval_customers), len(test.eval_customers), len(val.items), len(test.items), val.shape, test.shape)
for name, s in (("val", val), ("test", test)):
    pop = s.popularity()
    X = s.matrix(120); B = ease_B(X, 300); W = cut(B, 20)
    Xb = s.matrix(None)[s.eval_rows]
    S = np.asarray(Xb @ W)
    p = s.precision(S)
    print(name, "pop", pop.mean().round(4), "ease300 h120 k20", p.mean().round(4), time.time()-t, flush=True)
    np.save(os.path.join(WORK, f"ref_{name}.npy"), p); np.save(os.path.join(WORK, f"pop_{name}.npy"), pop)
