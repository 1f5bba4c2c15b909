"""The Online Retail lines cleaned as the data's README publishes, read with pandas (independently of the C# reader)."""
import pandas as pd


def clean_lines(data_path, customers):
    """Lines with a customer among `customers`, not cancelled, Quantity > 0 and UnitPrice > 0, with `customer` (the id
    without its ".0"), `time` and `amount` (Quantity x UnitPrice)."""
    lines = pd.read_csv(data_path, dtype={"CustomerID": str, "InvoiceNo": str, "StockCode": str})
    lines = lines[lines.CustomerID.notna() & ~lines.InvoiceNo.str.startswith("C") & (lines.Quantity > 0) & (lines.UnitPrice > 0)].copy()
    lines["customer"] = lines.CustomerID.str.replace(r"\.0+$", "", regex=True)
    lines = lines[lines.customer.isin(customers)]
    lines["time"] = pd.to_datetime(lines.InvoiceDate)
    lines["amount"] = lines.Quantity * lines.UnitPrice
    return lines
