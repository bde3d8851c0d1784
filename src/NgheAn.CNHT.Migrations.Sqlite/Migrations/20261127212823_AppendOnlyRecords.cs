using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
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
            migrationBuilder.Sql("CREATE TRIGGER \"TR_DisbursementEntries_NoUpdate\" BEFORE UPDATE ON \"DisbursementEntries\" BEGIN SELECT RAISE(ABORT, 'DisbursementEntries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_DisbursementEntries_NoDelete\" BEFORE DELETE ON \"DisbursementEntries\" BEGIN SELECT RAISE(ABORT, 'DisbursementEntries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ProposalTransitions_NoUpdate\" BEFORE UPDATE ON \"ProposalTransitions\" BEGIN SELECT RAISE(ABORT, 'ProposalTransitions is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ProposalTransitions_NoDelete\" BEFORE DELETE ON \"ProposalTransitions\" BEGIN SELECT RAISE(ABORT, 'ProposalTransitions is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_PlanRevisions_NoUpdate\" BEFORE UPDATE ON \"PlanRevisions\" BEGIN SELECT RAISE(ABORT, 'PlanRevisions is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_PlanRevisions_NoDelete\" BEFORE DELETE ON \"PlanRevisions\" BEGIN SELECT RAISE(ABORT, 'PlanRevisions is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_AuditEntries_NoUpdate\" BEFORE UPDATE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_AuditEntries_NoDelete\" BEFORE DELETE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_IssuedReports_NoUpdate\" BEFORE UPDATE ON \"IssuedReports\" BEGIN SELECT RAISE(ABORT, 'IssuedReports is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_IssuedReports_NoDelete\" BEFORE DELETE ON \"IssuedReports\" BEGIN SELECT RAISE(ABORT, 'IssuedReports is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ReportDownloads_NoUpdate\" BEFORE UPDATE ON \"ReportDownloads\" BEGIN SELECT RAISE(ABORT, 'ReportDownloads is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_ReportDownloads_NoDelete\" BEFORE DELETE ON \"ReportDownloads\" BEGIN SELECT RAISE(ABORT, 'ReportDownloads is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_DisbursementEntries_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_DisbursementEntries_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ProposalTransitions_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ProposalTransitions_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_PlanRevisions_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_PlanRevisions_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_AuditEntries_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_AuditEntries_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_IssuedReports_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_IssuedReports_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ReportDownloads_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ReportDownloads_NoDelete\";");
        }
    }
}
