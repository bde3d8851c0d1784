using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.IntegrationTests.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Organizations;

/// <summary>Lead units: list and search, create and edit by specialists, a page with their proposals.</summary>
public sealed class OrganizationTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static string Valid(string firstNine) => firstNine + TaxCode.CheckDigit(firstNine);

    [Fact]
    public async Task A_specialist_adds_an_enterprise_whose_tax_code_is_checked()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Công ty Cổ phần Linh kiện nhựa Nghĩa Đàn",
            ["Input.Kind"] = nameof(OrganizationKind.SupportingIndustryEnterprise),
            ["Input.TaxCode"] = "",
            ["Input.Sector"] = "Nhựa, cao su",
            ["Input.CommuneCode"] = "16941", // Xã Nghĩa Đàn
            ["Input.Email"] = "lienhe@nhuand.vn",
        };
        var missing = Text(await (await client.PostFormAsync("/Organizations/Create", form)).Content.ReadAsStringAsync());
        Assert.Contains("Doanh nghiệp phải có mã số thuế (10 hoặc 13 chữ số).", missing);

        form["Input.TaxCode"] = "290246801"; // nine digits
        Assert.Contains("Mã số thuế phải gồm 10 chữ số", Text(await (await client.PostFormAsync("/Organizations/Create", form)).Content.ReadAsStringAsync()));

        form["Input.TaxCode"] = Valid("290246802");
        var created = await client.PostFormAsync("/Organizations/Create", form);
        var id = IdFromLocation(created);
        var page = Text(await client.GetStringAsync($"/Organizations/Details/{id}"));
        Assert.Contains("Công ty Cổ phần Linh kiện nhựa Nghĩa Đàn", page);
        Assert.Contains(Valid("290246802"), page);
        Assert.Contains("Đơn vị chưa chủ trì đề án nào.", page);

        form["Input.Name"] = "Một đơn vị khác";
        Assert.Contains("đã được dùng cho đơn vị \"Công ty Cổ phần Linh kiện nhựa Nghĩa Đàn\"", Text(await (await client.PostFormAsync("/Organizations/Create", form)).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_list_searches_names_without_diacritics_and_the_page_lists_the_units_proposals()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var list = Text(await client.GetStringAsync("/Organizations?q=co+khi+chinh+xac"));
        Assert.Contains("Công ty TNHH Cơ khí chính xác Vinh", list);
        Assert.DoesNotContain("Báo Nghệ An", list);

        var id = await ReadAsync(portal, db => db.Organizations.Where(o => o.Name == "Công ty TNHH Cơ khí chính xác Vinh").Select(o => o.Id).SingleAsync());
        var page = Text(await client.GetStringAsync($"/Organizations/Details/{id}"));
        Assert.Contains("CNHT-2019-01", page);
        Assert.Contains("Đổi mới công nghệ gia công chi tiết cơ khí chính xác bằng máy CNC 5 trục", page);
        Assert.Contains("Tổng cộng (1 đề án)", page);
        Assert.DoesNotContain("Sửa thông tin", page); // viewers read only
    }

    [Fact]
    public async Task A_concurrent_edit_of_a_unit_is_refused_with_what_changed()
    {
        var id = await ReadAsync(portal, db => db.Organizations.Where(o => o.Name == "Báo Nghệ An").Select(o => o.Id).SingleAsync());
        var a = await portal.SignInAsAsync("DoitSpecialist");
        var b = await portal.SignInAsAsync("DoitSpecialist");
        var formA = ProposalEditingTests.FormValues(await a.GetStringAsync($"/Organizations/Edit/{id}"));
        var formB = ProposalEditingTests.FormValues(await b.GetStringAsync($"/Organizations/Edit/{id}"));
        formA["Input.ContactPerson"] = "Nguyễn Văn An";
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync($"/Organizations/Edit/{id}", new FormUrlEncodedContent(formA))).StatusCode);

        formB["Input.Phone"] = "0238 3844 000";
        var conflict = await b.PostAsync($"/Organizations/Edit/{id}", new FormUrlEncodedContent(formB));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Matches("Người liên hệ: \\(trống\\) →\\s+Nguyễn Văn An", Text(await conflict.Content.ReadAsStringAsync()));
        Assert.Null(await ReadAsync(portal, db => db.Organizations.Where(o => o.Id == id).Select(o => o.Phone).SingleAsync()));
    }

    [Theory]
    [InlineData("DoitLeader")]
    [InlineData("SupportCenter")]
    [InlineData("Viewer")]
    public async Task Only_specialists_add_or_edit_units(string role)
    {
        var client = await portal.SignInAsAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Organizations")).StatusCode);
        var create = await client.GetAsync("/Organizations/Create");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", create.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Organizations/Edit/1")).StatusCode);
    }
}
