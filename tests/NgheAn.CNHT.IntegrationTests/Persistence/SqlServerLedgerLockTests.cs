using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>
/// The ledger's writes on SQL Server, without a server (ADR 0053): every write that takes the proposal's lock (a
/// posting, a settlement, a cancellation) first opens a SERIALIZABLE transaction, before it reads or writes anything,
/// so the lock's UPDATE (<c>SqlServerQueryTests.The_ledger_lock_issues_one_TSql_UPDATE_of_the_proposal_row</c>) runs
/// inside it and holds the row until the commit. What this proves is what the portal asks of SQL Server; that two
/// SQL Server sessions then queue on the row is SQL Server's part, not run here (docs/reliability.md).
/// </summary>
public sealed class SqlServerLedgerLockTests
{
    public static TheoryData<string> Writes() => ["posting", "settlement", "cancellation"];

    private static Task Write(string write, IServiceProvider sp, AppDbContext sqlServer)
    {
        var user = new As(ProposalArrange.Center);
        return write switch
        {
            "posting" => ActivatorUtilities.CreateInstance<LedgerService>(sp, sqlServer, user).RecordAsync(
                new RecordEntryInput(42, new DateOnly(2025, 6, 1), 1_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Payment, "PC-1", null, "v")),
            "settlement" => ActivatorUtilities.CreateInstance<LedgerService>(sp, sqlServer, user).SettleAsync(
                new SettleInput(42, "1/QĐ-SCT", new DateOnly(2025, 6, 1), 1_000_000m, 500_000m, null, "v")),
            _ => ActivatorUtilities.CreateInstance<ProposalService>(sp, sqlServer, user).CancelAsync(42, Guid.NewGuid(), "Hủy"),
        };
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_ledger_write_on_SQL_Server_opens_a_serializable_transaction_before_any_command(string write)
    {
        await using var portal = new CnhtFactory(seedDemoData: false);
        using var scope = portal.Services.CreateScope();
        var capture = new TransactionCapture();
        await using var db = SqlServerQueryRecorder.SqlServerContext(capture);

        var stopped = await Assert.ThrowsAsync<NotSupportedException>(() => Write(write, scope.ServiceProvider, db));
        Assert.Equal(TransactionCapture.StopMessage, stopped.Message);

        Assert.True(capture.Commands.Count == 0, $"the {write} sent a command before its transaction: {string.Join("\n", capture.Commands)}");
        Assert.Equal(IsolationLevel.Serializable, capture.IsolationLevel);
    }

    private sealed class As(Actor actor) : ICurrentUser
    {
        public string UserName => actor.UserName;
        public Actor Actor => actor;
    }

    /// <summary>Never opens the connection; notes the isolation level of the first transaction and stops there, or at the first command.</summary>
    private sealed class TransactionCapture : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
    {
        public const string StopMessage = "No SQL Server here: the capture stops at the first transaction or command.";

        public List<string> Commands { get; } = [];
        public IsolationLevel? IsolationLevel { get; private set; }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            IsolationLevel = eventData.IsolationLevel;
            throw new NotSupportedException(StopMessage);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => Stop<InterceptionResult<DbDataReader>>(command);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) => Stop<InterceptionResult<int>>(command);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) => Stop<InterceptionResult<object>>(command);

        private ValueTask<T> Stop<T>(DbCommand command)
        {
            Commands.Add(command.CommandText);
            throw new NotSupportedException(StopMessage);
        }
    }
}
