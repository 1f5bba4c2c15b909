"""Hindsight popularity: one global list ranked by how many evaluated customers bought each item new after the split
(uses the test labels: a ceiling for any non-personalised 'trend' signal, not a method)."""
import numpy as np
from common import *
val, test = get_splits()
for name, s in (("val", val), ("test", test)):
    demand = s.R.sum(0).astype(float)
    p = s.precision(np.tile(demand, (len(s.eval_customers), 1)))
    # leave-one-out version: the customer's own purchases don't count toward the demand it is scored with
    ploo = s.precision(demand[None, :] - s.R)
    print(f"{name}: popularity {s.popularity().mean():.4f}, hindsight popularity {p.mean():.4f}, leave-one-out hindsight {ploo.mean():.4f}")
