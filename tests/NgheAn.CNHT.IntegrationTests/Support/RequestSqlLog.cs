using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// Records the SQL commands each marked request sends (header <see cref="Header"/>), on a real SQLite database: a
/// page's fixed cost in round trips, counted the way the portal runs (authentication, layout, page, view components).
/// Commands of background work and of unmarked requests are not recorded.
/// </summary>
public sealed class RequestSqlLog(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "X-Test-Sql-Log";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byRequest = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Commands(string id) => _byRequest.TryGetValue(id, out var q) ? q.ToList() : [];

    private void Record(DbCommand command)
    {
        if (accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
        {
            _byRequest.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The demo portal (demo accounts) with <see cref="RequestSqlLog"/> on every context it creates.</summary>
public sealed class SqlCountingPortal : CnhtFactory, IAsyncLifetime
{
    public SqlCountingPortal()
    {
        // A kept session check is reused for up to a minute here, so "kept" does not depend on how fast a loaded
        // machine runs two requests; the one-second default is proven by SessionCheckTests.
        Settings["Security:SessionCheckSeconds"] = "60";
    }

    public RequestSqlLog Log => Services.GetRequiredService<RequestSqlLog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<RequestSqlLog>();
            services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RequestSqlLog>()));
        });
    }

    /// <summary>GETs <paramref name="path"/> with the client's cookies and returns the status and the SQL it sent.</summary>
    public async Task<(System.Net.HttpStatusCode Status, IReadOnlyList<string> Commands)> GetCountedAsync(HttpClient client, string path)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(RequestSqlLog.Header, id);
        using var response = await client.SendAsync(request);
        _ = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Log.Commands(id));
    }

    public async Task InitializeAsync() => await EnsureDemoUsersAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
