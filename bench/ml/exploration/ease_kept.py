"""EASE kept-count edge check on validation: fewer than 20 weights per item."""
import numpy as np
from common import *
val, _ = get_splits(); s = val
for hl in (60, 120):
    B = ease_B(s.matrix(hl), 300)
    for kept in (5, 10, 15, 20, 30):
        for prof in ("bin", "rec"):
            P = s.matrix(None if prof == "bin" else hl)[s.eval_rows]
            print("val ease", hl, 300, kept, prof, round(s.precision(np.asarray(P @ cut(B, kept))).mean(), 4), flush=True)
