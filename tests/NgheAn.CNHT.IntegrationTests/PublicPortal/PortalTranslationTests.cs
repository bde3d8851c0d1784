using System.Text.RegularExpressions;
using System.Xml.Linq;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>Every Vietnamese text a public page passes to the localizer has its English translation (ADR 0180).</summary>
public sealed partial class PortalTranslationTests
{
    [Fact]
    public void Every_localized_text_of_the_public_pages_has_an_english_translation()
    {
        var web = Path.Combine(RepositoryFiles.Root, "src", "NgheAn.CNHT.Web");
        var keys = XDocument.Load(Path.Combine(web, "Resources", "Portal", "PortalText.en.resx")).Root!
            .Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var views = Directory.GetFiles(Path.Combine(web, "Pages", "Portal"), "*.cshtml", SearchOption.AllDirectories).Append(Path.Combine(web, "Pages", "Shared", "_PublicLayout.cshtml")).ToList();
        var missing = views.SelectMany(v => LocalizedText().Matches(File.ReadAllText(v)).Select(m => m.Groups[1].Value))
            .Distinct().Where(k => !keys.Contains(k)).ToList();
        Assert.True(views.Count >= 5);
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [GeneratedRegex("T\\[\"([^\"]+)\"\\]")]
    private static partial Regex LocalizedText();
}
