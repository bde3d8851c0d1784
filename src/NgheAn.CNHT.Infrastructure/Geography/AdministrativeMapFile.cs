using System.Text.Json;
using NgheAn.CNHT.Domain.Geography;

namespace NgheAn.CNHT.Infrastructure.Geography;

/// <summary>
/// The communes and wards of Nghệ An as shipped in nghe-an-administrative-units.json (an embedded resource), with the
/// source it was taken from: the VietnamProvinces project's flat-divisions.json at a pinned commit (ADR 0126).
/// </summary>
public sealed class AdministrativeMapFile
{
    public const string ResourceName = "NgheAn.CNHT.Geography.nghe-an-administrative-units.json";

    public required SourceInfo Source { get; init; }
    public required string ProvinceCode { get; init; }
    public required string ProvinceName { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required IReadOnlyList<UnitLine> Units { get; init; }

    public sealed record SourceInfo(string Project, string File, string Commit, string CommitDate, string Retrieved, string Filter, string Authority, string Licence);

    public sealed record UnitLine(string Code, string Name, AdministrativeUnitKind Kind, string Slug);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Lazy<AdministrativeMapFile> Shipped = new(Read);

    /// <summary>The file in this build, read once.</summary>
    public static AdministrativeMapFile Current => Shipped.Value;

    private static AdministrativeMapFile Read()
    {
        using var stream = typeof(AdministrativeMapFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<AdministrativeMapFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        var duplicate = file.Units.GroupBy(u => u.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{ResourceName}: code {duplicate.Key} appears twice.");
        }

        return file;
    }
}
