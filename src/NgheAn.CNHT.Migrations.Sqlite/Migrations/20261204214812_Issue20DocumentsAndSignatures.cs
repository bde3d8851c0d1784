using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue20DocumentsAndSignatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedReports_Number",
                table: "IssuedReports");

            migrationBuilder.AddColumn<string>(
                name: "DocumentType",
                table: "IssuedReports",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Docx",
                table: "IssuedReports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "IssuedPdf",
                table: "IssuedReports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuedSha256",
                table: "IssuedReports",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegisterSequence",
                table: "IssuedReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegisterYear",
                table: "IssuedReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SignatureIsTest",
                table: "IssuedReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignatureNotAfter",
                table: "IssuedReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureSubject",
                table: "IssuedReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureThumbprint",
                table: "IssuedReports",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAt",
                table: "IssuedReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "IssuedReports",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Generated");

            migrationBuilder.AddColumn<byte[]>(
                name: "UploadedDocx",
                table: "IssuedReports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "UploadedPdf",
                table: "IssuedReports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerificationCode",
                table: "IssuedReports",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IssuedReportRevocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IssuedReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedReportRevocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedReportRevocations_IssuedReports_IssuedReportId",
                        column: x => x.IssuedReportId,
                        principalTable: "IssuedReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingNumberCounters", x => new { x.Year, x.DocumentType });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_DocumentType_RegisterYear_RegisterSequence",
                table: "IssuedReports",
                columns: new[] { "DocumentType", "RegisterYear", "RegisterSequence" },
                unique: true,
                filter: "[RegisterSequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_Number",
                table: "IssuedReports",
                column: "Number",
                unique: true,
                filter: "[RegisterSequence] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_VerificationCode",
                table: "IssuedReports",
                column: "VerificationCode",
                unique: true,
                filter: "[VerificationCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReportRevocations_IssuedReportId",
                table: "IssuedReportRevocations",
                column: "IssuedReportId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssuedReportRevocations");

            migrationBuilder.DropTable(
                name: "OutgoingNumberCounters");

            migrationBuilder.DropIndex(
                name: "IX_IssuedReports_DocumentType_RegisterYear_RegisterSequence",
                table: "IssuedReports");

            migrationBuilder.DropIndex(
                name: "IX_IssuedReports_Number",
                table: "IssuedReports");

            migrationBuilder.DropIndex(
                name: "IX_IssuedReports_VerificationCode",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "DocumentType",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "Docx",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "IssuedPdf",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "IssuedSha256",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "RegisterSequence",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "RegisterYear",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "SignatureIsTest",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "SignatureNotAfter",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "SignatureSubject",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "SignatureThumbprint",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "UploadedDocx",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "UploadedPdf",
                table: "IssuedReports");

            migrationBuilder.DropColumn(
                name: "VerificationCode",
                table: "IssuedReports");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_Number",
                table: "IssuedReports",
                column: "Number",
                unique: true);
        }
    }
}
