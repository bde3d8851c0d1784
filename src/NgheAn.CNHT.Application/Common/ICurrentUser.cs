using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Common;

/// <summary>The person behind the current request (or "system" for command-line verbs).</summary>
public interface ICurrentUser
{
    string UserName { get; }
    Actor Actor { get; }
}

/// <summary>The command line and background work act as the system.</summary>
public sealed class SystemUser : ICurrentUser
{
    public string UserName => Actor.System.UserName;
    public Actor Actor => Actor.System;
}
