namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// The longest text each field holds, one number per notion: the domain guards, the EF Core column sizes and the
/// workbook reader all take it from here, so a limit cannot drift between the check and the column (ADR 0160).
/// </summary>
public static class FieldLengths
{
    public const int ProgramCode = 20;
    public const int ProgramName = 500;
    public const int LegalBasis = 500;
    public const int CatalogCode = 10;
    public const int CatalogName = 1000;

    public const int ProposalCode = 30;
    public const int ProposalTitle = 500;
    /// <summary>Objectives, expected outputs, opinions, results, reasons and lifecycle comments.</summary>
    public const int LongText = 4000;
    public const int DecisionNumber = 100;

    public const int OrganizationName = 300;
    public const int TaxCode = 20;
    public const int Sector = 200;
    public const int District = 100;
    public const int Address = 500;
    public const int ContactPerson = 200;
    public const int Phone = 30;
    public const int Email = 200;

    public const int VoucherNumber = 50;
    public const int LedgerNote = 1000;

    public const int FileName = 255;
    public const int AttachmentDescription = 500;
    public const int UserName = 256;
}
