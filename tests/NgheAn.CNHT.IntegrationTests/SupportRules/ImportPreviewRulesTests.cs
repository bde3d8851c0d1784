using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.SupportRules;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.SupportRules;

/// <summary>On the portal the preview lists the rows outside the norms; confirming imports them flagged (discarding refuses the file).</summary>
public sealed class ImportPreviewRulesTests
{
    [Fact]
    public async Task The_preview_shows_each_violation_and_confirming_imports_with_flags()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var client = await portal.SignInAsAsync("DoitLeader");
        var page = await client.GetStringAsync("/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("2018-2025"), "Input.ProgramCode" },
        };
        var file = new ByteArrayContent(ImportRulesTests.Workbook());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "Input.File", "lich-su-dinh-muc.xlsx");
        var upload = await client.PostAsync("/Import?handler=Upload", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var preview = upload.Headers.Location!.OriginalString;

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        Assert.Contains("data-outside-norms=\"1\"", html);
        // The problems table: sheet, row, column (letter and header), message.
        Assert.Matches(@"<td>DeAn</td>\s*<td class=""num"">2</td>\s*<td>I \(Ngân sách tỉnh hỗ trợ \(đồng\)\)</td>\s*<td>Vượt định mức", html);
        Assert.Contains("vượt mức tối đa 30%", html);
        Assert.Equal(0, await ProposalArrange.ReadAsync(portal, db => db.ProposalRuleFlags.CountAsync()));

        var id = preview.Split('/')[^1];
        var confirm = await client.PostAsync($"/Import/Preview/{id}?handler=Confirm",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(await client.GetStringAsync(preview)) }));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var kinds = await ProposalArrange.ReadAsync(portal, db => db.ProposalRuleFlags.Select(f => f.Kind).ToListAsync());
        Assert.Equal([RuleFlagKind.ImportFlag], kinds);
        Assert.Equal(3, await ProposalArrange.ReadAsync(portal, db => db.Proposals.CountAsync(p => p.Code.StartsWith("DM-"))));
    }
}
