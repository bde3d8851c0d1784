using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyLaterRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rule-check flags (overrides and imported violations), an application's history and the revocations of
            // issued documents are append-only like the ledger (ADR 0211): the application already refuses to change
            // them (AuditSaveChangesInterceptor); now the database refuses UPDATE and DELETE too.
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ProposalRuleFlags_NoUpdate\" BEFORE UPDATE ON \"ProposalRuleFlags\" BEGIN SELECT RAISE(ABORT, 'ProposalRuleFlags is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ProposalRuleFlags_NoDelete\" BEFORE DELETE ON \"ProposalRuleFlags\" BEGIN SELECT RAISE(ABORT, 'ProposalRuleFlags is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ApplicationEvents_NoUpdate\" BEFORE UPDATE ON \"ApplicationEvents\" BEGIN SELECT RAISE(ABORT, 'ApplicationEvents is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ApplicationEvents_NoDelete\" BEFORE DELETE ON \"ApplicationEvents\" BEGIN SELECT RAISE(ABORT, 'ApplicationEvents is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_IssuedReportRevocations_NoUpdate\" BEFORE UPDATE ON \"IssuedReportRevocations\" BEGIN SELECT RAISE(ABORT, 'IssuedReportRevocations is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_IssuedReportRevocations_NoDelete\" BEFORE DELETE ON \"IssuedReportRevocations\" BEGIN SELECT RAISE(ABORT, 'IssuedReportRevocations is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ProposalRuleFlags_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ProposalRuleFlags_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ApplicationEvents_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ApplicationEvents_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_IssuedReportRevocations_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_IssuedReportRevocations_NoDelete\";");
        }
    }
}
