using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace NgheAn.CNHT.Infrastructure.Issuing;

/// <summary>
/// The CMS signature PDFsharp embeds, made the PAdES baseline way (ETSI EN 319 142-1, B-B): SHA-256, detached, signed
/// attributes content-type, message-digest and ESS signing-certificate-v2, no signing-time (the time is the signature
/// dictionary's /M). PDFsharp 6.2.4 writes the SubFilter adbe.pkcs7.detached; just before the covered bytes are
/// read, the name is changed to ETSI.CAdES.detached, which has the same length, so no offset moves (ADR 0132).
/// </summary>
internal sealed class CadesSigner(X509Certificate2 certificate, MemoryStream output) : IDigitalSigner
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");
    private static readonly Oid SigningCertificateV2 = new("1.2.840.113549.1.9.16.2.47");

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

    // Room for the certificate, the signed attributes and a 4096-bit signature.
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(certificate.RawData.Length + 4096);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        ToCadesSubFilter(output);
        // PDFsharp's RangedStream supports neither seeking nor CopyTo: read it in a plain loop.
        using var covered = new MemoryStream();
        stream.Position = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            covered.Write(buffer, 0, read);
        }

        var cms = new SignedCms(new ContentInfo(covered.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = Sha256,
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, EssSigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING } (SHA-256 is the default algorithm).</summary>
    private static byte[] EssSigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                }
            }
        }

        return writer.Encode();
    }

    private static readonly byte[] Pkcs7 = "/adbe.pkcs7.detached"u8.ToArray();
    private static readonly byte[] Cades = "/ETSI.CAdES.detached"u8.ToArray();

    private static void ToCadesSubFilter(MemoryStream output)
    {
        var buffer = output.GetBuffer().AsSpan(0, (int)output.Length);
        var at = buffer.LastIndexOf(Pkcs7);
        if (at >= 0)
        {
            Cades.CopyTo(buffer[at..]);
        }
    }
}
