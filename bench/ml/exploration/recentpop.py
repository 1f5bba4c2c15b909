"""Popularity over only the last N days before the split (distinct buyers), N chosen on validation: how much of the
drift a simple recency-aware baseline recovers."""
import numpy as np
from common import *
val, test = get_splits()
for name, s in (("val", val), ("test", test)):
    out = []
    for days in (7, 14, 30, 60, 90):
        w = s.train[s.train.time >= s.tmax - pd.Timedelta(days=days)]
        b = w.groupby("StockCode").customer.nunique().reindex(s.items).fillna(0).to_numpy()
        out.append(f"{days}d {s.precision(np.tile(b, (len(s.eval_customers), 1))).mean():.4f}")
    print(name, "recent-window popularity:", ", ".join(out), flush=True)
