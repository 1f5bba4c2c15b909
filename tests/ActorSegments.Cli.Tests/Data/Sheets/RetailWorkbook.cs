namespace ActorSegments.Cli.Tests.Data.Sheets;

/// <summary>
/// Online Retail lines typed as the UCI download's "Online Retail.xlsx" stores them (invoice numbers, numeric stock
/// codes, quantities, prices and customer ids as numbers, with Excel's floating-point noise; dates as day numbers
/// with a date style; text as shared strings), and the same lines as the CSV layout the CLI has always read.
/// </summary>
internal static class RetailWorkbook
{
    public static readonly IReadOnlyList<IReadOnlyList<XCell>> Rows =
    [
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"],
        [536365, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, new XDate(new DateTime(2010, 12, 1, 8, 26, 0)), new XNumber("2.5499999999999998"), 17850, "United Kingdom"],
        [536365, 71053, "WHITE METAL LANTERN", 6, new XDate(new DateTime(2010, 12, 1, 8, 26, 0)), 3.39, 17850, "United Kingdom"],
        ["C536379", "D", "Discount", -1, new XDate(new DateTime(2010, 12, 1, 9, 41, 0)), 27.5, 14527, "United Kingdom"],
        [536381, "22139", new XRich("RETROSPOT ", "TEA SET"), 3, new XDate(new DateTime(2010, 12, 1, 9, 41, 0), CustomFormat: true), new XNumber("4.25"), new XNumber("15311"), "United Kingdom"],
        [536414, "22139", new XMissing(), 56, new XDate(new DateTime(2010, 12, 1, 11, 52, 0)), 0, new XMissing(), "United Kingdom"],
        [581587, "22613", "PACK OF 20 SPACEBOY NAPKINS", 12, new XDate(new DateTime(2011, 12, 9, 12, 50, 0)), new XNumber("0.84999999999999998"), 12680, new XInline("France")],
    ];

    public const string Csv = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
        536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
        C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom
        536381,22139,RETROSPOT TEA SET,3,2010-12-01 09:41:00,4.25,15311.0,United Kingdom
        536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom
        581587,22613,PACK OF 20 SPACEBOY NAPKINS,12,2011-12-09 12:50:00,0.85,12680.0,France

        """;
}
