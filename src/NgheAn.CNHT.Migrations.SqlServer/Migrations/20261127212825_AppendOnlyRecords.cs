using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ledger, the proposal history, plan revisions, the audit trail, issued reports and the
            // download log are append-only: the database itself refuses UPDATE and DELETE on them,
            // behind the application's own refusal (AuditSaveChangesInterceptor).
            // CREATE TRIGGER must open a batch: EXEC gives it one, also inside the idempotent script.

            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_DisbursementEntries_AppendOnly] ON [DisbursementEntries] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''DisbursementEntries is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_ProposalTransitions_AppendOnly] ON [ProposalTransitions] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''ProposalTransitions is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_PlanRevisions_AppendOnly] ON [PlanRevisions] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''PlanRevisions is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_AuditEntries_AppendOnly] ON [AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''AuditEntries is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_IssuedReports_AppendOnly] ON [IssuedReports] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''IssuedReports is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_ReportDownloads_AppendOnly] ON [ReportDownloads] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, N''ReportDownloads is append-only'', 1; END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_DisbursementEntries_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_ProposalTransitions_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_PlanRevisions_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_AuditEntries_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_IssuedReports_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_ReportDownloads_AppendOnly]");
        }
    }
}
