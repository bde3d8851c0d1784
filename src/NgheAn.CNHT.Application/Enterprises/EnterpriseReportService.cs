using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Enterprises;

/// <summary>
/// After approval the enterprise files its implementation report and acceptance dossier (báo cáo kết quả, biên bản,
/// hóa đơn, chứng từ) as dossier files of its own proposal, checked like every dossier file; the Support Center finds
/// them on the proposal's page when it records acceptance.
/// </summary>
public sealed class EnterpriseReportService(
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    EnterpriseContext enterprise,
    EnterpriseNotices notices,
    IOptions<AttachmentOptions> options,
    ILogger<EnterpriseReportService> logger)
{
    public static IReadOnlyList<string> Kinds { get; } = ["Báo cáo kết quả thực hiện", "Biên bản", "Hóa đơn", "Chứng từ", "Tài liệu khác"];

    public async Task UploadAsync(int proposalId, string? kind, string? fileName, Stream content, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId && p.LeadOrganizationId == account.OrganizationId)
            .Select(p => new { p.Id, p.Code, p.Status }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không tìm thấy đề án số {proposalId}.");
        if (!account.IsVerified)
        {
            throw new DomainException("Tài khoản của bạn chưa được xác minh; chưa nộp được hồ sơ.");
        }

        if (proposal.Status is not (ProposalStatus.Approved or ProposalStatus.Implementing))
        {
            throw new DomainException($"Đề án đang ở trạng thái \"{proposal.Status.DisplayName()}\": chỉ nộp báo cáo kết quả và hồ sơ nghiệm thu sau khi được phê duyệt và trước khi nghiệm thu.");
        }

        var label = Kinds.FirstOrDefault(k => string.Equals(k, kind?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("Vui lòng chọn loại tài liệu.", "Kind");
        var data = await ReadAsync(content, options.Value.MaxBytes, ct);
        var file = FileInspector.Inspect(fileName, data);
        var type = label == "Biên bản" ? DocumentType.Minutes : DocumentType.Other;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Attachments.Add(new Attachment(proposalId, type, file.FileName, file.ContentType, data, $"{label} — doanh nghiệp {account.OrganizationName} nộp trực tuyến", user.Actor, now));
        notices.ToSupportCenter(proposalId, $"Doanh nghiệp {account.OrganizationName} đã nộp {label.ToLower(VnFormat.Culture)} cho đề án {proposal.Code}.", $"/Proposals/Details/{proposalId}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Enterprise report file added to proposal {ProposalId}", proposalId);
    }

    private static async Task<byte[]> ReadAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new DomainException($"Tệp lớn hơn giới hạn cho phép ({AttachmentService.FormatSize(max)}).", "File");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
