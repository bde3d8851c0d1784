using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyLaterRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rule-check flags, an application's history and the revocations of issued documents are append-only
            // (ADR 0211). AFTER triggers, not INSTEAD OF as in AppendOnlyRecords: SQL Server refuses an INSTEAD OF DELETE
            // trigger on a table with a cascading foreign key (ApplicationEvents -> GrantApplications). THROW inside the
            // trigger rolls the statement's transaction back. CREATE TRIGGER must open a batch: EXEC gives it one.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_ProposalRuleFlags_AppendOnly] ON [ProposalRuleFlags] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''ProposalRuleFlags is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_ApplicationEvents_AppendOnly] ON [ApplicationEvents] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''ApplicationEvents is append-only'', 1; END')");
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [TR_IssuedReportRevocations_AppendOnly] ON [IssuedReportRevocations] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''IssuedReportRevocations is append-only'', 1; END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_ProposalRuleFlags_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_ApplicationEvents_AppendOnly]");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_IssuedReportRevocations_AppendOnly]");
        }
    }
}
