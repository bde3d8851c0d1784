using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Infrastructure.Enterprises;

/// <summary>
/// Development demo of the enterprise portal (ADR 0153): program 2026-2030 gets one illustrative item per area and is
/// activated (giá trị minh họa), one call of the current year is published and open, and three enterprise accounts
/// (doanhnghiep1..3@cnht.demo, password <see cref="UserSeeder.DemoPassword"/>) hold applications in different states.
/// Nothing touches program 2018-2025, so the seed appendix stays exactly as the province's report. Idempotent.
/// </summary>
public sealed class EnterpriseDemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<EnterpriseDemoSeeder> logger)
{
    public static IReadOnlyList<(string Email, string FullName, string Company, string Stem)> Accounts { get; } =
    [
        ("doanhnghiep1@cnht.demo", "Hoàng Văn Đức (mẫu)", "Công ty TNHH Cơ khí chính xác Vinh (mẫu)", "290160001"),
        ("doanhnghiep2@cnht.demo", "Nguyễn Thị Hoa (mẫu)", "Công ty CP Nhựa kỹ thuật Hoàng Mai (mẫu)", "290160002"),
        ("doanhnghiep3@cnht.demo", "Trần Minh Khoa (mẫu)", "Công ty TNHH Điện tử Cửa Lò (mẫu)", "290160003"),
    ];

    private static readonly byte[] SamplePdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public const string Checklist = "Đơn đề nghị hỗ trợ\nGiấy chứng nhận đăng ký doanh nghiệp\nThuyết minh đề án\nDự toán kinh phí\nBáo giá";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.EnterpriseMembers.AnyAsync(m => m.UserName == Accounts[0].Email, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var center = new Actor("trungtam@cnht.demo", "Lê Văn Cường (Trung tâm, mẫu)", new HashSet<string> { Roles.SupportCenter });
        var program = await ProgramAsync(ct);
        var period = program.Period;
        var year = Math.Clamp(VnFormat.TodayInVietnam(now).Year, period.From, period.To);
        var items = program.Groups.OrderBy(g => g.SortOrder).SelectMany(g => g.Items.OrderBy(i => i.SortOrder)).Take(2).ToList();

        var call = new CallForApplications(program.Id, period, new CallDetails(
            $"Thông báo tiếp nhận hồ sơ đề nghị hỗ trợ năm {year} (minh họa)", year, now.AddDays(-3), now.AddDays(60),
            "Doanh nghiệp lập hồ sơ trực tuyến, tải lên đủ giấy tờ theo danh mục của nội dung và nộp trước thời điểm kết thúc. Mức hỗ trợ: giá trị minh họa, cần đối chiếu văn bản gốc.",
            "Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương Nghệ An — điện thoại 0238 3 000 000 (minh họa), thư điện tử trungtam@cnht.demo"));
        foreach (var item in items)
        {
            call.OpenItem(item.Id, Checklist);
        }

        call.Publish(center, now.AddDays(-3));
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);

        var members = new List<(EnterpriseMember Member, Actor Actor)>();
        foreach (var (email, fullName, company, stem) in Accounts)
        {
            var taxCode = DemoDataSeeder.WithCheckDigit(stem);
            var organization = await db.Organizations.FirstOrDefaultAsync(o => o.TaxCode == taxCode, ct);
            if (organization is null)
            {
                organization = Organization.RegisteredOnline(company, taxCode, "Phường Thành Vinh, tỉnh Nghệ An (minh họa)", fullName, "0238 3 000 000", email);
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(ct);
            }

            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, IsDemo = true, CreatedAt = now };
                Check(await users.CreateAsync(user, UserSeeder.DemoPassword));
                Check(await users.AddToRoleAsync(user, Roles.Enterprise));
            }

            var actor = new Actor(email, fullName, new HashSet<string> { Roles.Enterprise });
            var certificate = new DossierFile(organization.Id, "giay-chung-nhan-dkdn.pdf", "application/pdf", SamplePdf, actor, now);
            db.DossierFiles.Add(certificate);
            await db.SaveChangesAsync(ct);
            var member = new EnterpriseMember(user.Id, email, organization.Id, fullName, "Giám đốc", fullName, "0238 3 000 000");
            member.AttachCertificate(certificate.Id);
            db.EnterpriseMembers.Add(member);
            members.Add((member, actor));
        }

        // Accounts 1 and 2 are verified; account 3 waits for the Support Center.
        foreach (var (member, _) in members.Take(2))
        {
            member.Verify(center, now);
            (await db.Organizations.FirstAsync(o => o.Id == member.OrganizationId, ct)).MarkVerified();
        }

        await db.SaveChangesAsync(ct);

        var item0 = call.Items.First();
        var item1 = call.Items.Last();
        // Enterprise 1: an application accepted into a proposal (Submitted: not counted in any appendix), and a draft.
        var accepted = await SubmittedAsync(members[0], call, item0, period, "Đổi mới dây chuyền gia công CNC linh kiện xe máy (minh họa)", now.AddDays(-2), ct);
        var proposal = await AcceptAsync(accepted, program, center, now.AddDays(-1), ct);
        Draft(members[0], call, item1, period, "Tham gia hội chợ kết nối công nghiệp hỗ trợ tại Hà Nội (minh họa)", now);
        // Enterprise 2: one application asked for a supplement, one waiting in the intake queue.
        var supplement = await SubmittedAsync(members[1], call, item0, period, "Áp dụng ISO 9001 cho xưởng ép nhựa kỹ thuật (minh họa)", now.AddDays(-2), ct);
        supplement.RequestSupplement("Vui lòng bổ sung báo giá của ít nhất hai nhà cung cấp (minh họa).", VnFormat.TodayInVietnam(now).AddDays(10), center, now.AddDays(-1));
        await SubmittedAsync(members[1], call, item1, period, "Xúc tiến thương mại sản phẩm nhựa kỹ thuật (minh họa)", now.AddHours(-5), ct);
        // Enterprise 3 (not yet verified): a draft.
        Draft(members[2], call, item0, period, "Chuyển đổi số quy trình lắp ráp bo mạch (minh họa)", now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the enterprise portal demo: call {CallId}, proposal {ProposalId}", call.Id, proposal.Id);
    }

    private async Task<CnhtProgram> ProgramAsync(CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items)
            .FirstAsync(p => p.Code == CatalogSeeder.Program2026Code, ct);
        if (program.Status == ProgramStatus.Draft)
        {
            foreach (var group in program.Groups.Where(g => g.Items.Count == 0).OrderBy(g => g.SortOrder))
            {
                group.AddItem($"{group.Code}.1", $"Nội dung minh họa của lĩnh vực ({group.Code}) — giá trị minh họa, cần đối chiếu văn bản gốc", 0);
            }

            program.Activate("Giá trị minh họa: Chương trình 2026-2030 chưa có quyết định phê duyệt trong dữ liệu mẫu; cần đối chiếu văn bản gốc");
            await db.SaveChangesAsync(ct);
        }

        return program;
    }

    private static readonly CostLineInput[] Lines =
    [
        new("Thuê chuyên gia tư vấn", "ngày công", 20, 2_500_000),
        new("Mua phần mềm quản lý", "bộ", 1, 80_000_000),
        new("Đào tạo người lao động", "lớp", 2, 15_000_000),
    ];

    private GrantApplication Draft((EnterpriseMember Member, Actor Actor) who, CallForApplications call, CallItem item, YearRange period, string title, DateTime at)
    {
        var total = Lines.Sum(l => l.Quantity * l.UnitPrice);
        var support = total * 0.5m;
        var application = new GrantApplication(who.Member.OrganizationId, call.Id, item.Id, item.ContentItemId, period,
            new ApplicationDraft(title, "Nâng cao năng lực sản xuất và quản trị (minh họa).", "Sản phẩm, chứng nhận theo thuyết minh (minh họa).", call.Year, call.Year, support, total - support),
            Lines, who.Actor, at);
        db.Applications.Add(application);
        return application;
    }

    private async Task<GrantApplication> SubmittedAsync((EnterpriseMember Member, Actor Actor) who, CallForApplications call, CallItem item, YearRange period, string title, DateTime at, CancellationToken ct)
    {
        var application = Draft(who, call, item, period, title, at);
        foreach (var requirement in item.RequiredDocuments)
        {
            var file = new DossierFile(who.Member.OrganizationId, $"{Slug(requirement)}.pdf", "application/pdf", SamplePdf, who.Actor, at);
            db.DossierFiles.Add(file);
            await db.SaveChangesAsync(ct);
            application.AddDocument(requirement, file.Id, who.Actor, at);
        }

        var codes = await db.Applications.Where(a => a.Code != null).Select(a => a.Code!).ToListAsync(ct);
        var code = $"HS-{call.Year.ToString(CultureInfo.InvariantCulture)}-{codes.Count + db.ChangeTracker.Entries<GrantApplication>().Count(e => e.State == EntityState.Added && e.Entity.Code != null) + 1:0000}";
        application.Submit(call, item.RequiredDocuments, true, code, who.Actor, at);
        await db.SaveChangesAsync(ct);
        return application;
    }

    private async Task<Proposal> AcceptAsync(GrantApplication application, CnhtProgram program, Actor center, DateTime at, CancellationToken ct)
    {
        var prefix = $"CNHT-{application.StartYear.ToString(CultureInfo.InvariantCulture)}-";
        var codes = await db.Proposals.Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        var next = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var proposal = new Proposal(
            new ProposalDraft($"{prefix}{next:00}", application.Title, application.Objectives, application.ExpectedOutputs, application.StartYear, application.EndYear, application.TotalCost, application.RequestedSupport),
            new ProposalContext(program.Id, program.Period, application.ContentItemId, application.OrganizationId), center, at);
        proposal.ReceiveFromApplication(application.Code!, center, at);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        application.Accept(proposal.Id, proposal.Code, center, at);
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    private static string Slug(string text) =>
        new string(SearchText.Fold(text).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
