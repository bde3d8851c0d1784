using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>A clock the tests move (submission deadlines are judged by the server's clock, injected as TimeProvider).</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
}

/// <summary>
/// A portal with demo data and staff accounts, a movable clock, and helpers for the enterprise portal: open calls on
/// program 2018-2025 (so nothing touches 2026-2030), enterprise accounts made verified or not, forms posted with files.
/// </summary>
public sealed class EnterprisePortal : CnhtFactory, IAsyncLifetime
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public const string Checklist = "Đơn đề nghị hỗ trợ\nThuyết minh đề án";

    public MovableClock Clock { get; } = new();

    private int _accounts;

    public async Task InitializeAsync() => await EnsureDemoUsersAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A published call open from an hour ago for <paramref name="openFor"/>, with items 3.3 and 1.4 of 2018-2025; returns the call item ids.</summary>
    public Task<(int CallId, int ItemA, int ItemB)> OpenCallAsync(TimeSpan? openFor = null) => ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var program = await db.Programs.SingleAsync(p => p.Code == "2018-2025");
        var items = await db.ContentItems.Where(i => i.Group.ProgramId == program.Id && (i.Code == "3.3" || i.Code == "1.4")).OrderByDescending(i => i.Code).Select(i => i.Id).ToListAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        var call = new CallForApplications(program.Id, program.Period, new CallDetails("Thông báo kiểm thử", 2025, now.AddHours(-1), now + (openFor ?? TimeSpan.FromDays(7)), "Hướng dẫn", "Trung tâm"));
        call.OpenItem(items[0], Checklist);
        call.OpenItem(items[1], Checklist);
        call.Publish(ProposalArrange.Center, now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var ids = call.Items.Select(i => i.Id).ToList();
        return (call.Id, ids[0], ids[1]);
    });

    /// <summary>A confirmed enterprise account of a new organization (verified unless told otherwise) and a client signed in as it.</summary>
    public async Task<(HttpClient Client, string Email, int OrganizationId)> EnterpriseAsync(bool verified = true, int? organizationId = null)
    {
        var n = Interlocked.Increment(ref _accounts);
        var email = $"dn{n}-{Guid.NewGuid():N}"[..16] + "@kiemthu.vn";
        var orgId = await ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var org = organizationId is { } existing ? await db.Organizations.SingleAsync(o => o.Id == existing) : null;
            if (org is null)
            {
                var stem = (300000000 + Random.Shared.Next(1, 99999999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                org = Organization.RegisteredOnline($"Doanh nghiệp kiểm thử {n}", DemoDataSeeder.WithCheckDigit(stem), null, "Người liên hệ", null, email);
                db.Organizations.Add(org);
                await db.SaveChangesAsync();
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Người dùng doanh nghiệp {n}", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, UserSeeder.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Enterprise)).Succeeded);
            var file = new DossierFile(org.Id, "dkdn.pdf", "application/pdf", Pdf, Actor.System, DateTime.UtcNow);
            db.DossierFiles.Add(file);
            await db.SaveChangesAsync();
            var member = new EnterpriseMember(user.Id, email, org.Id, $"Người dùng doanh nghiệp {n}", null, null, null);
            member.AttachCertificate(file.Id);
            if (verified)
            {
                member.Verify(ProposalArrange.Center, DateTime.UtcNow);
                org.MarkVerified();
            }

            db.EnterpriseMembers.Add(member);
            await db.SaveChangesAsync();
            return org.Id;
        });
        var client = this.NewClient();
        var response = await client.SignInAsync(email, UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, email, orgId);
    }

    public static Dictionary<string, string> ApplicationFields(int callItemId, string title = "Đề án doanh nghiệp kiểm thử", string support = "60.000.000", string counterpart = "40.000.000",
        params (string Description, string Unit, string Quantity, string Price)[] lines)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.CallItemId"] = callItemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = title,
            ["Input.Objectives"] = "Mục tiêu",
            ["Input.StartYear"] = "2025",
            ["Input.EndYear"] = "2025",
            ["Input.RequestedSupport"] = support,
            ["Input.Counterpart"] = counterpart,
        };
        if (lines.Length == 0)
        {
            lines = [("Thuê chuyên gia", "ngày công", "10", "5.000.000"), ("Mua thiết bị đo", "bộ", "1", "50.000.000")];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            fields[$"Input.Lines[{i}].Description"] = lines[i].Description;
            fields[$"Input.Lines[{i}].Unit"] = lines[i].Unit;
            fields[$"Input.Lines[{i}].Quantity"] = lines[i].Quantity;
            fields[$"Input.Lines[{i}].UnitPrice"] = lines[i].Price;
        }

        return fields;
    }

    /// <summary>Creates a draft through the page; returns its id.</summary>
    public static async Task<int> DraftAsync(HttpClient client, int callItemId)
    {
        var response = await client.PostFormAsync($"/Applications/Create?callItemId={callItemId}", ApplicationFields(callItemId), "/Applications/Create");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"/Applications/Details/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Stamp(string html) => Regex.Match(html, "name=\"Stamp\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int applicationId, string requirement, string fileName, byte[] content, string? stamp = null)
    {
        var html = await client.GetStringAsync($"/Applications/Details/{applicationId}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(stamp ?? Stamp(html)), "Stamp" },
            { new StringContent(requirement), "Requirement" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "File", fileName);
        return await client.PostAsync($"/Applications/Details/{applicationId}?handler=Upload", form);
    }

    public static async Task UploadChecklistAsync(HttpClient client, int applicationId)
    {
        foreach (var requirement in Checklist.Split('\n'))
        {
            var response = await UploadAsync(client, applicationId, requirement, "tai-lieu.pdf", Pdf);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Posts a handler of a page with the page's current stamp (or the one given).</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string page, string handler, Dictionary<string, string>? fields = null, string? stamp = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(html) };
        if (stamp != "")
        {
            form["Stamp"] = stamp ?? Stamp(html);
        }

        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(form));
    }

    public Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read) => ScopedAsync(sp => read(sp.GetRequiredService<AppDbContext>()));
}
