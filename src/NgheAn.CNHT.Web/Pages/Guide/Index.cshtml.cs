using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Pages.Guide;

/// <summary>"Hướng dẫn sử dụng": one section per role, the reader's own role(s) first and marked.</summary>
public sealed class IndexModel(IWebHostEnvironment environment) : PageModel
{
    /// <summary>The screenshots whose files are present (a missing one is simply not shown).</summary>
    public IReadOnlyList<GuideScreen> Screens { get; private set; } = [];

    public IEnumerable<GuideScreen> ScreensOf(string role) => Screens.Where(s => s.Role == role);

    /// <summary>Sections in reading order: the user's roles first, then the others.</summary>
    public IReadOnlyList<string> Order { get; private set; } = Roles.All;

    public IReadOnlySet<string> Mine { get; private set; } = new HashSet<string>();

    public static string Anchor(string role) => role switch
    {
        Roles.DoitSpecialist => "chuyen-vien",
        Roles.DoitLeader => "lanh-dao-so",
        Roles.SupportCenter => "trung-tam",
        Roles.Viewer => "chi-xem",
        _ => "quan-tri",
    };

    public void OnGet()
    {
        Mine = Roles.All.Where(User.IsInRole).ToHashSet();
        Screens = GuideScreens.All.Where(s => environment.WebRootFileProvider.GetFileInfo($"{GuideScreens.Folder}/{s.FileName}").Exists).ToList();
        Order = Roles.All.OrderBy(r => Mine.Contains(r) ? 0 : 1).ThenBy(r => Array.IndexOf([Roles.DoitSpecialist, Roles.SupportCenter, Roles.DoitLeader, Roles.Viewer, Roles.Admin], r)).ToList();
    }
}
