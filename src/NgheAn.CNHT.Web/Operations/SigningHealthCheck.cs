using Microsoft.Extensions.Diagnostics.HealthChecks;
using NgheAn.CNHT.Application.Issuing;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// Part of <c>/health/ready</c>: where signing is required (Production by default), a node whose certificate is missing,
/// expired or locked by a wrong password is not ready, so no document is issued unsigned (ADR 0132). The description is
/// our own sentence: never a path's contents, a password or key material.
/// </summary>
public sealed class SigningHealthCheck(IDocumentSigner signer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = signer.Status();
        return Task.FromResult(status switch
        {
            { CanSign: true, IsTestCertificate: true } => HealthCheckResult.Healthy("Ký số bằng chứng thư thử nghiệm (không dùng cho văn bản thật)."),
            { CanSign: true } => HealthCheckResult.Healthy("Chứng thư số sẵn sàng."),
            { Required: false } => HealthCheckResult.Healthy("Không bắt buộc ký số; văn bản ban hành ghi rõ không ký số."),
            _ => HealthCheckResult.Unhealthy(status.Problem ?? "Chứng thư số chưa sẵn sàng."),
        });
    }
}
