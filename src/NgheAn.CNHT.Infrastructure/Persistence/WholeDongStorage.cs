using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// Money is whole đồng: the domain keeps <see cref="decimal"/>, the database stores a 64-bit integer (INTEGER on SQLite,
/// bigint on SQL Server), so sums, comparisons and sorts run natively instead of parsing text per row
/// (docs/decisions/0102-money-as-integers.md). Applied to the whole model after every entity configuration: any
/// <c>decimal</c> property left at scale 0 (the model-wide default, <see cref="AppDbContext.ConfigureConventions"/>) is
/// money; a decimal that is not money declares its scale (<c>HasPrecision(7, 4)</c>) and stays an exact decimal.
/// </summary>
public static class WholeDongStorage
{
    /// <summary>
    /// Rounds half away from zero, as SQL Server's <c>decimal(18,0)</c> column did before; the domain writes whole đồng,
    /// so nothing is rounded in practice. Converting back is exact (|value| &lt; 2^63).
    /// </summary>
    public static readonly ValueConverter<decimal, long> Converter = new(
        value => (long)decimal.Round(value, 0, MidpointRounding.AwayFromZero),
        stored => stored);

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type != typeof(decimal) || property.GetValueConverter() is not null || property.GetProviderClrType() is not null
                    || (property.GetScale() ?? 0) != 0)
                {
                    continue;
                }

                property.SetValueConverter(Converter);
                // The precision belonged to decimal(18,0); an integer column has none.
                property.SetPrecision(null);
                property.SetScale(null);
            }
        }
    }

    public static bool IsMoney(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property) =>
        ReferenceEquals(property.GetValueConverter(), Converter);
}
