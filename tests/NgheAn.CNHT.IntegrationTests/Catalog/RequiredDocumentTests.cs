using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Catalog;

/// <summary>Issue 24 (3): each content item's dossier checklist is catalog data; "Nộp hồ sơ" is refused without its mandatory documents.</summary>
public sealed class RequiredDocumentTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static Dictionary<string, string> Step(string comment = "") => new() { ["Act.Comment"] = comment };

    [Fact]
    public async Task Every_item_the_department_does_not_run_itself_has_its_checklist_in_order_and_the_others_have_none()
    {
        var rows = await ReadAsync(portal, db => db.ContentItems.AsNoTracking()
            .Where(i => i.Group.Program.Code == CatalogSeeder.Program2018Code)
            .Select(i => new { i.Code, Group = i.Group.Code, Documents = db.RequiredDocuments.Where(d => d.ContentItemId == i.Id).OrderBy(d => d.SortOrder).Select(d => d.Name).ToList() })
            .ToListAsync());
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            if (RequiredDocumentSeeder.DepartmentRunGroups.Contains(row.Group))
            {
                Assert.Empty(row.Documents);
            }
            else
            {
                Assert.Equal(RequiredDocumentSeeder.Standard.Select(d => d.Name), row.Documents);
            }
        }

        // The calls for applications read an item's checklist the same way, to copy it.
        var itemId = await ReadAsync(portal, db => db.ContentItems.Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).SingleAsync());
        var checklist = await portal.ScopedAsync(sp => sp.GetRequiredService<DossierChecklist>().ForItemAsync(itemId));
        Assert.Equal([1, 2, 3, 4], checklist.Select(c => c.SortOrder));
        Assert.Equal(3, checklist.Count(c => c.IsMandatory));
    }

    [Fact]
    public async Task Submitting_without_the_mandatory_documents_is_refused_with_their_names_and_nothing_changes()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var id = await InStatusAsync(portal, ProposalStatus.Draft, "Đề án chưa đủ hồ sơ");

        var response = await specialist.PostStepAsync(id, "Submit", Step());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa nộp được: hồ sơ còn thiếu Đơn đề nghị hỗ trợ của đơn vị chủ trì; Thuyết minh đề án", text, StringComparison.Ordinal);
        Assert.Contains("Dự toán kinh phí chi tiết", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập.", text, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, await StatusAsync(portal, id));
        Assert.Equal(1, await ReadAsync(portal, db => db.ProposalTransitions.CountAsync(t => t.ProposalId == id)));

        await AttachDossierAsync(portal, id);
        var accepted = await specialist.PostStepAsync(id, "Submit", Step("Đủ hồ sơ"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_department_run_item_has_no_dossier_to_check()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var id = await InStatusAsync(portal, ProposalStatus.Draft, "Khảo sát cơ sở dữ liệu doanh nghiệp");
        using (var scope = portal.Services.CreateScope())
        {
            // Move the draft to item 6.1 (surveys the department runs itself).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var item = await db.ContentItems.Where(i => i.Code == "6.1" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).SingleAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Proposals SET ContentItemId = {item} WHERE Id = {id}");
        }

        var response = await specialist.PostStepAsync(id, "Submit", Step());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(portal, id));
    }

    [Fact]
    public void A_checklist_entry_names_its_document_and_its_kind()
    {
        var ex = Assert.Throws<NgheAn.CNHT.Domain.Common.DomainException>(() => new RequiredDocument(1, 1, " ", DocumentType.Application, true));
        Assert.Equal("Tên hồ sơ không được để trống.", ex.Message);
        var missing = RequiredDocument.Missing(
            [(DocumentType.Application, true), (DocumentType.CostEstimate, true), (DocumentType.Other, false)],
            [DocumentType.Application], d => d.Item1, d => d.Item2);
        Assert.Equal([(DocumentType.CostEstimate, true)], missing);
    }
}
