using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Auditing;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Auditing;

/// <summary>Filters of the audit page; dates are Vietnam calendar days, inclusive.</summary>
public sealed record AuditFilter(string? EntityType = null, string? EntityKey = null, string? UserName = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

public sealed record AuditFieldChange(string Field, string? Old, string? New);

public sealed record AuditRow(long Id, DateTime At, string UserName, string EntityType, string EntityKey, string Action, IReadOnlyList<AuditFieldChange> Changes);

/// <summary>
/// A page of the trail. <see cref="TotalCount"/> is exact up to <see cref="AuditQueries.CountLimit"/>; beyond it
/// <see cref="MoreThanLimit"/> is set and the pages stop there (narrow by date, type or user to reach older entries).
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount, int Page, int PageSize, bool MoreThanLimit = false)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Browsing the audit trail (newest first, 50 a page).</summary>
public sealed class AuditQueries(IAppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>
    /// How far a filter's entries are counted (issue 21, ADR 0243): a national trail holds millions of rows, and counting
    /// a broad filter whole on every request took 150–420 ms at 1,6 M. Up to 10.000 the count is exact; beyond, the page
    /// says "more than 10.000" and offers its first 200 pages, newest first.
    /// </summary>
    public const int CountLimit = 10_000;

    public async Task<AuditPage> SearchAsync(AuditFilter f, CancellationToken ct = default)
    {
        if (f.From is { } from && f.To is { } to && from > to)
        {
            throw new DomainException("Ngày bắt đầu không được sau ngày kết thúc.", nameof(AuditFilter.From));
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            query = query.Where(a => a.EntityType == f.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(f.EntityKey))
        {
            var key = f.EntityKey.Trim();
            // An entity the import created in bulk is audited by the import's row for its table (ADR 0212): shown with its own rows.
            var imports = await ImportsCoveringAsync(f.EntityType, key, ct);
            query = imports.Count == 0 ? query.Where(a => a.EntityKey == key) : query.Where(a => a.EntityKey == key || imports.Contains(a.Id));
        }

        if (!string.IsNullOrWhiteSpace(f.UserName))
        {
            query = await ByUserAsync(query, f.UserName.Trim(), ct);
        }

        // Vietnam is UTC+7: the day D there runs from D-1 17:00 to D 17:00 UTC.
        if (f.From is { } fromDay)
        {
            var start = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(a => a.At >= start);
        }

        if (f.To is { } toDay)
        {
            var end = toDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(a => a.At < end);
        }

        var counted = await query.Take(CountLimit + 1).CountAsync(ct);
        var more = counted > CountLimit;
        var count = Math.Min(counted, CountLimit);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        var page = Math.Clamp(f.Page, 1, pageCount);
        // Newest first by the time of the change (ties by id): each filter walks an index ending in At — (At), (EntityType,
        // At), (UserName, At) — backwards and stops after the page, instead of sorting every entry it matches (ADR 0243).
        var rows = await query
            .OrderByDescending(a => a.At)
            .ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new { a.Id, a.At, a.UserName, a.EntityType, a.EntityKey, a.Action, a.Changes })
            .ToListAsync(ct);
        return new AuditPage(
            rows.Select(r => new AuditRow(r.Id, r.At, r.UserName, r.EntityType, r.EntityKey, r.Action, ParseChanges(r.Changes))).ToList(),
            count, page, PageSize, more);
    }

    /// <summary>
    /// The entries of the accounts whose name begins with what was typed (as typed, or in lower case). The names are
    /// found first, each by one seek in the (UserName, At) index (issue 21, ADR 0243: a fragment matched with
    /// <c>instr</c> scanned the whole trail, 150–350 ms at 1,6 M rows). One account: matched exactly, so its newest
    /// entries are read straight from that index. Several: matched by their beginning (<c>LIKE</c>), the trail read
    /// newest first until the page is full.
    /// </summary>
    private async Task<IQueryable<AuditEntry>> ByUserAsync(IQueryable<AuditEntry> query, string typed, CancellationToken ct)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var prefix in new[] { typed, typed.ToLowerInvariant() }.Distinct(StringComparer.Ordinal))
        {
            var end = PrefixEnd(prefix);
            var after = prefix;
            // At most two names per beginning: one is all that decides.
            for (var i = 0; i < 2; i++)
            {
                var from = after;
                var entries = db.AuditEntries.AsNoTracking();
#pragma warning disable CA1309 // translated by EF into the database's own (binary) comparison; never run in .NET
                entries = i == 0
                    ? entries.Where(a => string.Compare(a.UserName, from) >= 0 && string.Compare(a.UserName, end) < 0)
                    : entries.Where(a => string.Compare(a.UserName, from) > 0 && string.Compare(a.UserName, end) < 0);
#pragma warning restore CA1309
                var next = await entries.MinAsync(a => (string?)a.UserName, ct);
                if (next is null)
                {
                    break;
                }

                names.Add(next);
                after = next;
            }
        }

        if (names.Count <= 1)
        {
            var name = names.Count == 1 ? names.Min! : typed;
            return query.Where(a => a.UserName == name);
        }

        var pattern = typed.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return query.Where(a => EF.Functions.Like(a.UserName, pattern, "\\"));
    }

    /// <summary>The first string after every string that begins with <paramref name="prefix"/> (its last character plus one).</summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>
    /// The import rows (ADR 0212) whose range of ids holds <paramref name="key"/>: read through the (type, key) index, the
    /// import keys sorting together after "import:"; without a type, every import row is looked at (one per table per import).
    /// </summary>
    private async Task<List<long>> ImportsCoveringAsync(string? entityType, string key, CancellationToken ct)
    {
        if (!long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return [];
        }

        const string from = ImportedRows.KeyPrefix;
        const string to = "import;"; // the prefix's last character plus one: every "import:…" key sorts below it
        var imports = db.AuditEntries.AsNoTracking().Where(a => a.Action == ImportedRows.Action);
#pragma warning disable CA1309 // translated by EF into the database's own (binary) comparison of the key; never run in .NET
        imports = string.IsNullOrWhiteSpace(entityType)
            ? imports.Where(a => string.Compare(a.EntityKey, from) >= 0 && string.Compare(a.EntityKey, to) < 0)
            : imports.Where(a => a.EntityType == entityType && string.Compare(a.EntityKey, from) >= 0 && string.Compare(a.EntityKey, to) < 0);
#pragma warning restore CA1309
        var rows = await imports.Select(a => new { a.Id, a.EntityKey }).ToListAsync(ct);
        return rows.Where(r => ImportedRows.TryRange(r.EntityKey, out var first, out var last) && first <= id && id <= last).Select(r => r.Id).ToList();
    }

    /// <summary>The entity types present in the trail (for the filter's select).</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    public static IReadOnlyList<AuditFieldChange> ParseChanges(string changes)
    {
        try
        {
            using var json = JsonDocument.Parse(changes);
            return json.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                .Select(p => new AuditFieldChange(p.Name, Text(p.Value[0]), Text(p.Value[1])))
                .ToList();
        }
        catch (JsonException)
        {
            return [new AuditFieldChange("?", null, changes)];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    /// <summary>Vietnamese name of an audited entity type.</summary>
    public static string EntityDisplayName(string entityType) => entityType switch
    {
        "Proposal" => "Đề án",
        "ProposalTransition" => "Lịch sử xử lý đề án",
        "Attachment" => "Hồ sơ đính kèm",
        "Organization" => "Đơn vị chủ trì",
        "AdministrativeUnit" => "Xã, phường (bản đồ hành chính từ 01/7/2025)",
        "DisbursementEntry" => "Bút toán giải ngân",
        "CnhtProgram" => "Chương trình",
        "ContentGroup" => "Nhóm nội dung",
        "ContentItem" => "Nội dung",
        "PlanRevision" => "Điều chỉnh kế hoạch",
        "RequiredDocument" => "Danh mục hồ sơ của nội dung",
        "AnnualEstimate" => "Dự toán năm",
        "AnnualEstimateLine" => "Dòng dự toán",
        "ItemNarrative" => "Giải trình",
        "IssuedReport" => "Báo cáo đã ban hành",
        "IssuedReportRevocation" => "Thu hồi văn bản đã ban hành",
        "OutgoingNumberCounter" => "Sổ đăng ký văn bản đi",
        "ApiKey" => "Khóa API",
        "ImportBatch" => "Lần nhập dữ liệu từ tệp",
        "ImportBatchContent" => "Tệp đã tải lên để nhập",
        "SupportRuleSet" => "Quy định mức hỗ trợ, mức chi",
        "SupportRule" => "Mức hỗ trợ theo nội dung",
        "UnitNorm" => "Định mức chi",
        "ProposalRuleFlag" => "Vượt định mức (phê duyệt hoặc gắn cờ)",
        "AppUser" => "Tài khoản",
        "IdentityUserRole`1" => "Phân quyền",
        "EnterpriseMember" => "Tài khoản doanh nghiệp",
        "DossierFile" => "Tệp hồ sơ doanh nghiệp",
        "CallForApplications" => "Thông báo tiếp nhận hồ sơ",
        "CallItem" => "Nội dung của thông báo tiếp nhận hồ sơ",
        "GrantApplication" => "Hồ sơ đề nghị hỗ trợ",
        "ApplicationDocument" => "Tệp của hồ sơ đề nghị hỗ trợ",
        "SupplementRequest" => "Yêu cầu bổ sung hồ sơ",
        "ApplicationEvent" => "Lịch sử xử lý hồ sơ đề nghị hỗ trợ",
        "CostLine" => "Dòng dự toán của hồ sơ",
        "SupplierProfile" => "Hồ sơ danh bạ doanh nghiệp CNHT",
        "SupplierCertification" => "Chứng nhận của doanh nghiệp trong danh bạ",
        "ProfileChange" => "Thay đổi hồ sơ danh bạ chờ duyệt",
        "SupplierImage" => "Logo, ảnh của hồ sơ danh bạ",
        "SourcingRequest" => "Nhu cầu tìm nhà cung ứng",
        "SourcingInterest" => "Doanh nghiệp quan tâm nhu cầu tìm nhà cung ứng",
        // Issue 19 (ADR 0170-0175).
        "ItemPlan" => "Kế hoạch năm của nội dung",
        "YearPlanAmount" => "Kế hoạch một năm của nội dung",
        "OutputIndicator" => "Chỉ tiêu đầu ra",
        "IndicatorTarget" => "Chỉ tiêu đầu ra của một năm",
        "ProposalOutput" => "Kết quả đầu ra của đề án",
        "OutcomeIndicator" => "Chỉ tiêu của chương trình",
        "OutcomeValue" => "Giá trị chỉ tiêu của chương trình",
        "AssignedBudget" => "Dự toán được giao",
        "DepartmentActivity" => "Hoạt động do Sở thực hiện (nhu cầu kinh phí)",
        // Issue 17 items 5 and 6 (ADR 0188-0190).
        "InvestmentProject" => PublicContent.PublicContentLabels.ProjectName,
        "NewsPost" => PublicContent.PublicContentLabels.NewsName,
        _ => entityType,
    };

    public static string ActionDisplayName(string action) => action switch
    {
        "Insert" => "Thêm mới",
        "Update" => "Sửa",
        "Delete" => "Xóa",
        ImportedRows.Action => "Nhập từ tệp (cả lô)",
        "SignInRefused" => "Từ chối đăng nhập",
        _ => action,
    };
}
