using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationReceiptsAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientRole_ReadAt",
                table: "Notifications");

            migrationBuilder.Sql("ALTER TABLE \"Notifications\" DROP COLUMN \"ReadBy\";");

            // Read state moves to NotificationReceipts (per user); "resolved" is a new fact, not the old read time.
            // SQLite drops the unindexed columns natively (3.35+), inside the migration's transaction; EF's
            // DropColumn would rebuild the table outside it.
            migrationBuilder.Sql("ALTER TABLE \"Notifications\" DROP COLUMN \"ReadAt\";");

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotificationReceipts",
                columns: table => new
                {
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationReceipts", x => new { x.NotificationId, x.UserName });
                    table.ForeignKey(
                        name: "FK_NotificationReceipts_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEmails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ProposalId_ResolvedAt",
                table: "Notifications",
                columns: new[] { "ProposalId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientRole_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientRole", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUser_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientUser", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_SentAt_FailedAt_NextAttemptAt",
                table: "OutgoingEmails",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationReceipts");

            migrationBuilder.DropTable(
                name: "OutgoingEmails");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ProposalId_ResolvedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientRole_CreatedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientUser_CreatedAt",
                table: "Notifications");

            migrationBuilder.Sql("ALTER TABLE \"Notifications\" DROP COLUMN \"ResolvedAt\";");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadBy",
                table: "Notifications",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientRole_ReadAt",
                table: "Notifications",
                columns: new[] { "RecipientRole", "ReadAt" });
        }
    }
}
