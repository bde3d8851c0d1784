using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue17PublicPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganizationId = table.Column<int>(type: "int", nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    NameVi = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CommuneCode = table.Column<string>(type: "varchar(5)", unicode: false, maxLength: 5, nullable: true),
                    CommuneName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ZoneCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ShowAddress = table.Column<bool>(type: "bit", nullable: false),
                    ShowTaxCode = table.Column<bool>(type: "bit", nullable: false),
                    SectorCodes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    ProcessCodes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    CertificationCodes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    ProductsVi = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ProductsEn = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Capacity = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ShowCapacity = table.Column<bool>(type: "bit", nullable: false),
                    Workforce = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ShowWorkforce = table.Column<bool>(type: "bit", nullable: false),
                    ExportMarkets = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ShowExportMarkets = table.Column<bool>(type: "bit", nullable: false),
                    Website = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ShowWebsite = table.Column<bool>(type: "bit", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ShowContactName = table.Column<bool>(type: "bit", nullable: false),
                    ContactPhone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ShowContactPhone = table.Column<bool>(type: "bit", nullable: false),
                    ContactEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ShowContactEmail = table.Column<bool>(type: "bit", nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(1500)", maxLength: 1500, nullable: false),
                    CapabilityVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CapabilityProposalId = table.Column<int>(type: "int", nullable: true),
                    CapabilityVerifiedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    IsSample = table.Column<bool>(type: "bit", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierProfiles_AdministrativeUnits_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierProfiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierProfiles_Proposals_CapabilityProposalId",
                        column: x => x.CapabilityProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfileChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupplierProfileId = table.Column<int>(type: "int", nullable: false),
                    ContentJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileChanges_SupplierProfiles_SupplierProfileId",
                        column: x => x.SupplierProfileId,
                        principalTable: "SupplierProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierCertifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupplierProfileId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierCertifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierCertifications_SupplierProfiles_SupplierProfileId",
                        column: x => x.SupplierProfileId,
                        principalTable: "SupplierProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileChanges_Status_SubmittedAt",
                table: "ProfileChanges",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileChanges_SupplierProfileId_Status",
                table: "ProfileChanges",
                columns: new[] { "SupplierProfileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierCertifications_Code_ValidUntil",
                table: "SupplierCertifications",
                columns: new[] { "Code", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierCertifications_SupplierProfileId_Code",
                table: "SupplierCertifications",
                columns: new[] { "SupplierProfileId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_CapabilityProposalId",
                table: "SupplierProfiles",
                column: "CapabilityProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_CommuneCode",
                table: "SupplierProfiles",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_IsPublished_CommuneCode",
                table: "SupplierProfiles",
                columns: new[] { "IsPublished", "CommuneCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_IsPublished_NameVi",
                table: "SupplierProfiles",
                columns: new[] { "IsPublished", "NameVi" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_IsPublished_ZoneCode",
                table: "SupplierProfiles",
                columns: new[] { "IsPublished", "ZoneCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_OrganizationId",
                table: "SupplierProfiles",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierProfiles_Slug",
                table: "SupplierProfiles",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProfileChanges");

            migrationBuilder.DropTable(
                name: "SupplierCertifications");

            migrationBuilder.DropTable(
                name: "SupplierProfiles");
        }
    }
}
