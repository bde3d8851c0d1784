using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Matches each row's lead unit with the portal's units (by tax code, then by normalised name) and with the DonVi
/// sheet's description, or plans a new unit the domain has checked. One resolver serves one import.
/// </summary>
internal sealed class UnitResolver
{
    private readonly Dictionary<string, (int Id, string Name, string? TaxCode)> _orgByTax;
    private readonly Dictionary<string, (int Id, string Name, string? TaxCode)> _orgByName;
    private readonly Dictionary<string, (int Row, UnitLine Line)> _sheetByTax = [];
    private readonly Dictionary<string, (int Row, UnitLine Line)> _sheetByName = [];
    private readonly List<(int Row, UnitLine Line)> _sheet = [];

    private UnitResolver(Dictionary<string, (int Id, string Name, string? TaxCode)> orgByTax, Dictionary<string, (int Id, string Name, string? TaxCode)> orgByName)
    {
        _orgByTax = orgByTax;
        _orgByName = orgByName;
    }

    /// <summary>Reads the portal's units and the DonVi sheet; a bad tax code there is reported on its row.</summary>
    public static async Task<UnitResolver> LoadAsync(IAppDbContext db, IReadOnlyList<Numbered<UnitLine>> unitRows, List<ImportProblem> problems, CancellationToken ct)
    {
        // Lead units are a short list (hundreds); three columns of it are read to match by tax code and by normalised name.
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.TaxCode }).ToListAsync(ct);
        var resolver = new UnitResolver(
            orgs.Where(o => o.TaxCode != null).GroupBy(o => o.TaxCode!).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name, g.First().TaxCode)),
            orgs.GroupBy(o => WorkbookLayout.NormalizeText(o.Name)).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name, g.First().TaxCode)));
        resolver.ReadUnitSheet(unitRows, problems);
        return resolver;
    }

    private void ReadUnitSheet(IReadOnlyList<Numbered<UnitLine>> unitRows, List<ImportProblem> problems)
    {
        foreach (var numbered in unitRows)
        {
            if (numbered.Value is not { } unit)
            {
                continue;
            }

            string? tax = null;
            if (unit.TaxCode is not null)
            {
                try
                {
                    tax = TaxCode.Normalize(unit.TaxCode);
                }
                catch (DomainException ex)
                {
                    problems.Add(new ImportProblem(WorkbookLayout.UnitSheetName, numbered.Row, WorkbookLayout.Units["TaxCode"].Letter, WorkbookLayout.Units["TaxCode"].Header, ex.Message));
                    continue;
                }
            }

            var value = (numbered.Row, unit with { TaxCode = tax });
            _sheet.Add(value);
            if (tax is not null)
            {
                _sheetByTax.TryAdd(tax, value);
            }

            _sheetByName.TryAdd(WorkbookLayout.NormalizeText(unit.Name), value);
        }
    }

    /// <summary>Matches the row's lead unit by tax code, then by name; otherwise plans a new unit (checked by the domain).</summary>
    /// <returns>The unit's key in <paramref name="plan"/>, or null after reporting through <paramref name="error"/> (column key, message).</returns>
    public string? Resolve(ProposalLine line, ImportPlan plan, Action<string, string> error)
    {
        string? tax = null;
        if (line.TaxCode is not null)
        {
            try
            {
                tax = TaxCode.Normalize(line.TaxCode);
            }
            catch (DomainException ex)
            {
                error("TaxCode", ex.Message);
                return null;
            }
        }

        var name = WorkbookLayout.NormalizeText(line.UnitName);
        var key = tax is not null ? "T:" + tax : "N:" + name;
        if (plan.Units.ContainsKey(key))
        {
            return key;
        }

        if (tax is not null && _orgByTax.TryGetValue(tax, out var byTax))
        {
            plan.Units[key] = new PlannedUnit(key, byTax.Name, default, tax, null, null, null, byTax.Id);
            return key;
        }

        if (_orgByName.TryGetValue(name, out var byName))
        {
            if (tax is not null && byName.TaxCode is not null && byName.TaxCode != tax)
            {
                error("TaxCode", $"Đơn vị \"{byName.Name}\" đã có trên cổng với mã số thuế {byName.TaxCode}, khác mã số thuế trong tệp ({tax}).");
                return null;
            }

            plan.Units[key] = new PlannedUnit(key, byName.Name, default, byName.TaxCode, null, null, null, byName.Id);
            return key;
        }

        // A unit named without a tax code on this row, but with one on an earlier row of the file: the same unit.
        if (tax is null && plan.Units.Values.FirstOrDefault(u => u.ExistingId is null && WorkbookLayout.NormalizeText(u.Name) == name) is { } sameName)
        {
            return sameName.Key;
        }

        // The other way round (an earlier row named the unit without a tax code, this one with it) would make two
        // units of one: nothing is guessed, the file is asked to say the tax code on every row of that unit.
        if (tax is not null && plan.Units.TryGetValue("N:" + name, out var untaxed) && untaxed.ExistingId is null)
        {
            error("TaxCode", $"Đơn vị \"{untaxed.Name}\" đã được ghi ở dòng trước mà không có mã số thuế; dòng này ghi mã số thuế {tax}. Hãy ghi cùng mã số thuế ở mọi dòng của đơn vị này.");
            return null;
        }

        var described = (tax is not null && _sheetByTax.TryGetValue(tax, out var t) ? t : (_sheetByName.TryGetValue(name, out var n) ? n : ((int Row, UnitLine Line)?)null))?.Line;
        var kind = described?.Kind ?? (tax is not null ? OrganizationKind.SupportingIndustryEnterprise : OrganizationKind.StateAgency);
        try
        {
            _ = new Organization(line.UnitName, kind, tax, described?.Sector, described?.District, described?.Address);
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                error(e.Field == nameof(Organization.TaxCode) ? "TaxCode" : "UnitName", e.Message);
            }

            return null;
        }

        plan.Units[key] = new PlannedUnit(key, line.UnitName, kind, tax, described?.Sector, described?.District, described?.Address, null)
        {
            PlaceholderId = int.MaxValue - plan.Units.Count,
        };
        return key;
    }

    /// <summary>
    /// The DonVi sheet is the register of lead units: a unit listed there that is neither in the portal (by tax code,
    /// then name) nor used by a row of DeAn is created too, so an export re-imports with every unit.
    /// </summary>
    public void PlanListedUnits(ImportPlan plan, List<ImportProblem> problems)
    {
        foreach (var (row, unit) in _sheet)
        {
            var name = WorkbookLayout.NormalizeText(unit.Name);
            var key = unit.TaxCode is not null ? "T:" + unit.TaxCode : "N:" + name;
            if (plan.Units.ContainsKey(key) || (unit.TaxCode is not null && _orgByTax.ContainsKey(unit.TaxCode)) || _orgByName.ContainsKey(name)
                || plan.Units.Values.Any(u => WorkbookLayout.NormalizeText(u.Name) == name))
            {
                continue;
            }

            var kind = unit.Kind ?? (unit.TaxCode is not null ? OrganizationKind.SupportingIndustryEnterprise : OrganizationKind.StateAgency);
            try
            {
                _ = new Organization(unit.Name, kind, unit.TaxCode, unit.Sector, unit.District, unit.Address);
            }
            catch (DomainException ex)
            {
                // Every broken rule of the row, each in its own column (ADR 0120).
                foreach (var e in ex.Errors)
                {
                    var column = WorkbookLayout.Units[e.Field is nameof(Organization.TaxCode) or nameof(Organization.Kind) or nameof(Organization.Name) ? e.Field : "Name"];
                    problems.Add(new ImportProblem(WorkbookLayout.UnitSheetName, row, column.Letter, column.Header, e.Message));
                }

                continue;
            }

            plan.Units[key] = new PlannedUnit(key, unit.Name, kind, unit.TaxCode, unit.Sector, unit.District, unit.Address, null);
        }
    }
}
