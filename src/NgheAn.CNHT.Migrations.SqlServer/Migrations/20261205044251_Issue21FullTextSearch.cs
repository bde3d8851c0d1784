using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Model part: none (the HasTrigger declarations on Proposals and Organizations change no schema).
            // Raw SQL (the word index and its triggers, ADR 0106): kept in Issue21FullTextSearchSql.
            Issue21FullTextSearchSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Issue21FullTextSearchSql.Down(migrationBuilder);
        }
    }
}
