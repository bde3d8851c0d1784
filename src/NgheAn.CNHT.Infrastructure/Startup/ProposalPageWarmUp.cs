using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>
/// Runs a proposal page's reads once after a start, in the background, so that EF has compiled their queries before the
/// first user opens a proposal (issue 21, ADR 0236). A proposal's page sends about ten small queries by id; on the first
/// visit after a start each is also compiled (expression tree → SQL and materializer, 10–30 ms each on the shared machine),
/// which was most of the 160 ms the national crawl measured. Compiled queries are kept by EF for the process, whatever the
/// data version, so this is paid once per start and never again. It runs after <see cref="KeptSumsWarmUp"/> (never
/// competing with it for the two cores), reads one proposal (the newest of an enterprise, whose page asks the most) and
/// writes nothing. A failure is logged and changes nothing: the first visit then compiles them, as before. It then keeps
/// the register's title order (ADR 0238), read once here rather than on the first page sorted by title.
/// </summary>
public sealed class ProposalPageWarmUp(IServiceScopeFactory scopes, KeptSumsWarmUp keptSums, ILogger<ProposalPageWarmUp> logger) : BackgroundService
{
    /// <summary>Completes when the warm-up has ended (read, found nothing to read, failed or stopped); for tests.</summary>
    public Task Done => _done.Task;

    /// <summary>The proposal whose page was read; null when the database has none (or the reads failed).</summary>
    public int? ProposalId { get; private set; }

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            // After the kept sums (which wait for the database gate themselves): two cores, one warm-up at a time.
            await keptSums.Done.WaitAsync(stoppingToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var enterprises = new[]
            {
                Domain.Organizations.OrganizationKind.SupportingIndustryEnterprise,
                Domain.Organizations.OrganizationKind.ForeignInvestedEnterprise,
                Domain.Organizations.OrganizationKind.OtherEnterprise,
            };
            var id = await db.Proposals.AsNoTracking().Where(p => enterprises.Contains(p.LeadOrganization.Kind))
                         .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(stoppingToken)
                     ?? await db.Proposals.AsNoTracking().OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(stoppingToken);
            if (id is null)
            {
                return;
            }

            // The page's own reads, in its order (Pages/Proposals/Details.cshtml.cs).
            var details = await services.GetRequiredService<ProposalQueries>().DetailsAsync(id.Value, stoppingToken);
            if (details is null)
            {
                return;
            }

            var rules = services.GetRequiredService<SupportRuleChecks>();
            await rules.PanelAsync(ProposalRuleSubject.Of(details), stoppingToken);
            // The enterprise's history is asked only for an enterprise's proposal: compiled here whatever the unit read.
            await rules.HistoryAsync(details.LeadOrganizationId, details.ContentItemId, details.StartYear, details.Id, stoppingToken);
            await services.GetRequiredService<DossierChecklist>().ForDetailsAsync(details, stoppingToken);
            await services.GetRequiredService<IUserDirectory>().NamesWithTitlesAsync([details.CreatedBy], stoppingToken);
            ProposalId = id;
            logger.LogInformation("A proposal's page reads compiled in the background in {Elapsed:0} ms", watch.Elapsed.TotalMilliseconds);

            // The register's title order (ADR 0238): every title's Vietnamese sort key, so the first page sorted by title
            // picks its filter's proposals out of it instead of sorting them through the collation.
            watch.Restart();
            await services.GetRequiredService<ProposalQueries>().BuildTitleOrderAsync();
            logger.LogInformation("The register's title order kept in the background in {Elapsed:0} ms", watch.Elapsed.TotalMilliseconds);

            // The register's code order (ADR 0244): a search's page after a write picks its matches out of it.
            watch.Restart();
            await services.GetRequiredService<ProposalQueries>().BuildCodeOrderAsync();
            logger.LogInformation("The register's code order kept in the background in {Elapsed:0} ms", watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops: nothing to undo.
        }
        catch (Exception ex)
        {
            // Nothing depends on it: the first visit of a proposal compiles the queries, as it did before the warm-up.
            logger.LogWarning(ex, "A proposal's page reads were not compiled in the background; the first visit compiles them");
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
