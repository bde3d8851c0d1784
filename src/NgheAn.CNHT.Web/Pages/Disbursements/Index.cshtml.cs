using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Disbursements;

public sealed class IndexModel(LedgerQueries ledger, CatalogQueries catalog, ProposalQueries proposals) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")] public string? ProgramCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "source")] public FundingSource? Source { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public DisbursementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "group")] public string? GroupCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "proposal")] public int? ProposalId { get; set; }
    /// <summary>One lead unit by id (links from other pages).</summary>
    [BindProperty(SupportsGet = true, Name = "lead")] public int? LeadOrganizationId { get; set; }
    /// <summary>Typed: words of lead units' names, with or without diacritics, or a tax code.</summary>
    [BindProperty(SupportsGet = true, Name = "unit")] public string? LeadText { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "bpage")] public int BalancePage { get; set; } = 1;

    public const int BalancePageSize = 50;

    public LedgerPage Entries { get; private set; } = null!;
    public IReadOnlyList<ProposalBalance> Balances { get; private set; } = [];
    public BalanceTotals BalanceTotals { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public int BalancePageCount => Math.Max(1, (BalanceTotals.Count + BalancePageSize - 1) / BalancePageSize);
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public ProgramCatalog? Catalog { get; private set; }
    /// <summary>The name of the lead unit chosen by <see cref="LeadOrganizationId"/>, shown with a way to drop it.</summary>
    public string? LeadName { get; private set; }

    public const string FilterCookie = "cnht.ledger.filter";

    public bool IsFiltered => Request.Query.Keys.Any(k => k is not ("page" or "bpage"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RememberedFilters.Apply(this, FilterCookie, "/Disbursements") is { } redirect)
        {
            return redirect;
        }

        Programs = await catalog.ListProgramsAsync(ct);
        ProgramCode ??= await catalog.DefaultProgramCodeAsync(DateTime.UtcNow.Year, ct);
        Catalog = ProgramCode is null ? null : await catalog.GetAsync(ProgramCode, ct);
        var filter = new LedgerFilter(ProgramCode, Year, Source, Kind, GroupCode, ProposalId, LeadOrganizationId, PageNumber,
            LeadUnitIds: await proposals.LeadUnitIdsAsync(LeadText, ct));
        Entries = await ledger.RegisterAsync(filter, ct);
        BalanceTotals = await ledger.BalanceTotalsAsync(filter, ct);
        BalancePage = Math.Clamp(BalancePage, 1, BalancePageCount);
        Balances = await ledger.BalancesAsync(filter, BalancePage, BalancePageSize, ct);
        if (LeadOrganizationId is { } leadId)
        {
            LeadName = (await proposals.ChoicesAsync(ct)).Organizations.FirstOrDefault(o => o.Id == leadId)?.Name ?? $"#{leadId}";
        }
        return Page();
    }

    public Dictionary<string, string?> RouteFor(int page) => RouteFor(page, BalancePage);

    /// <summary>The current filters without the one lead unit chosen by id.</summary>
    public Dictionary<string, string?> WithoutLead()
    {
        var route = RouteFor(1, 1);
        route.Remove("lead");
        return route;
    }

    public Dictionary<string, string?> BalanceRouteFor(int balancePage) => RouteFor(PageNumber, balancePage);

    private Dictionary<string, string?> RouteFor(int page, int balancePage) => new()
    {
        ["bpage"] = balancePage.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["program"] = ProgramCode, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["source"] = Source?.ToString(),
        ["kind"] = Kind?.ToString(), ["group"] = GroupCode, ["proposal"] = ProposalId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["lead"] = LeadOrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["unit"] = string.IsNullOrWhiteSpace(LeadText) ? null : LeadText.Trim(), ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
