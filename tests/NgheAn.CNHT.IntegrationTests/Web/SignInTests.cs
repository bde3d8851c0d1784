using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Web;

public sealed class SignInTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        // Not "/": since issue 17 it is the public portal's home for a visitor (ADR 0180).
        var response = await portal.NewClient().GetAsync("/Proposals");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_viewer_signs_in_and_sees_the_program_total_in_vietnamese_format()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync("/");
        Assert.Contains("27.247,993", html);
        Assert.Contains("5.500,342", html);
        Assert.Contains("5,34%", html);
        Assert.Contains("Dữ liệu mẫu", html);
        Assert.Contains("Phạm Thị Dung", html);
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_vietnamese()
    {
        var client = portal.NewClient();
        var response = await client.SignInAsync("chuyenvien@cnht.demo", "sai-mat-khau");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        using var scope = portal.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<UserSeeder>();
        await seeder.CreateAsync("khoa@cnht.demo", UserSeeder.DemoPassword, "Khóa Thử", NgheAn.CNHT.Domain.Roles.Viewer, isDemo: true);
        var client = portal.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("khoa@cnht.demo", "Sai@mat-khau1");
        }

        var response = await client.SignInAsync("khoa@cnht.demo", UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tạm khóa", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await portal.SignInAsAsync("DoitLeader");
        var response = await client.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Security")).StatusCode);
    }

    [Fact]
    public async Task Posting_the_sign_in_form_without_antiforgery_token_is_refused()
    {
        var response = await portal.NewClient().PostAsync("/Account/Login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "xem@cnht.demo", ["Input.Password"] = UserSeeder.DemoPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
