#!/usr/bin/env python3
"""Reference figures for the experiment statistics (src/ActorSegments.Domain/Experiments/Statistics).

Generates seeded data sets, computes every figure with scipy and statsmodels (or, for the mixture SPRT, which neither
has, with the formula as documented on MixtureSprt), and writes reference.json next to this file. The C# tests compare
against that committed file, so a machine without scipy still checks the figures; a test regenerates it where scipy is
installed and fails if it no longer matches.

    /usr/bin/python3 make_reference.py [--out PATH]

Exit code 77 when numpy, scipy or statsmodels is missing (the regeneration test then skips).
"""
import argparse
import json
import math
import os
import platform
import sys

try:
    import numpy as np
    import scipy
    import statsmodels
    from scipy import stats
    from statsmodels.stats.multitest import multipletests
    from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_confint, proportions_ztest,
                                              samplesize_proportions_2indep_onetail)
    from statsmodels.stats.weightstats import CompareMeans, DescrStatsW
except ImportError as missing:
    print(f"make_reference.py needs numpy, scipy and statsmodels: {missing}", file=sys.stderr)
    sys.exit(77)

LEVEL = 0.95
ALPHA = 1 - LEVEL
MIXING_VARIANCE = 0.05 * 0.05  # MixtureSprt.DefaultStandardizedMixingVariance


def customers(rng, n, rate, revenue_mu, revenue_sigma):
    """n customers: converted with probability rate; a converter's revenue is log-normal, everyone else's 0."""
    converted = rng.random(n) < rate
    revenue = np.where(converted, np.round(rng.lognormal(revenue_mu, revenue_sigma, n), 2), 0.0)
    return converted, revenue


def totals(converted, revenue):
    n = len(revenue)
    mean = math.fsum(revenue) / n
    return {
        "customers": n,
        "conversions": int(converted.sum()),
        "revenue_sum": math.fsum(revenue),
        "revenue_sum_of_squares": math.fsum(revenue * revenue),
        "revenue_mean": mean,
        "revenue_squared_deviations": math.fsum((revenue - mean) ** 2),
    }


def arm_figures(converted, revenue):
    n, x = len(revenue), int(converted.sum())
    wilson = proportion_confint(x, n, alpha=ALPHA, method="wilson")
    mean = stats.t.interval(LEVEL, n - 1, loc=np.mean(revenue), scale=stats.sem(revenue))
    return {"rate": x / n, "rate_lower": wilson[0], "rate_upper": wilson[1],
            "revenue_mean": float(np.mean(revenue)), "revenue_lower": mean[0], "revenue_upper": mean[1]}


def comparison(control, treatment):
    (cc, cr), (tc, tr) = control, treatment
    nc, xc, nt, xt = len(cr), int(cc.sum()), len(tr), int(tc.sum())
    diff = confint_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff", alpha=ALPHA)
    ratio = confint_proportions_2indep(xt, nt, xc, nc, method="log", compare="ratio", alpha=ALPHA)
    # The same interval written out, as MixtureSprt's is below: the two must agree before either is trusted.
    se_log = math.sqrt(1 / xt - 1 / nt + 1 / xc - 1 / nc)
    z = stats.norm.isf(ALPHA / 2)
    own = (math.exp(math.log((xt / nt) / (xc / nc)) - z * se_log), math.exp(math.log((xt / nt) / (xc / nc)) + z * se_log))
    assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(ratio, own)), (ratio, own)
    welch = stats.ttest_ind(tr, cr, equal_var=False)
    welch_interval = CompareMeans(DescrStatsW(tr), DescrStatsW(cr)).tconfint_diff(alpha=ALPHA, usevar="unequal")
    return {
        "lift": xt / nt - xc / nc, "lift_lower": diff[0], "lift_upper": diff[1],
        "lift_p": float(proportions_ztest([xt, xc], [nt, nc])[1]),
        "relative_lift": (xt / nt) / (xc / nc) - 1, "relative_lower": ratio[0] - 1, "relative_upper": ratio[1] - 1,
        "revenue_difference": float(np.mean(tr) - np.mean(cr)),
        "revenue_lower": welch_interval[0], "revenue_upper": welch_interval[1], "revenue_p": float(welch.pvalue),
    }


def dataset(name, seed, total, arms, assignment=None):
    """arms: (name, weight, rate, revenue mu, revenue sigma), the control first; `total` customers split by a
    multinomial draw on the weights (or on the shares in `assignment`, to make a sample-ratio mismatch)."""
    rng = np.random.default_rng(seed)
    weights = np.array([a[1] for a in arms], dtype=float)
    counts = rng.multinomial(total, (assignment if assignment is not None else weights / weights.sum()))
    data = [customers(rng, int(n), rate, mu, sigma) for n, (_, _, rate, mu, sigma) in zip(counts, arms)]
    comparisons = [dict(arm=arms[i][0], **comparison(data[0], data[i])) for i in range(1, len(arms))]
    for key in ("lift_p", "revenue_p"):
        adjusted = multipletests([c[key] for c in comparisons], method="holm")[1]
        for c, a in zip(comparisons, adjusted):
            c[key + "_holm"] = float(a)
    counts = [int(c) for c in counts]
    srm = stats.chisquare(counts, f_exp=[sum(counts) * w / weights.sum() for w in weights])
    return {
        "name": name, "seed": seed, "control": arms[0][0],
        "arms": [dict(name=a[0], weight=a[1], **totals(*d), expected=arm_figures(*d)) for a, d in zip(arms, data)],
        "comparisons": comparisons,
        "sample_ratio": {"chi_square": float(srm.statistic), "p": float(srm.pvalue)},
    }


def msprt_look(previous, estimate, control_variance, nc, treatment_variance, nt):
    """One look of the mixture SPRT with a normal mixture, as documented on MixtureSprt."""
    v = treatment_variance / nt + control_variance / nc
    tau2 = MIXING_VARIANCE * (nt * treatment_variance + nc * control_variance) / (nt + nc)
    log_ratio = 0.5 * math.log(v / (v + tau2)) + estimate ** 2 * tau2 / (2 * v * (v + tau2))
    half = math.sqrt(v * (v + tau2) / tau2 * (2 * math.log(1 / ALPHA) + math.log((v + tau2) / v)))
    p, lower, upper = min(1.0, math.exp(-log_ratio)), estimate - half, estimate + half
    if previous is not None:
        p, lower, upper = min(p, previous["p"]), max(lower, previous["lower"]), min(upper, previous["upper"])
    return {"estimate": estimate, "p": p, "lower": lower, "upper": upper}


def sequential(name, seed, batch, looks, control_rate, treatment_rate, treatment_mu):
    rng = np.random.default_rng(seed)
    stream = {"control": ([], []), "treatment": ([], [])}
    result, conversion, revenue = [], None, None
    for _ in range(looks):
        for arm, rate, mu in (("control", control_rate, 3.0), ("treatment", treatment_rate, treatment_mu)):
            converted, values = customers(rng, batch, rate, mu, 1.0)
            stream[arm][0].append(converted)
            stream[arm][1].append(values)
        (cc, cr), (tc, tr) = [(np.concatenate(stream[a][0]), np.concatenate(stream[a][1])) for a in ("control", "treatment")]
        nc, nt, pc, pt = len(cr), len(tr), cc.mean(), tc.mean()
        conversion = msprt_look(conversion, pt - pc, pc * (1 - pc), nc, pt * (1 - pt), nt)
        revenue = msprt_look(revenue, float(np.mean(tr) - np.mean(cr)), float(np.var(cr, ddof=1)), nc, float(np.var(tr, ddof=1)), nt)
        result.append({"control": totals(cc, cr), "treatment": totals(tc, tr), "conversion": conversion, "revenue": revenue})
    return {"name": name, "seed": seed, "looks": result}


def sample_size(baseline, mde, power, alpha):
    p2 = baseline + mde
    pooled = (baseline + p2) / 2
    own = ((stats.norm.isf(alpha / 2) * math.sqrt(2 * pooled * (1 - pooled))
            + stats.norm.ppf(power) * math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2))) / mde) ** 2
    statsmodels_n = samplesize_proportions_2indep_onetail(mde, baseline, power, ratio=1, alpha=alpha, alternative="two-sided")
    return {"baseline": baseline, "mde": mde, "power": power, "alpha": alpha,
            "exact": own, "statsmodels": float(statsmodels_n), "customers_per_arm": math.ceil(own)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json"))
    out = parser.parse_args().out
    reference = {
        "generator": "make_reference.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "level": LEVEL,
        "datasets": [
            dataset("two arms, 5 % vs 6 %", 1801, 8000, [("control", 1, 0.05, 3.5, 1.0), ("treatment", 1, 0.06, 3.5, 1.0)]),
            dataset("four arms, control weighted 2", 1802, 12000, [
                ("control", 2, 0.10, 3.0, 1.0), ("b", 1, 0.10, 3.0, 1.0), ("c", 1, 0.11, 3.1, 1.0), ("d", 1, 0.13, 3.0, 1.2)]),
            dataset("small arms", 1803, 115, [("control", 1, 0.20, 2.0, 0.8), ("treatment", 1, 0.30, 2.2, 0.8)]),
            dataset("rare conversions, heavy revenue", 1804, 5000, [("control", 1, 0.006, 4.0, 2.0), ("treatment", 1, 0.009, 4.0, 2.0)]),
            # p-values near 1e-30: a tail computed as 1 − CDF would come out as 0 here.
            dataset("strong effect", 1809, 16000, [("control", 1, 0.05, 3.0, 1.0), ("treatment", 1, 0.09, 3.4, 1.0)]),
            dataset("sample-ratio mismatch", 1805, 20000, [("control", 1, 0.08, 3.0, 1.0), ("treatment", 1, 0.08, 3.0, 1.0)],
                    assignment=[0.52, 0.48]),
            dataset("three arms 50/25/25, mismatched", 1808, 9000, [("control", 2, 0.1, 3.0, 1.0), ("b", 1, 0.1, 3.0, 1.0), ("c", 1, 0.1, 3.0, 1.0)],
                    assignment=[0.5, 0.27, 0.23]),
        ],
        "sequential": [
            sequential("no difference", 1806, 400, 8, 0.08, 0.08, 3.0),
            sequential("treatment better", 1807, 500, 10, 0.08, 0.11, 3.3),
        ],
        "sample_size": [sample_size(*args) for args in [
            (0.05, 0.01, 0.8, 0.05), (0.10, 0.02, 0.9, 0.01), (0.5, 0.05, 0.8, 0.05), (0.01, 0.002, 0.8, 0.05), (0.3, 0.1, 0.95, 0.1)]],
        "holm": [{"p": p, "adjusted": [float(a) for a in multipletests(p, method="holm")[1]]} for p in [
            [0.01, 0.04, 0.03, 0.005], [0.5, 0.5, 0.5], [0.001, 0.9], [0.02], [0.04, 0.01, 0.04, 0.3, 0.0001]]],
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
