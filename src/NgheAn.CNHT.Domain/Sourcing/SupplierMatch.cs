using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Domain.Sourcing;

/// <summary>What the matcher knows of a published supplier: its codes, its certifications still valid today, the badge.</summary>
public sealed record SupplierFacts(string SectorCodes, string ProcessCodes, IReadOnlyCollection<string> ValidCertifications, bool CapabilityVerified);

/// <summary>One supplier weighed against one request: the score, and why, in Vietnamese.</summary>
public sealed record MatchResult(int Score, bool MeetsAll, IReadOnlyList<string> Reasons, IReadOnlyList<string> Missing)
{
    /// <summary>"Cùng ngành: Linh kiện cơ khí; có quy trình: Gia công CNC; chứng nhận ISO 9001 còn hiệu lực".</summary>
    public string Explanation => string.Join("; ", Reasons);

    public string MissingText => string.Join("; ", Missing);
}

/// <summary>
/// How the portal ranks suppliers for a sourcing request (ADR 0186), as a table the reader can scan: the sector is
/// required (a supplier of another sector is no match at all); each further criterion the buyer named adds its weight
/// when met and is listed as missing when not; the department's capability mark adds a little. Only published
/// profiles and only certifications still valid today are ever weighed (the caller reads them that way).
/// </summary>
public static class SupplierMatch
{
    public const int SectorWeight = 4;
    public const int ProcessWeight = 3;
    public const int CertificationWeight = 3;
    public const int VerifiedWeight = 1;

    public static bool SameSector(string requestSector, string supplierSectorCodes) =>
        supplierSectorCodes.Contains(";" + requestSector + ";", StringComparison.Ordinal);

    /// <summary>The match of one supplier, or null when its sector differs (not a candidate).</summary>
    public static MatchResult? Weigh(string sectorCode, string? processCode, string? certificationCode, SupplierFacts supplier)
    {
        if (!SameSector(sectorCode, supplier.SectorCodes))
        {
            return null;
        }

        var reasons = new List<string> { "Cùng ngành: " + (CnhtTaxonomy.Sector(sectorCode)?.NameVi ?? sectorCode) };
        var missing = new List<string>();
        var score = SectorWeight;
        if (processCode is not null)
        {
            var name = CnhtTaxonomy.Process(processCode)?.NameVi ?? processCode;
            if (supplier.ProcessCodes.Contains(";" + processCode + ";", StringComparison.Ordinal))
            {
                reasons.Add("có quy trình: " + name);
                score += ProcessWeight;
            }
            else
            {
                missing.Add("chưa có quy trình: " + name);
            }
        }

        if (certificationCode is not null)
        {
            var name = CnhtTaxonomy.Certification(certificationCode)?.NameVi ?? certificationCode;
            if (supplier.ValidCertifications.Contains(certificationCode))
            {
                reasons.Add("chứng nhận " + name + " còn hiệu lực");
                score += CertificationWeight;
            }
            else
            {
                missing.Add("chưa có chứng nhận " + name + " còn hiệu lực");
            }
        }

        if (supplier.CapabilityVerified)
        {
            reasons.Add("đã được Sở Công Thương xác nhận năng lực");
            score += VerifiedWeight;
        }

        return new MatchResult(score, missing.Count == 0, reasons, missing);
    }
}
