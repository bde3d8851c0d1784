using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Auditing;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.Reporting;
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// The one mechanism behind the audit trail: every insert, update and delete of business data is
/// written to AuditEntries (user, time, entity, key, field: old → new) in the same transaction as the
/// change. It also stamps who/when on auditable entities, renews concurrency stamps, and refuses any
/// update or delete of append-only records (ledger, history, audit).
/// One instance per DbContext (registered scoped).
/// </summary>
public sealed class AuditSaveChangesInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>How changes are written into the trail (also by the import's bulk rows, ADR 0200).</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Statuses and kinds read as words ("Submitted"), the way they are stored, not as numbers.
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Identity columns that must never be copied into the audit trail.</summary>
    private static readonly HashSet<string> SecretProperties =
    [
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
    ];

    private static readonly HashSet<Type> AppendOnly =
        [typeof(DisbursementEntry), typeof(ProposalTransition), typeof(PlanRevision), typeof(AuditEntry), typeof(IssuedReport), typeof(ReportDownload),
         typeof(Domain.SupportRules.ProposalRuleFlag), typeof(NgheAn.CNHT.Domain.Applications.ApplicationEvent),
         typeof(Domain.Issuing.IssuedReportRevocation)];

    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(ReportDownload), typeof(Notification), typeof(NotificationReceipt), typeof(OutgoingEmail), typeof(AttachmentContent),
         typeof(NgheAn.CNHT.Domain.Enterprises.DossierFileContent),
         // Kept by the database's triggers from the ledger and the proposals (ADR 0220); the application never writes it.
         typeof(NgheAn.CNHT.Domain.Reconciliation.ProposalLedgerFigures),
         // Written by the database's triggers when a proposal or the catalog changes (ADR 0226); the application only reads it.
         typeof(Disbursements.BalanceInputChangeRow)];

    private List<(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes)>? _pending;
    private bool _ledgerOnly;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Before(eventData.Context) && eventData.Context is { } context)
        {
            _ownTransaction = context.Database.BeginTransaction();
        }

        if (AddsLedgerEntries(eventData.Context) is { } writer)
        {
            writer.Database.ExecuteSqlRaw(DataVersion.RaiseLedgerOnlySql);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Before(eventData.Context) && eventData.Context is { } context)
        {
            _ownTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }

        if (AddsLedgerEntries(eventData.Context) is { } writer)
        {
            await writer.Database.ExecuteSqlRawAsync(DataVersion.RaiseLedgerOnlySql, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (AfterWrite(eventData.Context) is { } context)
        {
            _writingAudit = true;
            try
            {
                context.SaveChanges();
                context.Database.ExecuteSqlRaw(RaiseSql());
            }
            finally
            {
                _writingAudit = false;
            }

            _ownTransaction?.Commit();
            ResetTransaction();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (AfterWrite(eventData.Context) is { } context)
        {
            _writingAudit = true;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                // Cached read models (VersionedCache) are keyed by this version: raise it with the change.
                // A write that only added ledger entries raises the ledger's part alone (ADR 0214).
                await context.Database.ExecuteSqlRawAsync(RaiseSql(), cancellationToken);
            }
            finally
            {
                _writingAudit = false;
            }

            if (_ownTransaction is not null)
            {
                await _ownTransaction.CommitAsync(cancellationToken);
            }

            ResetTransaction();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (!_writingAudit)
        {
            _pending = null;
            _ownTransaction?.Rollback();
            ResetTransaction();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_writingAudit)
        {
            _pending = null;
            if (_ownTransaction is not null)
            {
                await _ownTransaction.RollbackAsync(cancellationToken);
            }

            ResetTransaction();
        }
    }

    /// <summary>
    /// A write that adds ledger entries raises the data version before inserting them too, not only after: the row lock on
    /// the version, held to the commit, then orders every such transaction, so ledger ids are handed out in commit order on
    /// SQL Server as on SQLite (one writer). LedgerItemSums relies on it: every id below a committed one is committed
    /// (ADR 0104).
    /// </summary>
    private DbContext? AddsLedgerEntries(DbContext? context) =>
        context is not null && !_writingAudit && context.Database.CurrentTransaction is not null
            && (context.ChangeTracker.Entries<DisbursementEntry>().Any(e => e.State == EntityState.Added)
                // Lifecycle steps too: the dashboard keeps the newest of each program above a watermark id (issue 21).
                || context.ChangeTracker.Entries<ProposalTransition>().Any(e => e.State == EntityState.Added))
            ? context
            : null;

    /// <summary>Returns true when the caller must open a transaction that spans the change and its audit rows.</summary>
    private bool Before(DbContext? context)
    {
        if (context is null || _writingAudit)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = currentUser.UserName;
        context.ChangeTracker.DetectChanges();
        var pending = new List<(EntityEntry, string, Dictionary<string, object?[]>)>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && AppendOnly.Contains(entry.Metadata.ClrType))
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} is append-only: records are never updated or deleted.");
            }

            if (entry.Entity is AuditableEntity auditable)
            {
                if (entry.State == EntityState.Added)
                {
                    auditable.StampCreated(user, now);
                }
                else if (entry.State == EntityState.Modified)
                {
                    auditable.StampUpdated(user, now);
                }
            }

            if (entry.State == EntityState.Modified && entry.Entity is IConcurrencyStamped stamped)
            {
                stamped.RenewConcurrencyStamp();
                // Snapshot tracking sees the new stamp only after detecting changes again; without this
                // the trail would miss the stamp (and AuditTrail could not find what changed since it).
                entry.DetectChanges();
            }

            if (!IsAudited(entry))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add((entry, "Insert", []));
                    break;
                case EntityState.Modified:
                    var changes = entry.Properties
                        .Where(p => p.IsModified && IsRecorded(p) && !Equals(p.OriginalValue, p.CurrentValue))
                        .ToDictionary(p => p.Metadata.Name, p => new[] { p.OriginalValue, p.CurrentValue });
                    if (changes.Count > 0)
                    {
                        pending.Add((entry, "Update", changes));
                    }

                    break;
                case EntityState.Deleted:
                    pending.Add((entry, "Delete", entry.Properties
                        .Where(IsRecorded)
                        .ToDictionary(p => p.Metadata.Name, p => new[] { p.OriginalValue, null })));
                    break;
                default:
                    break;
            }
        }

        if (pending.Count == 0)
        {
            return false;
        }

        _pending = pending;
        // Only inserts of ledger entries (a posting, a reversal): nothing outside the ledger changed (ADR 0214). Unaudited
        // rows (notifications, mail) raise no version at all, as before.
        _ledgerOnly = pending.TrueForAll(p => p.Item2 == "Insert" && p.Item1.Entity is DisbursementEntry);
        return context!.Database.CurrentTransaction is null;
    }

    /// <summary>The raise that follows the write just saved (ADR 0214): read before <see cref="AfterWrite"/> clears it.</summary>
    private string RaiseSql() => _ledgerOnly ? DataVersion.RaiseLedgerOnlySql : DataVersion.RaiseSql;

    private DbContext? AfterWrite(DbContext? context)
    {
        if (context is null || _writingAudit || _pending is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = currentUser.UserName;
        foreach (var (entry, action, changes) in _pending)
        {
            if (action == "Insert")
            {
                foreach (var p in entry.Properties.Where(p => IsRecorded(p) && p.CurrentValue is not null))
                {
                    changes[p.Metadata.Name] = [null, p.CurrentValue];
                }
            }

            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue));
            context.Add(new AuditEntry(now, user, entry.Metadata.ClrType.Name, key, action, JsonSerializer.Serialize(changes, Json)));
        }

        _pending = null;
        return context;
    }

    /// <summary>
    /// Secrets and file bytes stay out of the trail; their change still shows as an update of the row.
    /// The secrets are Identity's: business records keep their concurrency stamp in the trail, because
    /// the stamp a stale form carries is how a refused save finds what changed since (AuditTrail).
    /// </summary>
    private static bool IsRecorded(PropertyEntry p) => IsRecorded(p.EntityEntry.Entity, p.Metadata);

    internal static bool IsRecorded(object entity, Microsoft.EntityFrameworkCore.Metadata.IReadOnlyPropertyBase property) =>
        !(entity is IdentityUser && SecretProperties.Contains(property.Name)) && property.ClrType != typeof(byte[]);

    private static bool IsAudited(EntityEntry entry) => IsAudited(entry.Metadata.ClrType);

    /// <summary>Whether inserts, updates and deletes of <paramref name="type"/> go into the trail.</summary>
    internal static bool IsAudited(Type type)
    {
        if (NotAudited.Contains(type))
        {
            return false;
        }

        return type.Namespace?.StartsWith("NgheAn.CNHT.Domain", StringComparison.Ordinal) == true
               || type == typeof(AppUser)
               || type == typeof(IdentityUserRole<string>);
    }

    private void ResetTransaction()
    {
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }
}
