using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue24AdministrativeMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommuneCode",
                table: "Organizations",
                type: "TEXT",
                unicode: false,
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdministrativeUnits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrativeUnits", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CommuneCode",
                table: "Organizations",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeUnits_Slug",
                table: "AdministrativeUnits",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Organizations_AdministrativeUnits_CommuneCode",
                table: "Organizations",
                column: "CommuneCode",
                principalTable: "AdministrativeUnits",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organizations_AdministrativeUnits_CommuneCode",
                table: "Organizations");

            migrationBuilder.DropTable(
                name: "AdministrativeUnits");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CommuneCode",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CommuneCode",
                table: "Organizations");
        }
    }
}
