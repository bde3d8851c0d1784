namespace NgheAn.CNHT.Domain.Common;

/// <summary>Who is acting: the signed-in user's name, display name and roles.</summary>
public sealed record Actor(string UserName, string DisplayName, IReadOnlySet<string> Roles)
{
    public static Actor System { get; } = new("system", "Hệ thống", new HashSet<string>());

    public bool IsIn(string role) => Roles.Contains(role);
}
