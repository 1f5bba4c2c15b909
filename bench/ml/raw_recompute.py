"""Recomputes the exported propensity rows from the raw Online Retail CSV with pandas, independently of the C# code:
which customers are eligible at each cutoff, the labels, and the purchase features that vary in this data. A
mismatch means the point-in-time rows the models were compared on are wrong, whatever the AUCs say."""
import numpy as np
import pandas as pd

WINDOW_DAYS = {"purchase_30d": 30, "churn_60d": 60}
# Float32 features against float64 recomputation: relative tolerance, and an absolute one for values near 0.
RELATIVE, ABSOLUTE = 1e-5, 1e-3


def invoices(lines):
    """One row per invoice: customer, time of its first line, revenue."""
    return lines.groupby("InvoiceNo", sort=False).agg(customer=("customer", "first"), time=("time", "first"), revenue=("amount", "sum"))


def expected(before, during, cutoff, outcome, index):
    """The features and label of each customer in index at cutoff, from its invoices before and in the window."""
    days_before = (cutoff - before.time).dt.total_seconds() / 86400
    by = before.groupby("customer")
    recent = before[days_before <= 30]
    return pd.DataFrame({
        "frequency": by.size(),
        "recency_days": (cutoff - by.time.max()).dt.total_seconds() / 86400,
        "monetary": by.revenue.sum(),
        "purchases_90d": before[days_before <= 90].groupby("customer").size(),
        "active_days_30d": recent.assign(day=recent.time.dt.floor("D")).groupby("customer").day.nunique(),
        "engagement": (5 * 0.5 ** (days_before / 14)).groupby(before.customer).sum(),
    }).reindex(index).fillna(0).assign(label=[(c in during) == (outcome == "purchase_30d") for c in index])


def check(directory, lines):
    all_invoices = invoices(lines)
    print("## Point-in-time rows recomputed from the raw CSV (pandas)")
    print()
    print("| outcome | set | rows | eligible customers differing | label mismatches | feature mismatches |")
    print("|---|---|---|---|---|---|")
    for outcome, window in WINDOW_DAYS.items():
        for part in ("train", "test"):
            rows = pd.read_csv(directory / f"propensity_{outcome}_{part}.csv", dtype={"customer_id": str})
            eligibility = labels = features = 0
            for cutoff_text, group in rows.groupby("cutoff"):
                cutoff = pd.Timestamp(cutoff_text)
                group = group.set_index("customer_id")
                before = all_invoices[all_invoices.time < cutoff]
                end = cutoff + pd.Timedelta(days=window)
                during = set(all_invoices[(all_invoices.time >= cutoff) & (all_invoices.time < end)].customer)
                eligibility += len(set(before.customer) ^ set(group.index))
                want = expected(before, during, cutoff, outcome, group.index)
                labels += int((want.label.to_numpy() != group.label.astype(bool).to_numpy()).sum())
                for column in want.columns.drop("label"):
                    got, wanted = group[column].to_numpy(), want[column].to_numpy()
                    features += int((np.abs(got - wanted) > np.maximum(ABSOLUTE, RELATIVE * np.abs(wanted))).sum())
            print(f"| {outcome} | {part} | {len(rows):,} | {eligibility} | {labels} | {features} |")
    print()
    print("Features compared: frequency, recency_days, monetary, purchases_90d, active_days_30d, engagement (5 points a purchase, half-life 14 days).")
    print()
