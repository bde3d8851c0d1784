using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Infrastructure;
using NgheAn.CNHT.Infrastructure.Mail;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Notifications;

/// <summary>
/// E-mail notices through SMTP, against a small SMTP server the test runs on 127.0.0.1: sent after the step's
/// commit, never holding up or undoing the step; off unless Smtp:Host is set.
/// </summary>
public sealed class EmailNoticeTests
{
    private static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "cnht@sct.nghean.gov.vn",
        ["Smtp:PortalUrl"] = "https://cnht.nghean.gov.vn",
        ["Smtp:PollSeconds"] = "1",
        ["Smtp:TimeoutSeconds"] = "5",
    };

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => "Act." + f.Key, f => f.Value);

    private static async Task<CnhtFactory> PortalAsync(Dictionary<string, string?> settings)
    {
        var portal = new CnhtFactory { Settings = settings };
        await portal.EnsureDemoUsersAsync();
        return portal;
    }

    [Fact]
    public async Task A_submitted_proposal_is_mailed_to_the_support_center_after_the_commit_without_waiting_for_a_slow_server()
    {
        await using var smtp = new FakeSmtpServer(holdGreeting: true);
        await using var portal = await PortalAsync(Smtp(smtp.Port));
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var id = await InStatusAsync(portal, ProposalStatus.Draft, "Đào tạo thợ hàn bậc cao cho doanh nghiệp cơ khí");
        await AttachDossierAsync(portal, id);
        var code = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

        // The mail server will not greet until the gate opens, and the gate opens only after the step has answered:
        // a step that waited for the mail could never answer. The bound only turns that deadlock into a clear failure.
        var step = specialist.PostStepAsync(id, "Submit", Fields(("Comment", "Hồ sơ đầy đủ")));
        var answered = await Task.WhenAny(step, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(answered == step, "the step did not answer while the mail server was silent: it waits for the mail");
        var response = await step;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(portal, id));
        var queued = await ReadAsync(portal, db => db.OutgoingEmails.AsNoTracking().ToListAsync());
        var mail = Assert.Single(queued);
        Assert.Equal("trungtam@cnht.demo", mail.To);
        Assert.Null(mail.SentAt);

        smtp.Gate.SetResult();
        var message = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Equal("trungtam@cnht.demo", message.To.Mailboxes.Single().Address);
        Assert.Equal("cnht@sct.nghean.gov.vn", message.From.Mailboxes.Single().Address);
        Assert.Equal("Cổng CNHT Nghệ An", message.From.Mailboxes.Single().Name);
        Assert.Equal($"[CNHT Nghệ An] Đề án {code} chờ thẩm định", message.Subject);
        Assert.Contains("«Đào tạo thợ hàn bậc cao cho doanh nghiệp cơ khí» đã nộp hồ sơ, chờ Trung tâm ghi kết quả thẩm định.", message.TextBody);
        Assert.Contains($"Xem và xử lý tại: https://cnht.nghean.gov.vn/Proposals/Details/{id}", message.TextBody);
        Assert.Contains("Kính gửi: Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương,", message.TextBody);

        await WaitUntilAsync(() => ReadAsync(portal, db => db.OutgoingEmails.AnyAsync(e => e.Id == mail.Id && e.SentAt != null)));
    }

    [Fact]
    public async Task A_mail_server_that_is_down_changes_nothing_for_the_step_and_the_mail_waits_for_a_retry()
    {
        // A port nobody listens on: take one and close it.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var portal = await PortalAsync(Smtp(port));
        var center = await portal.SignInAsAsync("SupportCenter");
        var id = await InStatusAsync(portal, ProposalStatus.Submitted);

        var response = await center.PostStepAsync(id, "Appraise", Fields(
            ("Date", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Comment", "Đồng ý"), ("TotalCost", "1.000.000.000"), ("ProvincialShare", "300.000.000")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProposalStatus.Appraised, await StatusAsync(portal, id));

        // The sender tried, failed, wrote down why and when it will try again; the notice is in the portal regardless.
        await WaitUntilAsync(() => ReadAsync(portal, db => db.OutgoingEmails.AnyAsync(e => e.Attempts > 0)));
        var mail = await ReadAsync(portal, db => db.OutgoingEmails.AsNoTracking().SingleAsync());
        Assert.Equal("lanhdao@cnht.demo", mail.To);
        Assert.Null(mail.SentAt);
        Assert.Null(mail.FailedAt);
        Assert.False(string.IsNullOrEmpty(mail.LastError));
        Assert.True(mail.NextAttemptAt > DateTime.UtcNow);
        Assert.Null(mail.LockedUntil);
        Assert.True(await ReadAsync(portal, db => db.Notifications.AnyAsync(n => n.ProposalId == id && n.RecipientRole == "DoitLeader")));
    }

    [Fact]
    public async Task Without_an_smtp_host_no_mail_is_queued_but_the_notice_is_in_the_portal()
    {
        await using var portal = await PortalAsync([]);
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        await AttachDossierAsync(portal, id);

        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostStepAsync(id, "Submit", Fields())).StatusCode);
        Assert.True(await ReadAsync(portal, db => db.Notifications.AnyAsync(n => n.ProposalId == id)));
        Assert.Equal(0, await ReadAsync(portal, db => db.OutgoingEmails.CountAsync()));
    }

    [Theory]
    [InlineData("mail.sct.nghean.gov.vn", null, null, "thiếu Smtp:From")]
    [InlineData("mail.sct.nghean.gov.vn", "cnht@sct.nghean.gov.vn", "cnht.nghean.gov.vn", "Smtp:PortalUrl phải là địa chỉ đầy đủ")]
    public void Smtp_settings_that_cannot_work_are_refused_with_a_vietnamese_reason(string host, string? from, string? portalUrl, string reason)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:Host"] = host, ["Smtp:From"] = from, ["Smtp:PortalUrl"] = portalUrl })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddInfrastructureServices();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SmtpOptions>>();
        var error = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains(reason, error.Message);
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition) =>
        Poll.UntilAsync(condition, TimeSpan.FromSeconds(20), "the e-mail was not marked as sent");
}

/// <summary>Two senders (two web nodes) working the same outbox send each message exactly once.</summary>
public sealed class OutboxClaimTests
{
    [Fact]
    public async Task Two_senders_on_one_outbox_send_every_message_once()
    {
        await using var smtp = new FakeSmtpServer();
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "cnht@sct.nghean.gov.vn",
            ["Smtp:PollSeconds"] = "3600",
        };
        await using var portal = new CnhtFactory(seedDemoData: false) { Settings = settings };
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>();
            for (var i = 1; i <= 12; i++)
            {
                db.OutgoingEmails.Add(new NgheAn.CNHT.Domain.Access.OutgoingEmail($"nguoi{i}@sct.nghean.gov.vn", $"Thư số {i}", "Nội dung", DateTime.UtcNow.AddMinutes(-1)));
            }

            await db.SaveChangesAsync();
        }

        OutgoingMailSender Sender() => ActivatorUtilities.CreateInstance<OutgoingMailSender>(portal.Services);
        var options = portal.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var (a, b) = (Sender(), Sender());
        await Task.WhenAll(
            Task.Run(async () => { while (await a.SendDueAsync(options, CancellationToken.None) > 0) { } }),
            Task.Run(async () => { while (await b.SendDueAsync(options, CancellationToken.None) > 0) { } }));

        // The portal's own background sender is a third sender on the same outbox: woken by the commit above, it may
        // have claimed messages and still be sending them when both senders return (seen once in CI: 2 of 12 counted).
        // So wait until the outbox records every message as sent; the fake server stores a message before it answers
        // "250 queued", so by then every message any sender sent is counted, and a duplicate would show.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var poll = portal.Services.CreateScope();
            if (!await poll.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>().OutgoingEmails.AnyAsync(e => e.SentAt == null))
            {
                break;
            }

            await Task.Delay(100);
        }

        var messages = smtp.Messages;
        Assert.Equal(12, messages.Count);
        Assert.Equal(12, messages.Select(m => m.Subject).Distinct().Count());
        using var check = portal.Services.CreateScope();
        var sent = await check.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>()
            .OutgoingEmails.Select(e => new { e.SentAt, e.Attempts }).ToListAsync();
        Assert.All(sent, e => Assert.NotNull(e.SentAt));
        Assert.All(sent, e => Assert.Equal(1, e.Attempts));
    }
}
