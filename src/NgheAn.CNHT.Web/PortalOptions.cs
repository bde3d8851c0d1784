namespace NgheAn.CNHT.Web;

/// <summary>Section <c>Portal</c>: start-up behaviour.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Apply migrations and the reference catalog when the portal starts (the SQLite file is created on first start).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Listen before the database is prepared (migrations check, catalog, seeders), which then runs in the background while
    /// every request but <c>/health/live</c> waits for it (Operations/BackgroundInitialization, issue 21, ADR 0105). On by
    /// default; the key ring and the mail outbox wait for it too (Infrastructure/Startup/DatabaseGate).
    /// </summary>
    public bool InitializeInBackground { get; set; } = true;

    /// <summary>Load the sample data on start (and, in Development only, the demo accounts).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// The portal's public address (https://cnht.sct.nghean.gov.vn) printed in the QR code and short link of issued
    /// documents. Empty: the address of the request that issues the document.
    /// </summary>
    public string? PublicUrl { get; set; }
}
