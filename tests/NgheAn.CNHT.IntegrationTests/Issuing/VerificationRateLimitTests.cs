using System.Net;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Issuing;

/// <summary>A portal whose verification page accepts two files per address and window (the default is 20 per 10 minutes).</summary>
public sealed class VerificationLimitPortal : CnhtFactory
{
    public VerificationLimitPortal() => Settings = new()
    {
        ["Security:VerificationRateLimit:PermitLimit"] = "2",
        ["Security:VerificationRateLimit:WindowSeconds"] = "600",
    };
}

/// <summary>The anonymous verification page limits the files one address may submit (ADR 0199); reading it stays free.</summary>
public sealed class VerificationRateLimitTests(VerificationLimitPortal portal) : IClassFixture<VerificationLimitPortal>
{
    [Fact]
    public async Task The_upload_over_the_limit_is_refused_in_vietnamese_and_reading_the_page_stays_free()
    {
        var visitor = portal.NewClient();
        static MultipartFormDataContent File() => new() { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "Upload", "van-ban.pdf" } };
        for (var i = 0; i < 2; i++)
        {
            using var form = File();
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await visitor.PostAsync("/xac-thuc/KHONGCOMA", form)).StatusCode);
        }

        using var third = File();
        var refused = await visitor.PostAsync("/xac-thuc/KHONGCOMA", third);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(600), refused.Headers.RetryAfter?.Delta);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", page);
        Assert.Contains("Vui lòng thử lại sau 10 phút.", page);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/xac-thuc/KHONGCOMA")).StatusCode);
    }
}
