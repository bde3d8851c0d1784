using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// The authorization matrix: every endpoint of the app (each page, each POST handler, each API or
/// health endpoint) against anonymous and every role. A test enumerates the app's real endpoints and
/// fails when one is missing from the table; another exercises the whole table over HTTP.
/// Outcomes: A = reaches the page or handler (any status but a challenge or a denial),
/// L = sent to sign in, D = denied (access-denied page or 403).
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixPortal portal, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<MatrixPortal>
{
    private static readonly string[] Who = ["Anonymous", "Admin", "DoitSpecialist", "DoitLeader", "SupportCenter", "Viewer", "Enterprise"];

    //                                  anon admin spec lead center viewer enterprise
    private const string Anyone =      "A    A     A    A    A      A      A";
    private const string SignedIn =    "L    A     A    A    A      A      A";
    /// <summary>Signed-in staff only: the fallback policy closes pages without a policy of their own to enterprises (issue 16).</summary>
    private const string StaffOnly =   "L    A     A    A    A      A      D";
    private const string Business =    "L    D     A    A    A      A      D";
    private const string AdminOnly =   "L    A     D    D    D      D      D";
    private const string Specialist =  "L    D     A    D    D      D      D";
    private const string Leader =      "L    D     D    A    D      D      D";
    private const string Center =      "L    D     D    D    A      D      D";
    private const string AuditRoles =  "L    A     D    A    D      D      D";
    private const string Workers =     "L    D     A    A    A      D      D";
    private const string LeaderReads = "L    D     D    A    D      D      D";
    private const string Importers =   "L    D     A    A    A      D      D";
    /// <summary>An enterprise's own pages (issue 16); another enterprise's ids are tried in EnterpriseIsolationTests.</summary>
    private const string EnterpriseOnly = "L D D D D D A";

    /// <summary>Endpoint → expected outcome per caller. URLs are filled from the fixture's records.</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>
    {
        ["* /health/live"] = Anyone,
        ["* /health/ready"] = Anyone,
        // Static files are anonymous; an unknown file under the catch-all route is refused like any page.
        ["GET /{**path:file}"] = StaffOnly,
        ["HEAD /{**path:file}"] = StaffOnly,
        // An anonymous visitor gets the public portal's home at / (issue 17, ADR 0180); staff their dashboard.
        ["GET /"] = Anyone,
        ["GET /Index"] = Anyone,
        ["GET /Error"] = Anyone,
        ["POST /Error"] = Anyone,
        ["GET /Account/AccessDenied"] = Anyone,
        ["GET /Account/Login"] = Anyone,
        ["POST /Account/Login"] = Anyone,
        ["GET /Account/TwoFactor"] = Anyone,
        ["POST /Account/TwoFactor"] = Anyone,
        ["GET /Account/Logout"] = SignedIn,
        ["POST /Account/Logout"] = SignedIn,
        ["GET /Account/Security"] = SignedIn,
        ["POST /Account/Security?handler=ChangePassword"] = SignedIn,
        ["POST /Account/Security?handler=Disable"] = SignedIn,
        ["POST /Account/Security?handler=Enable"] = SignedIn,
        ["POST /Account/Security?handler=RecoveryCodes"] = SignedIn,
        ["POST /Account/Security?handler=SignOutEverywhere"] = SignedIn,
        ["GET /Admin/Users"] = AdminOnly,
        ["GET /Admin/Users/Index"] = AdminOnly,
        ["POST /Admin/Users"] = AdminOnly,
        ["POST /Admin/Users/Index"] = AdminOnly,
        ["GET /Admin/Users/Edit/{id}"] = AdminOnly,
        ["POST /Admin/Users/Edit/{id}?handler=Save"] = AdminOnly,
        ["POST /Admin/Users/Edit/{id}?handler=Disable"] = AdminOnly,
        ["POST /Admin/Users/Edit/{id}?handler=Enable"] = AdminOnly,
        ["POST /Admin/Users/Edit/{id}?handler=Unlock"] = AdminOnly,
        ["POST /Admin/Users/Edit/{id}?handler=SignOutEverywhere"] = AdminOnly,
        ["POST /Admin/Users/Edit/{id}?handler=ResetPassword"] = AdminOnly,
        ["GET /Audit"] = AuditRoles,
        ["GET /Audit/Index"] = AuditRoles,
        ["GET /Catalog"] = Business,
        ["GET /Catalog/Index"] = Business,
        ["POST /Catalog?handler=Create"] = Specialist,
        ["POST /Catalog/Index?handler=Create"] = Specialist,
        ["GET /Catalog/Program/{code}"] = Business,
        ["GET /Catalog/Plan/{id:int}"] = Specialist,
        ["POST /Catalog/Plan/{id:int}"] = Specialist,
        ["GET /Catalog/Setup/{code}"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=AddGroup"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=AddItem"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=MoveGroup"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=MoveItem"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=RenameGroup"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=RenameItem"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=Describe"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=RemoveGroup"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=RemoveItem"] = Specialist,
        ["POST /Catalog/Setup/{code}?handler=Lock"] = Specialist,
        // Yearly plans of program 2026-2030 (issue 19).
        ["GET /Plans"] = Business,
        ["GET /Plans/Index"] = Business,
        ["GET /Plans/Compare"] = Business,
        ["GET /Plans/Edit/{id:int}"] = Specialist,
        ["POST /Plans/Edit/{id:int}"] = Specialist,
        ["GET /FundingRequests"] = Business,
        ["GET /FundingRequests/Index"] = Business,
        ["POST /FundingRequests?handler=Estimate"] = Specialist,
        ["POST /FundingRequests/Index?handler=Estimate"] = Specialist,
        ["POST /FundingRequests?handler=Assign"] = Specialist,
        ["POST /FundingRequests/Index?handler=Assign"] = Specialist,
        ["GET /FundingRequests/Activities"] = Specialist,
        ["POST /FundingRequests/Activities?handler=Save"] = Specialist,
        ["POST /FundingRequests/Activities?handler=Delete"] = Specialist,
        ["GET /Outcomes"] = Business,
        ["GET /Outcomes/Index"] = Business,
        ["POST /Outcomes?handler=Value"] = Specialist,
        ["POST /Outcomes/Index?handler=Value"] = Specialist,
        ["GET /Outcomes/Target/{id:int}"] = Specialist,
        ["POST /Outcomes/Target/{id:int}"] = Specialist,
        ["GET /Indicators"] = Business,
        ["GET /Indicators/Index"] = Business,
        ["GET /Indicators/Item/{id:int}"] = Specialist,
        ["POST /Indicators/Item/{id:int}"] = Specialist,
        ["GET /Indicators/Proposal/{id:int}"] = Business,
        ["POST /Indicators/Proposal/{id:int}?handler=Expected"] = Workers,
        ["POST /Indicators/Proposal/{id:int}?handler=Actual"] = Workers,
        ["GET /Disbursements"] = Business,
        ["GET /Disbursements/Index"] = Business,
        ["GET /Disbursements/Record"] = Center,
        ["POST /Disbursements/Record"] = Center,
        ["GET /Disbursements/Reverse"] = Center,
        ["POST /Disbursements/Reverse"] = Center,
        ["GET /Disbursements/Settle"] = Center,
        ["POST /Disbursements/Settle"] = Center,
        ["GET /Estimates"] = Business,
        ["GET /Estimates/Index"] = Business,
        ["POST /Estimates?handler=Create"] = Specialist,
        ["POST /Estimates/Index?handler=Create"] = Specialist,
        ["GET /Estimates/Details/{id:int}"] = Business,
        ["POST /Estimates/Details/{id:int}?handler=Save"] = Specialist,
        ["POST /Estimates/Details/{id:int}?handler=Submit"] = Specialist,
        ["POST /Estimates/Details/{id:int}?handler=Approve"] = Leader,
        ["POST /Estimates/Details/{id:int}?handler=Return"] = Leader,
        ["GET /Notifications"] = SignedIn,
        ["GET /Notifications/Index"] = SignedIn,
        ["GET /Notifications?handler=Open"] = SignedIn,
        ["GET /Notifications/Index?handler=Open"] = SignedIn,
        ["POST /Notifications?handler=Read"] = SignedIn,
        ["POST /Notifications/Index?handler=Read"] = SignedIn,
        ["POST /Notifications?handler=ReadAll"] = SignedIn,
        ["POST /Notifications/Index?handler=ReadAll"] = SignedIn,
        ["GET /Guide"] = StaffOnly,
        ["GET /Guide/Index"] = StaffOnly,
        ["GET /Organizations"] = Business,
        ["GET /Organizations/Index"] = Business,
        ["GET /Organizations/Details/{id:int}"] = Business,
        ["GET /Organizations/Create"] = Specialist,
        ["POST /Organizations/Create"] = Specialist,
        ["GET /Organizations/Edit/{id:int}"] = Specialist,
        ["POST /Organizations/Edit/{id:int}"] = Specialist,
        ["GET /Proposals"] = Business,
        ["GET /Proposals/Index"] = Business,
        ["GET /Proposals/Create"] = Specialist,
        ["POST /Proposals/Create"] = Specialist,
        ["GET /Proposals/Edit/{id:int}"] = Specialist,
        ["POST /Proposals/Edit/{id:int}"] = Specialist,
        ["GET /Proposals/Details/{id:int}"] = Business,
        ["GET /Proposals/Details/{id:int}?handler=Attachment"] = Business,
        ["POST /Proposals/Details/{id:int}?handler=Submit"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Appraise"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Approve"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Reject"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=StartImplementation"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Accept"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Cancel"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=ReturnForRevision"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Upload"] = Workers,
        ["POST /Proposals/Details/{id:int}?handler=Withdraw"] = Workers,
        ["GET /Reports"] = Business,
        ["GET /Reports/Index"] = Business,
        ["GET /Reports/View/{kind}"] = Business,
        ["GET /Reports/View/{kind}?handler=Download"] = Business,
        ["GET /Reports/Reconciliation"] = Business,
        ["GET /Reports/Narratives"] = Specialist,
        ["POST /Reports/Narratives"] = Specialist,
        ["GET /Reports/Issued"] = Business,
        ["GET /Reports/Issued/Index"] = Business,
        ["GET /Reports/Issued/Details/{id:int}"] = Business,
        ["GET /Reports/Issued/Details/{id:int}?handler=Download"] = Business,
        ["GET /Reports/Issued/Details/{id:int}?handler=Kept"] = Business,
        ["POST /Reports/Issued/Details/{id:int}?handler=Revoke"] = Leader,
        ["GET /Reports/Issued/Create"] = Leader,
        ["POST /Reports/Issued/Create"] = Leader,
        // The public verification page of issued documents (ADR 0133): explicitly anonymous; an unknown code is a 404.
        ["GET /xac-thuc/{code}"] = Anyone,
        ["POST /xac-thuc/{code}"] = Anyone,
        // The download log needs both business reading and audit rights: DOIT leadership.
        ["GET /Reports/Downloads"] = LeaderReads,
        // Import, export, API keys (ADR 0041, 0043); ids of batches that do not exist answer 404 once authorized.
        ["GET /Import"] = Importers,
        ["GET /Import/Index"] = Importers,
        ["GET /Import?handler=Template"] = Importers,
        ["GET /Import/Index?handler=Template"] = Importers,
        ["POST /Import?handler=Upload"] = Importers,
        ["POST /Import/Index?handler=Upload"] = Importers,
        ["GET /Import/Preview/{id:int}"] = Importers,
        ["POST /Import/Preview/{id:int}?handler=Confirm"] = Importers,
        ["POST /Import/Preview/{id:int}?handler=Discard"] = Importers,
        ["GET /Export"] = Business,
        ["GET /Export/Index"] = Business,
        ["GET /Export?handler=Download"] = Business,
        ["GET /Export/Index?handler=Download"] = Business,
        // Support rules (ADR 0140-0142): everyone in the business reads; a specialist drafts, a leader puts in force.
        ["GET /SupportRules"] = Business,
        ["GET /SupportRules/Index"] = Business,
        ["POST /SupportRules?handler=Create"] = Specialist,
        ["POST /SupportRules/Index?handler=Create"] = Specialist,
        ["GET /SupportRules/Details/{id:int}"] = Business,
        ["POST /SupportRules/Details/{id:int}?handler=AddRule"] = Specialist,
        ["POST /SupportRules/Details/{id:int}?handler=RemoveRule"] = Specialist,
        ["POST /SupportRules/Details/{id:int}?handler=AddNorm"] = Specialist,
        ["POST /SupportRules/Details/{id:int}?handler=RemoveNorm"] = Specialist,
        ["POST /SupportRules/Details/{id:int}?handler=NewVersion"] = Specialist,
        ["POST /SupportRules/Details/{id:int}?handler=Approve"] = Leader,
        ["GET /Admin/ApiKeys"] = AdminOnly,
        ["POST /Admin/ApiKeys?handler=Issue"] = AdminOnly,
        ["POST /Admin/ApiKeys?handler=Revoke"] = AdminOnly,
        // The read-only API: 401 without a key or a session, 403 for an Admin session.
        // Any other address under /api: a JSON 404 for everyone, never a sign-in redirect.
        ["* /api/{**path}"] = Anyone,
        ["GET /api/v1/programs"] = Business,
        ["GET /api/v1/programs/{code}"] = Business,
        ["GET /api/v1/programs/{code}/proposals"] = Business,
        ["GET /api/v1/programs/{code}/ledger"] = Business,
        ["GET /api/v1/programs/{code}/appendix"] = Business,
        ["GET /openapi/{documentName}.json"] = Anyone,
        // Enterprises apply online (issue 16): registration and open calls are public; an enterprise's own pages;
        // the Support Center's calls, intake and account verification.
        ["GET /DoanhNghiep/DangKy"] = Anyone,
        ["POST /DoanhNghiep/DangKy"] = Anyone,
        ["GET /DoanhNghiep/XacNhan"] = Anyone,
        // The public CNHT portal (issue 17): anonymous pages in both languages, open data; the directory's moderation
        // for DOIT specialists; an enterprise's own directory profile.
        ["GET /en"] = Anyone,
        ["GET /danh-ba"] = Anyone,
        ["GET /en/directory"] = Anyone,
        ["GET /danh-ba/{slug}"] = Anyone,
        ["GET /en/directory/{slug}"] = Anyone,
        ["GET /du-lieu-mo"] = Anyone,
        ["GET /en/open-data"] = Anyone,
        ["GET /du-lieu-mo/danh-ba.csv"] = Anyone,
        ["GET /du-lieu-mo/danh-ba.json"] = Anyone,
        ["GET /sitemap.xml"] = Anyone,
        ["GET /robots.txt"] = Anyone,
        ["GET /Directory"] = Specialist,
        ["GET /Directory/Index"] = Specialist,
        ["GET /Directory/Review/{id:int}"] = Specialist,
        ["POST /Directory/Review/{id:int}?handler=Approve"] = Specialist,
        ["POST /Directory/Review/{id:int}?handler=Reject"] = Specialist,
        ["GET /Directory/Capability/{id:int}"] = Specialist,
        ["POST /Directory/Capability/{id:int}?handler=Verify"] = Specialist,
        ["POST /Directory/Capability/{id:int}?handler=Withdraw"] = Specialist,
        // Sourcing requests (issue 17 item 4, ADR 0185): DOIT's pages; an enterprise's own requests and matching ones
        // (another enterprise's ids are tried in SourcingIsolationTests).
        ["GET /Sourcing"] = Specialist,
        ["GET /Sourcing/Index"] = Specialist,
        ["GET /Sourcing/Create"] = Specialist,
        ["POST /Sourcing/Create"] = Specialist,
        ["GET /Sourcing/Details/{id:int}"] = Specialist,
        ["POST /Sourcing/Details/{id:int}?handler=Close"] = Specialist,
        ["GET /DoanhNghiep/NhuCau"] = EnterpriseOnly,
        ["GET /DoanhNghiep/NhuCau/Index"] = EnterpriseOnly,
        ["GET /DoanhNghiep/NhuCau/Tao"] = EnterpriseOnly,
        ["POST /DoanhNghiep/NhuCau/Tao"] = EnterpriseOnly,
        ["GET /DoanhNghiep/NhuCau/ChiTiet/{id:int}"] = EnterpriseOnly,
        ["POST /DoanhNghiep/NhuCau/ChiTiet/{id:int}?handler=Close"] = EnterpriseOnly,
        ["GET /DoanhNghiep/NhuCau/CoHoi"] = EnterpriseOnly,
        ["POST /DoanhNghiep/NhuCau/CoHoi?handler=Interest"] = EnterpriseOnly,
        // Priority projects, the program page, news and events, the contact form (issue 17 items 5, 6, 8): public in both
        // languages; maintained by DOIT specialists.
        ["GET /du-an-uu-tien"] = Anyone,
        ["GET /en/priority-projects"] = Anyone,
        ["GET /du-an-uu-tien/{slug}"] = Anyone,
        ["GET /en/priority-projects/{slug}"] = Anyone,
        ["GET /du-an-uu-tien.pdf"] = Anyone,
        ["GET /en/priority-projects.pdf"] = Anyone,
        ["GET /chuong-trinh"] = Anyone,
        ["GET /en/program"] = Anyone,
        ["GET /tin-tuc"] = Anyone,
        ["GET /en/news"] = Anyone,
        ["GET /tin-tuc/{slug}"] = Anyone,
        ["GET /en/news/{slug}"] = Anyone,
        ["GET /danh-ba/{slug}/lien-he"] = Anyone,
        ["POST /danh-ba/{slug}/lien-he"] = Anyone,
        ["GET /en/directory/{slug}/contact"] = Anyone,
        ["POST /en/directory/{slug}/contact"] = Anyone,
        ["GET /PublicContent/Projects"] = Specialist,
        ["GET /PublicContent/Projects/Index"] = Specialist,
        ["GET /PublicContent/Projects/Create"] = Specialist,
        ["POST /PublicContent/Projects/Create"] = Specialist,
        ["GET /PublicContent/Projects/Edit/{id:int}"] = Specialist,
        ["POST /PublicContent/Projects/Edit/{id:int}?handler=Save"] = Specialist,
        ["POST /PublicContent/Projects/Edit/{id:int}?handler=Withdraw"] = Specialist,
        ["POST /PublicContent/Projects/Edit/{id:int}?handler=Republish"] = Specialist,
        ["GET /PublicContent/News"] = Specialist,
        ["GET /PublicContent/News/Index"] = Specialist,
        ["GET /PublicContent/News/Create"] = Specialist,
        ["POST /PublicContent/News/Create"] = Specialist,
        ["GET /PublicContent/News/Edit/{id:int}"] = Specialist,
        ["POST /PublicContent/News/Edit/{id:int}?handler=Save"] = Specialist,
        ["POST /PublicContent/News/Edit/{id:int}?handler=Withdraw"] = Specialist,
        ["POST /PublicContent/News/Edit/{id:int}?handler=Republish"] = Specialist,
        ["GET /DoanhNghiep/HoSo"] = EnterpriseOnly,
        ["POST /DoanhNghiep/HoSo"] = EnterpriseOnly,
        // Logo and photos (ADR 0193): the enterprise's own images; another enterprise's ids are tried in ProfileImageTests.
        ["GET /DoanhNghiep/HoSo?handler=Image"] = EnterpriseOnly,
        ["POST /DoanhNghiep/HoSo?handler=Logo"] = EnterpriseOnly,
        ["POST /DoanhNghiep/HoSo?handler=Photo"] = EnterpriseOnly,
        ["POST /DoanhNghiep/HoSo?handler=RemoveImage"] = EnterpriseOnly,
        ["GET /Directory?handler=Image"] = Specialist,
        ["GET /Directory/Index?handler=Image"] = Specialist,
        ["GET /danh-ba/anh/{id:guid}"] = Anyone,
        ["GET /DoanhNghiep/HopThu"] = Anyone,
        ["GET /DoanhNghiep"] = EnterpriseOnly,
        ["GET /DoanhNghiep/Index"] = EnterpriseOnly,
        ["POST /DoanhNghiep?handler=Certificate"] = EnterpriseOnly,
        ["POST /DoanhNghiep/Index?handler=Certificate"] = EnterpriseOnly,
        ["GET /DoanhNghiep/DeAn/{id:int}"] = EnterpriseOnly,
        ["POST /DoanhNghiep/DeAn/{id:int}?handler=Report"] = EnterpriseOnly,
        ["GET /Calls"] = Anyone,
        ["GET /Calls/Index"] = Anyone,
        ["GET /Calls/Details/{id:int}"] = Anyone,
        ["GET /Calls/Manage"] = Center,
        ["POST /Calls/Manage"] = Center,
        ["GET /Calls/Edit/{id:int}"] = Center,
        ["POST /Calls/Edit/{id:int}?handler=Save"] = Center,
        ["POST /Calls/Edit/{id:int}?handler=AddItem"] = Center,
        ["POST /Calls/Edit/{id:int}?handler=RemoveItem"] = Center,
        ["POST /Calls/Edit/{id:int}?handler=Publish"] = Center,
        ["GET /Applications/Create"] = EnterpriseOnly,
        ["POST /Applications/Create"] = EnterpriseOnly,
        ["GET /Applications/Edit/{id:int}"] = EnterpriseOnly,
        ["POST /Applications/Edit/{id:int}"] = EnterpriseOnly,
        ["GET /Applications/Details/{id:int}"] = EnterpriseOnly,
        ["GET /Applications/Details/{id:int}?handler=Receipt"] = EnterpriseOnly,
        ["GET /Applications/Details/{id:int}?handler=File"] = EnterpriseOnly,
        ["POST /Applications/Details/{id:int}?handler=Upload"] = EnterpriseOnly,
        ["POST /Applications/Details/{id:int}?handler=Withdraw"] = EnterpriseOnly,
        ["POST /Applications/Details/{id:int}?handler=Submit"] = EnterpriseOnly,
        ["GET /Intake"] = Center,
        ["GET /Intake/Index"] = Center,
        ["GET /Intake/Details/{id:int}"] = Center,
        ["GET /Intake/Details/{id:int}?handler=File"] = Center,
        ["GET /Intake/Details/{id:int}?handler=Receipt"] = Center,
        ["POST /Intake/Details/{id:int}?handler=Supplement"] = Center,
        ["POST /Intake/Details/{id:int}?handler=Decline"] = Center,
        ["POST /Intake/Details/{id:int}?handler=Accept"] = Center,
        ["GET /Intake/Accounts"] = Center,
        ["GET /Intake/Accounts?handler=Certificate"] = Center,
        ["POST /Intake/Accounts?handler=Verify"] = Center,
        ["POST /Intake/Accounts?handler=Refuse"] = Center,
    };

    [Fact]
    public async Task Every_endpoint_of_the_app_is_in_the_table_and_every_row_is_a_real_endpoint()
    {
        var actual = await EndpointCatalog.ListAsync(portal);
        var missing = actual.Where(e => !Table.ContainsKey(e)).ToList();
        var stale = Table.Keys.Where(k => !actual.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from the authorization matrix:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_caller_gets_exactly_the_expected_outcome_on_every_endpoint()
    {
        var failures = new List<string>();
        var tried = 0;
        // Sign-out last: it ends the caller's session.
        foreach (var (endpoint, expected) in Table.OrderBy(kv => kv.Key.Contains("/Account/Logout", StringComparison.Ordinal)))
        {
            var outcomes = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Who.Length; i++)
            {
                var client = await portal.ClientAsync(Who[i]);
                var actual = await portal.TryAsync(client, endpoint, Who[i]);
                tried++;
                if (endpoint is "POST /Account/Logout" or "POST /Account/Security?handler=SignOutEverywhere")
                {
                    // The session (every session of the account) has ended: the next row signs in again.
                    portal.Forget(Who[i]);
                }

                if (actual != outcomes[i])
                {
                    failures.Add($"{endpoint} as {Who[i]}: expected {outcomes[i]}, got {actual}");
                }
            }
        }

        output.WriteLine($"{tried} requests ({Table.Count} endpoints × {Who.Length} callers)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

/// <summary>A portal with the records the matrix's URLs point at.</summary>
public sealed class MatrixPortal : CnhtFactory, IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, string> _tokens = [];
    private Dictionary<string, string> _values = [];

    public async Task InitializeAsync()
    {
        await EnsureDemoUsersAsync();
        _values = await ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var seeder = sp.GetRequiredService<UserSeeder>();
            var dummy = await seeder.CreateAsync("ma-tran@cnht.demo", UserSeeder.DemoPassword, "Tài khoản thử ma trận", NgheAn.CNHT.Domain.Roles.Viewer, isDemo: true);
            var program = await db.Programs.SingleAsync(p => p.Code == "2018-2025");
            var estimate = new AnnualEstimate(program.Id, program.Period, 2025, 1, "Ma trận phân quyền");
            db.AnnualEstimates.Add(estimate);
            await db.SaveChangesAsync();
            var implementing = await db.Proposals.Where(p => p.Status == ProposalStatus.Implementing).Select(p => p.Id).FirstAsync();
            var entry = await db.DisbursementEntries.Where(e => e.ProposalId == implementing).Select(e => e.Id).FirstAsync();
            // A real dossier file, so the download row is tried on a file that exists.
            var attachment = new NgheAn.CNHT.Domain.Proposals.Attachment(implementing, NgheAn.CNHT.Domain.Proposals.DocumentType.Decision, "quyet-dinh.pdf", "application/pdf",
                System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), "Ma trận phân quyền", NgheAn.CNHT.Domain.Common.Actor.System, DateTime.UtcNow);
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
            return new Dictionary<string, string>
            {
                ["user"] = dummy.Id,
                ["estimate"] = estimate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["proposal"] = implementing.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["entry"] = entry.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["attachment"] = attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["item"] = (await db.ContentItems.Where(i => i.Code == "6.3" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["organization"] = (await db.Organizations.Select(o => o.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ruleSet"] = (await db.SupportRuleSets.Select(r => r.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public void Forget(string who)
    {
        _clients.Remove(who);
        _tokens.Remove(who);
    }

    /// <summary>A confirmed, verified enterprise account of its own organization (issue 16).</summary>
    private async Task<HttpClient> EnterpriseClientAsync()
    {
        const string email = "doanhnghiep-matran@cnht.demo";
        await ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // A sign-out row ends every session of the caller (issue 23): the next row signs in again with the same account.
            if (await db.Users.AnyAsync(u => u.Email == email))
            {
                return true;
            }

            var user = await sp.GetRequiredService<UserSeeder>().CreateAsync(email, UserSeeder.DemoPassword, "Doanh nghiệp thử ma trận", NgheAn.CNHT.Domain.Roles.Enterprise, isDemo: true);
            var org = NgheAn.CNHT.Domain.Organizations.Organization.RegisteredOnline("Doanh nghiệp thử ma trận", DemoDataSeeder.WithCheckDigit("390000001"), null, null, null, email);
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            db.EnterpriseMembers.Add(new NgheAn.CNHT.Domain.Enterprises.EnterpriseMember(user.Id, email, org.Id, "Doanh nghiệp thử ma trận", null, null, null));
            await db.SaveChangesAsync();
            return true;
        });
        var client = this.NewClient();
        var response = await client.SignInAsync(email, UserSeeder.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as the matrix enterprise failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public async Task<HttpClient> ClientAsync(string who)
    {
        if (!_clients.TryGetValue(who, out var client))
        {
            client = who switch
            {
                "Anonymous" => this.NewClient(),
                "Enterprise" => await EnterpriseClientAsync(),
                _ => await this.SignInAsAsync(who),
            };
            _clients[who] = client;
            _tokens[who] = WebPageHelpers.AntiforgeryToken(await client.GetStringAsync(who == "Anonymous" ? "/Account/Login" : "/Account/Security"));
        }

        return client;
    }

    /// <summary>The URL a matrix row stands for, with ids of this portal's records.</summary>
    public string UrlFor(string route)
    {
        var url = route
            .Replace("{**path:file}", "khong-co-tep.txt", StringComparison.Ordinal)
            .Replace("{**path}", "khong-co", StringComparison.Ordinal)
            .Replace("/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{_values["user"]}", StringComparison.Ordinal)
            .Replace("/Estimates/Details/{id:int}", $"/Estimates/Details/{_values["estimate"]}", StringComparison.Ordinal)
            .Replace("/Catalog/Plan/{id:int}", $"/Catalog/Plan/{_values["item"]}", StringComparison.Ordinal)
            .Replace("/Organizations/Details/{id:int}", $"/Organizations/Details/{_values["organization"]}", StringComparison.Ordinal)
            .Replace("/Organizations/Edit/{id:int}", $"/Organizations/Edit/{_values["organization"]}", StringComparison.Ordinal)
            .Replace("/SupportRules/Details/{id:int}", $"/SupportRules/Details/{_values["ruleSet"]}", StringComparison.Ordinal)
            .Replace("{id:int}", _values["proposal"], StringComparison.Ordinal)
            .Replace("{code}", "2026-2030", StringComparison.Ordinal)
            .Replace("{slug}", "khong-co-doanh-nghiep", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{kind}", "appendix", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        url = url switch
        {
            "/Disbursements/Record" or "/Disbursements/Settle" => $"{url}?proposalId={_values["proposal"]}",
            "/Disbursements/Reverse" => $"{url}?id={_values["entry"]}",
            _ when url.EndsWith("?handler=Attachment", StringComparison.Ordinal) => $"{url}&attachmentId={_values["attachment"]}",
            _ => url,
        };
        return url;
    }

    public async Task<string> TryAsync(HttpClient client, string endpoint, string who)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var method = endpoint[..space];
        var url = UrlFor(endpoint[(space + 1)..]);
        HttpResponseMessage response;
        if (method == "POST")
        {
            // An empty form with the caller's antiforgery token: enough to reach the handler, never enough to change data.
            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = _tokens[who], ["Act.Stamp"] = Guid.Empty.ToString() };
            response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        }
        else
        {
            response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), url));
        }

        // A server error is never an expected outcome: the caller got in, and the page broke.
        if ((int)response.StatusCode >= 500)
        {
            return "E";
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && location.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal))
        {
            return "L";
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return "L";
        }

        // The access-denied page itself answers 403 by design: reaching it is the expected outcome.
        if (url.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Forbidden)
        {
            return "A";
        }

        if (response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/Account/AccessDenied", StringComparison.Ordinal))
        {
            return "D";
        }

        return "A";
    }
}
