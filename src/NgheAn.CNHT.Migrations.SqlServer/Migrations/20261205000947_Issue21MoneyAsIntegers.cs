using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21MoneyAsIntegers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "MaxUnitPrice",
                table: "UnitNorms",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "MaxPerEnterprisePerYear",
                table: "SupportRules",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MaxPerEnterprisePerPeriod",
                table: "SupportRules",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MaxAmountPerProposal",
                table: "SupportRules",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SettledTotalCost",
                table: "Proposals",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SettledProvincialShare",
                table: "Proposals",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RequestedTotalCost",
                table: "Proposals",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "RequestedProvincialShare",
                table: "Proposals",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "RecommendedTotalCost",
                table: "Proposals",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RecommendedProvincialShare",
                table: "Proposals",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ApprovedTotalCost",
                table: "Proposals",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ApprovedProvincialShare",
                table: "Proposals",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "OldAmount",
                table: "PlanRevisions",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "NewAmount",
                table: "PlanRevisions",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "DisbursementEntries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "PlanAmount",
                table: "ContentItems",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "TotalCost",
                table: "Applications",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "RequestedSupport",
                table: "Applications",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Counterpart",
                table: "Applications",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "UnitPrice",
                table: "ApplicationCostLines",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "ApplicationCostLines",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "AnnualEstimateLines",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,0)",
                oldPrecision: 18);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "MaxUnitPrice",
                table: "UnitNorms",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxPerEnterprisePerYear",
                table: "SupportRules",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxPerEnterprisePerPeriod",
                table: "SupportRules",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxAmountPerProposal",
                table: "SupportRules",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "SettledTotalCost",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "SettledProvincialShare",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RequestedTotalCost",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "RequestedProvincialShare",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "RecommendedTotalCost",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RecommendedProvincialShare",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "ApprovedTotalCost",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "ApprovedProvincialShare",
                table: "Proposals",
                type: "decimal(18,0)",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "OldAmount",
                table: "PlanRevisions",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "NewAmount",
                table: "PlanRevisions",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "Amount",
                table: "DisbursementEntries",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "PlanAmount",
                table: "ContentItems",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "TotalCost",
                table: "Applications",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "RequestedSupport",
                table: "Applications",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "Counterpart",
                table: "Applications",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "UnitPrice",
                table: "ApplicationCostLines",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "Amount",
                table: "ApplicationCostLines",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<decimal>(
                name: "Amount",
                table: "AnnualEstimateLines",
                type: "decimal(18,0)",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");
        }
    }
}
