using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Web.Operations;

public static class DatabaseInUse
{
    /// <summary>
    /// Outside Development, says at start-up (web host and command-line verbs alike) which database provider and
    /// which file or server the portal is about to use, so an operator reading the log knows where the data went.
    /// </summary>
    public static void LogDatabaseInUse(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        var (provider, location) = DatabaseOptions.Describe(app.Configuration, app.Environment.ContentRootPath);
        app.Logger.LogInformation("Database: {Provider}, {Location}", provider, location);
    }
}
