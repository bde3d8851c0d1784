using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.Web.Security;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// The rest of the request pipeline after request logging, kept when the pipeline is built (<see cref="PageWarmUp"/>)
/// and let go once the warm-up has ended. Only code inside the process can reach it: it is not an endpoint.
/// </summary>
public sealed class WarmUpPipeline
{
    private RequestDelegate? _next;
    private bool _kept;

    public RequestDelegate? Next => _next;

    /// <summary>Kept once, as the pipeline is built; a second call fails.</summary>
    public RequestDelegate Keep(RequestDelegate next)
    {
        if (_kept)
        {
            throw new InvalidOperationException("The warm-up's pipeline is kept once.");
        }

        _kept = true;
        _next = next;
        return next;
    }

    public void Release() => _next = null;
}

/// <summary>
/// After a start, renders the pages each role opens first once, in the background, through the portal's own pipeline
/// (issue 21, ADR 0240): the first request of each page kind after a start cost 120–284 ms at national size (its Razor
/// page activated, its EF queries compiled, the layout of a signed-in role rendered for the first time), which the first
/// user of the day paid. Runs after <see cref="ProposalPageWarmUp"/> (one warm-up at a time on two cores), only GET
/// pages that write nothing, each as a made-up principal of a role (<see cref="Principal"/>: an id no account has, so no
/// staff user's own data is read and a page that needs a real account answers a challenge) — the enterprise's pages
/// named as one verified enterprise account, whose pages find its organization by that name (ADR 0240 addendum; what
/// they render is counted and dropped, never sent; only that account's own bell count, kept a second, and the
/// Enterprise role's menu, which holds no one's data, stay in memory) — each in a scope marked
/// <see cref="ReadOnlyWork"/>, so a write that a page might send one day fails instead of being recorded. The requests
/// never reach the network, request logging or the exception page: they enter the pipeline after those. A failure is
/// logged and changes nothing: the first visit compiles what it needs, as before. Off with
/// <c>Portal:WarmPagesAfterStart=false</c> (the tests' hosts, which start hundreds of times).
/// </summary>
public sealed class PageWarmUp(
    WarmUpPipeline pipeline,
    IServiceScopeFactory scopes,
    ProposalPageWarmUp proposalPage,
    DatabaseGate databaseGate,
    IConfiguration configuration,
    IHttpContextAccessor accessor,
    IHostApplicationLifetime lifetime,
    ILogger<PageWarmUp> logger) : BackgroundService
{
    public const string Setting = "Portal:WarmPagesAfterStart";

    /// <summary>The made-up account id of the warm-up's principals; no account has it (ids are GUIDs).</summary>
    public const string PrincipalId = "warm-up";

    /// <summary>The authentication type of the warm-up's principals: never a sign-in's (Identity.Application).</summary>
    public const string AuthenticationType = "WarmUp";

    /// <summary>Completes when the warm-up has ended (done, skipped, failed or stopped); for tests.</summary>
    public Task Done => _done.Task;

    /// <summary>Each page rendered, with the role it was rendered as (null: anonymous) and its status; for tests and the log.</summary>
    public IReadOnlyList<WarmedPage> Pages => _pages;

    private readonly List<WarmedPage> _pages = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record WarmedPage(string Path, string? Role, int Status, long Bytes, double Milliseconds);

    /// <summary>
    /// The enterprise whose pages are rendered (ADR 0240 addendum): the user name of an active, verified account of the
    /// organization with the newest application, that application and the organization's newest proposal (not a draft).
    /// </summary>
    public sealed record EnterpriseVisit(string UserName, int? ApplicationId, int? ProposalId);

    /// <summary>
    /// The pages in the order they are rendered: the crawl's slowest first visits (docs/performance.md, round 25) and the
    /// first page of each role. A role's dashboard keeps its figures for the data version (VersionedCache), so its first
    /// real visit after a start is served from them too. An enterprise's pages read its own organization through its
    /// account's user name, so they are rendered as a real enterprise account (<paramref name="enterprise"/>, when there
    /// is one): its home, its profile, its newest application's page and form, and its newest proposal as it follows it.
    /// </summary>
    public static IReadOnlyList<(string Path, string? Role)> Plan(string? newsSlug, EnterpriseVisit? enterprise = null) =>
    [
        ("/", null),
        ("/chuong-trinh", null),
        ("/danh-ba", null),
        .. newsSlug is null ? Array.Empty<(string, string?)>() : [("/tin-tuc/" + Uri.EscapeDataString(newsSlug), null)],
        ("/", Roles.DoitSpecialist),
        ("/Proposals", Roles.DoitSpecialist),
        ("/Proposals/Create", Roles.DoitSpecialist),
        ("/Disbursements", Roles.SupportCenter),
        ("/", Roles.SupportCenter),
        ("/", Roles.DoitLeader),
        ("/Reports", Roles.Viewer),
        ("/", Roles.Viewer),
        ("/", Roles.Admin),
        ("/Calls", null),
        ("/en", null),
        .. enterprise is null ? Array.Empty<(string, string?)>() : EnterprisePages(enterprise),
    ];

    private static (string, string?)[] EnterprisePages(EnterpriseVisit enterprise) =>
    [
        ("/DoanhNghiep", Roles.Enterprise),
        ("/DoanhNghiep/HoSo", Roles.Enterprise),
        .. enterprise.ApplicationId is { } application
            ? new (string, string?)[] { ($"/Applications/Details/{application}", Roles.Enterprise), ($"/Applications/Edit/{application}", Roles.Enterprise) }
            : [],
        .. enterprise.ProposalId is { } proposal ? new (string, string?)[] { ($"/DoanhNghiep/DeAn/{proposal}", Roles.Enterprise) } : [],
    ];

    /// <summary>
    /// A signed-in principal of one role as the cookie would carry it (two factors used), with an id no account has; named
    /// <paramref name="name"/> (an enterprise account's user name, through which its pages find their organization).
    /// </summary>
    private static ClaimsPrincipal Principal(string role, string name) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, PrincipalId),
            new Claim(ClaimTypes.Name, name),
            new Claim(ClaimTypes.Role, role),
            new Claim(TwoFactorEnforcement.MfaClaimType, TwoFactorEnforcement.MfaClaimValue),
        ],
        AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (!configuration.GetValue(Setting, true))
            {
                return;
            }

            try
            {
                await databaseGate.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The preparation failed: logged as critical there, and the portal stops.
                return;
            }

            await proposalPage.Done.WaitAsync(stoppingToken);
            // The server builds the pipeline as it starts, after the hosted services have: wait until it has.
            if (!lifetime.ApplicationStarted.IsCancellationRequested)
            {
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                {
                    await started.Task.WaitAsync(stoppingToken);
                }
            }

            if (pipeline.Next is not { } next)
            {
                return;
            }

            var watch = Stopwatch.StartNew();
            string? newsSlug = null;
            EnterpriseVisit? enterprise = null;
            try
            {
                using var scope = scopes.CreateScope();
                var services = scope.ServiceProvider;
                services.GetRequiredService<ReadOnlyWork>().On = true;
                var db = services.GetRequiredService<AppDbContext>();
                newsSlug = await db.NewsPosts.AsNoTracking()
                    .Where(n => n.State == PublicationState.Published).OrderByDescending(n => n.PublishedAt).Select(n => n.Slug)
                    .FirstOrDefaultAsync(stoppingToken);
                enterprise = await EnterpriseAsync(db, stoppingToken);
                // The security page's own work (its account read by id, the authenticator's QR code drawn), which a
                // made-up principal cannot render: the account's page answers a challenge without a real account.
                var users = services.GetRequiredService<UserManager<AppUser>>();
                await users.FindByIdAsync(PrincipalId);
                // Its token reads (the authenticator key, the recovery codes), for an account object that is never saved.
                var nobody = new AppUser { Id = PrincipalId, Email = "warm-up@localhost", UserName = "warm-up@localhost" };
                await users.GetAuthenticatorKeyAsync(nobody);
                await users.CountRecoveryCodesAsync(nobody);
                _ = QrCodes.Svg("otpauth://totp/CNHT%20Ngh%E1%BB%87%20An:warm-up?secret=JBSWY3DPEHPK3PXP&issuer=CNHT%20Ngh%E1%BB%87%20An&digits=6");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The newest article's address or the security page's reads were not read; the pages are warmed up without them");
            }

            foreach (var (path, role) in Plan(newsSlug, enterprise))
            {
                stoppingToken.ThrowIfCancellationRequested();
                _pages.Add(await RenderAsync(next, path, role, role == Roles.Enterprise ? enterprise!.UserName : PrincipalId, stoppingToken));
            }

            logger.LogInformation("{Pages} pages rendered once in the background in {Elapsed:0} ms: {List}", _pages.Count, watch.Elapsed.TotalMilliseconds,
                string.Join(", ", _pages.Select(p => $"{p.Path} ({p.Role ?? "anonymous"}) {p.Status} {p.Milliseconds:0} ms")));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Only a warm-up: the first visit of each page compiles what it needs, as before.
            logger.LogWarning(ex, "The pages were not warmed up in the background; the first visit of each compiles it");
        }
        finally
        {
            pipeline.Release();
            _done.TrySetResult();
        }
    }

    /// <summary>
    /// An active, verified account of the organization with the newest application (or, with none, the newest such account),
    /// with that application and the organization's newest proposal; null when no enterprise has a verified account.
    /// </summary>
    private static async Task<EnterpriseVisit?> EnterpriseAsync(AppDbContext db, CancellationToken ct)
    {
        // A verified member whose account is active (one member per account: the pages find it by the account's name).
        var verified = db.EnterpriseMembers.AsNoTracking()
            .Where(m => m.Status == Domain.Enterprises.MemberStatus.Verified && db.Users.Any(u => u.Id == m.UserId && u.IsActive));
        var newest = await db.Applications.AsNoTracking()
            .Where(a => verified.Any(m => m.OrganizationId == a.OrganizationId))
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.OrganizationId }).FirstOrDefaultAsync(ct);
        if (newest is not null)
        {
            var organization = newest.OrganizationId;
            verified = verified.Where(m => m.OrganizationId == organization);
        }

        var member = await verified.OrderByDescending(m => m.Id).Select(m => new { m.UserName, m.OrganizationId }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        // As the enterprise's proposal page finds them: a draft is not shown to the enterprise.
        var proposal = await db.Proposals.AsNoTracking()
            .Where(p => p.LeadOrganizationId == member.OrganizationId && p.Status != Domain.Proposals.ProposalStatus.Draft)
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return new EnterpriseVisit(member.UserName, newest?.Id, proposal);
    }

    private async Task<WarmedPage> RenderAsync(RequestDelegate next, string path, string? role, string name, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ReadOnlyWork>().On = true;
        var body = new CountingStream();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = HttpMethods.Get, Scheme = "https", Path = path, Protocol = "HTTP/1.1" });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "warm-up",
            RemoteIpAddress = System.Net.IPAddress.Loopback,
            LocalIpAddress = System.Net.IPAddress.Loopback,
        });
        var context = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider };
        context.Request.Host = new HostString("localhost");
        context.Request.Headers.Accept = "text/html";
        context.Request.Headers.AcceptLanguage = "vi-VN";
        if (role is not null)
        {
            context.User = Principal(role, name);
        }

        // Code that reads the request through IHttpContextAccessor (ICurrentUser) sees this one, as in a real request.
        accessor.HttpContext = context;
        try
        {
            await next(context);
            await context.Response.CompleteAsync();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Warming {Path} as {Role} failed; its first visit compiles it", path, role ?? "anonymous");
            return new WarmedPage(path, role, StatusCodes.Status500InternalServerError, body.Length, watch.Elapsed.TotalMilliseconds);
        }
        finally
        {
            accessor.HttpContext = null;
        }

        return new WarmedPage(path, role, context.Response.StatusCode, body.Length, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>A response body that keeps only its length.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
