using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Indicators;

/// <summary>
/// An item has one indicator of each kind (ADR 0171); adding a kind it has is refused in Vietnamese (ADR 0196), both when
/// the item already has it and when another request adds it between this one's check and its save (the unique index).
/// </summary>
public sealed class DuplicateIndicatorTests
{
    [Fact]
    public async Task Adding_a_kind_the_item_has_is_refused_in_words_and_nothing_changes()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var itemId = await YearlyPlanTests.ItemIdAsync(portal, "1.2");
        var before = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutputIndicators.Where(i => i.ContentItemId == itemId).Select(i => new { i.Kind, i.PeriodTarget }).ToListAsync());
        Assert.Contains(before, i => i.Kind == IndicatorKind.EnterprisesSupported);

        // The add form (no version) of a kind the item already has.
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var page = $"/Indicators/Item/{itemId.ToString(CultureInfo.InvariantCulture)}";
        var response = await specialist.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(IndicatorKind.EnterprisesSupported), ["Input.PeriodTarget"] = "99", ["Input.Years[0].Year"] = "2026", ["Input.Years[0].Target"] = "9",
        }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = ProposalArrange.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nội dung 1.2 đã có chỉ tiêu «Doanh nghiệp được hỗ trợ»; mỗi loại chỉ tiêu chỉ đặt một lần cho một nội dung.", text);
        Assert.DoesNotContain("UNIQUE", text, StringComparison.OrdinalIgnoreCase);
        var after = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutputIndicators.Where(i => i.ContentItemId == itemId).Select(i => new { i.Kind, i.PeriodTarget }).ToListAsync());
        Assert.Equal(before.OrderBy(i => i.Kind), after.OrderBy(i => i.Kind));
    }

    [Fact]
    public async Task When_another_request_adds_the_same_kind_first_the_unique_index_refusal_is_answered_in_words()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var itemId = await YearlyPlanTests.ItemIdAsync(portal, "1.2");
        Assert.False(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutputIndicators.AnyAsync(i => i.ContentItemId == itemId && i.Kind == IndicatorKind.Trainees)));

        // The other request saves its indicator of the same kind just before this one writes (after this one's check).
        var raced = false;
        var error = await Assert.ThrowsAsync<DomainException>(() => portal.AsAsync("DoitSpecialist", async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.SavingChanges += (_, _) =>
            {
                if (raced)
                {
                    return;
                }

                raced = true;
                using var other = portal.Services.CreateScope();
                var otherDb = other.ServiceProvider.GetRequiredService<AppDbContext>();
                otherDb.OutputIndicators.Add(new OutputIndicator(itemId, IndicatorKind.Trainees, 40, isIllustrative: false));
                otherDb.SaveChanges();
            };
            await sp.GetRequiredService<IndicatorService>().SaveIndicatorAsync(itemId, IndicatorKind.Trainees, null, 50, new Dictionary<int, decimal> { [2026] = 10 }, approved: true);
        }));
        Assert.True(raced);
        Assert.Contains("vừa được người khác thêm chỉ tiêu «Học viên được đào tạo»", error.Message, StringComparison.Ordinal);
        var kept = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutputIndicators.Where(i => i.ContentItemId == itemId && i.Kind == IndicatorKind.Trainees).ToListAsync());
        Assert.Equal(40m, Assert.Single(kept).PeriodTarget);
    }
}
