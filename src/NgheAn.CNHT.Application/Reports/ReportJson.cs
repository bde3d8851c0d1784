using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// The JSON form of report models, shared by the command line and the API: camelCase, readable
/// Vietnamese, amounts as integers of đồng, percentages as plain numbers (5.34).
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new WholeDecimalConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T model) => JsonSerializer.Serialize(model, Options);

    /// <summary>Writes 891200000.0 as 891200000: whole amounts never carry a trailing scale.</summary>
    private sealed class WholeDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        {
            var rounded = decimal.Round(value, 0);
            if (rounded == value)
            {
                writer.WriteNumberValue(rounded);
            }
            else
            {
                writer.WriteNumberValue(value / 1.000000000000000000000000000000000m);
            }
        }
    }
}
