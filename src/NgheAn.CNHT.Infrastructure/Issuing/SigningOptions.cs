namespace NgheAn.CNHT.Infrastructure.Issuing;

/// <summary>
/// Section <c>Signing</c>: the PKCS#12 certificate issued documents are signed with (ADR 0132). The password comes from
/// the environment (<c>Signing__CertificatePassword</c>) or a secrets file, never from a file in the repository; it is
/// never written to the database or the log.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>Path of the .p12/.pfx file (relative to the content root). Empty: no certificate configured.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Refuse to issue without a valid certificate, and fail the readiness check while it is missing, expired or locked.
    /// Default: true in Production, false elsewhere.
    /// </summary>
    public bool? Required { get; set; }

    /// <summary>
    /// Outside Production, with no certificate configured, a self-signed test certificate is made on first use in this
    /// folder (relative to the content root; App_Data is git-ignored). Every signature made with it says it is a test.
    /// </summary>
    public string TestCertificateFolder { get; set; } = "App_Data/signing";

    /// <summary>The agency whose signature the first page carries.</summary>
    public string AgencyName { get; set; } = "Sở Công Thương tỉnh Nghệ An";
}
