using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue17Sourcing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SourcingRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BuyerOrganizationId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SectorCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProcessCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CertificationCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Quantity = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(3000)", maxLength: 3000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PostedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PostedByDepartment = table.Column<bool>(type: "bit", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    IsSample = table.Column<bool>(type: "bit", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcingRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourcingRequests_Organizations_BuyerOrganizationId",
                        column: x => x.BuyerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SourcingInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SourcingRequestId = table.Column<int>(type: "int", nullable: false),
                    SupplierOrganizationId = table.Column<int>(type: "int", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ExpressedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ExpressedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcingInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourcingInterests_Organizations_SupplierOrganizationId",
                        column: x => x.SupplierOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SourcingInterests_SourcingRequests_SourcingRequestId",
                        column: x => x.SourcingRequestId,
                        principalTable: "SourcingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourcingInterests_SourcingRequestId_SupplierOrganizationId",
                table: "SourcingInterests",
                columns: new[] { "SourcingRequestId", "SupplierOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourcingInterests_SupplierOrganizationId_ExpressedAt",
                table: "SourcingInterests",
                columns: new[] { "SupplierOrganizationId", "ExpressedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SourcingRequests_BuyerOrganizationId_PostedAt",
                table: "SourcingRequests",
                columns: new[] { "BuyerOrganizationId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SourcingRequests_Status_SectorCode_Deadline",
                table: "SourcingRequests",
                columns: new[] { "Status", "SectorCode", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_SourcingRequests_Year",
                table: "SourcingRequests",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourcingInterests");

            migrationBuilder.DropTable(
                name: "SourcingRequests");
        }
    }
}
