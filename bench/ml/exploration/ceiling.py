"""Informative ceilings on the test (and validation) split."""
import numpy as np
from common import *
val, test = get_splits()
for name, s in (("val", val), ("test", test)):
    n = len(s.eval_customers)
    oracle = np.minimum(s.nknown, K) / K
    top500 = np.zeros(len(s.items), bool); top500[s.popular[:500]] = True
    none500 = (s.R & top500).sum(1) == 0
    print(f"{name}: customers {n}, relevant new items/customer mean {s.nrel.mean():.1f} median {np.median(s.nrel):.0f}, "
          f"share of relevant never sold before split {1 - s.nknown.sum() / s.nrel.sum():.3f}")
    print(f"  oracle p@10 restricted to items sold before the split: {oracle.mean():.4f}; customers with <10 known relevant: {(s.nknown < 10).mean():.3f}; with 0: {(s.nknown == 0).mean():.3f}")
    print(f"  customers whose new purchases include none of the top-500 popular items: {none500.mean():.3f}")
    for N in (10, 50, 100, 200, 500, 1000):
        S = np.zeros((n, len(s.items))); 
        # recall of the N most popular unowned items
        Pm = np.zeros(len(s.items)); Pm[s.popular] = -np.arange(len(s.items))
        cand = np.argsort(np.where(s.owned, -1e9, Pm[None, :]), axis=1)[:, ::-1][:, :N]
        hit = s.R[np.arange(n)[:, None], cand].sum(1)
        print(f"  popularity top-{N} unowned: mean hits {hit.mean():.2f}, share of known relevant covered {hit.sum() / s.nknown.sum():.3f}, customers with >=1 hit {(hit > 0).mean():.3f}")
    print(f"  popularity p@10 {s.popularity().mean():.4f}; 3x target {3 * s.popularity().mean():.4f}")
