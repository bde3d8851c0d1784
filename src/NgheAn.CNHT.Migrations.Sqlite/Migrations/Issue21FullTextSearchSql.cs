using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21FullTextSearch (ADR 0106), kept apart from the generated model part so the
    /// migration can be regenerated without losing it. Two FTS5 tables over the folded text the domain already keeps
    /// (Proposals.SearchText: code and title; Organizations.SearchText: name and tax code; SupplierProfiles.SearchText),
    /// kept in step by triggers in the same statement as every write, and filled here for the rows that exist.
    /// The tokenizer splits on anything not a letter or a digit, so "TH-2024-0000123" is "th" "2024" "0000123" and a
    /// code prefix is a phrase whose last word is a prefix; remove_diacritics 2 is a second line behind the folding
    /// (which also turns đ into d, which the tokenizer does not). Prefix indexes of 2 and 3 characters keep short
    /// prefixes ("29", "dao") as quick as whole words.
    /// A later migration that rebuilds Proposals, Organizations or SupplierProfiles on SQLite drops their triggers with
    /// the old table: it must call <see cref="CreateTriggers"/> again (FullTextSearchTests fails if it does not).
    /// </summary>
    public static class Issue21FullTextSearchSql
    {
        public static void Up(MigrationBuilder b)
        {
            b.Sql("CREATE VIRTUAL TABLE \"ProposalSearchIndex\" USING fts5(\"Text\", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
            b.Sql("CREATE VIRTUAL TABLE \"SupplierSearchIndex\" USING fts5(\"Text\", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
            b.Sql("""
                INSERT INTO "ProposalSearchIndex" (rowid, "Text")
                SELECT p."Id", p."SearchText" || ' ' || COALESCE(o."SearchText", '')
                FROM "Proposals" AS p LEFT JOIN "Organizations" AS o ON o."Id" = p."LeadOrganizationId";
                """);
            b.Sql("INSERT INTO \"SupplierSearchIndex\" (rowid, \"Text\") SELECT \"Id\", \"SearchText\" FROM \"SupplierProfiles\";");
            CreateTriggers(b);
        }

        /// <summary>The triggers that keep both indexes in step (also after a table rebuild).</summary>
        public static void CreateTriggers(MigrationBuilder b)
        {
            const string proposalText = "new.\"SearchText\" || ' ' || COALESCE((SELECT o.\"SearchText\" FROM \"Organizations\" AS o WHERE o.\"Id\" = new.\"LeadOrganizationId\"), '')";
            b.Sql($"""
                CREATE TRIGGER "TR_Proposals_SearchIndex_Insert" AFTER INSERT ON "Proposals" BEGIN
                  INSERT INTO "ProposalSearchIndex" (rowid, "Text") VALUES (new."Id", {proposalText});
                END;
                """);
            b.Sql($"""
                CREATE TRIGGER "TR_Proposals_SearchIndex_Update" AFTER UPDATE OF "SearchText", "LeadOrganizationId" ON "Proposals" BEGIN
                  DELETE FROM "ProposalSearchIndex" WHERE rowid = old."Id";
                  INSERT INTO "ProposalSearchIndex" (rowid, "Text") VALUES (new."Id", {proposalText});
                END;
                """);
            b.Sql("""
                CREATE TRIGGER "TR_Proposals_SearchIndex_Delete" AFTER DELETE ON "Proposals" BEGIN
                  DELETE FROM "ProposalSearchIndex" WHERE rowid = old."Id";
                END;
                """);
            b.Sql("""
                CREATE TRIGGER "TR_Organizations_SearchIndex_Update" AFTER UPDATE OF "SearchText" ON "Organizations" BEGIN
                  DELETE FROM "ProposalSearchIndex" WHERE rowid IN (SELECT p."Id" FROM "Proposals" AS p WHERE p."LeadOrganizationId" = new."Id");
                  INSERT INTO "ProposalSearchIndex" (rowid, "Text")
                  SELECT p."Id", p."SearchText" || ' ' || new."SearchText" FROM "Proposals" AS p WHERE p."LeadOrganizationId" = new."Id";
                END;
                """);
            b.Sql("""
                CREATE TRIGGER "TR_SupplierProfiles_SearchIndex_Insert" AFTER INSERT ON "SupplierProfiles" BEGIN
                  INSERT INTO "SupplierSearchIndex" (rowid, "Text") VALUES (new."Id", new."SearchText");
                END;
                """);
            b.Sql("""
                CREATE TRIGGER "TR_SupplierProfiles_SearchIndex_Update" AFTER UPDATE OF "SearchText" ON "SupplierProfiles" BEGIN
                  DELETE FROM "SupplierSearchIndex" WHERE rowid = old."Id";
                  INSERT INTO "SupplierSearchIndex" (rowid, "Text") VALUES (new."Id", new."SearchText");
                END;
                """);
            b.Sql("""
                CREATE TRIGGER "TR_SupplierProfiles_SearchIndex_Delete" AFTER DELETE ON "SupplierProfiles" BEGIN
                  DELETE FROM "SupplierSearchIndex" WHERE rowid = old."Id";
                END;
                """);
        }

        public static void Down(MigrationBuilder b)
        {
            foreach (var trigger in new[]
            {
                "TR_Proposals_SearchIndex_Insert", "TR_Proposals_SearchIndex_Update", "TR_Proposals_SearchIndex_Delete",
                "TR_Organizations_SearchIndex_Update", "TR_SupplierProfiles_SearchIndex_Insert",
                "TR_SupplierProfiles_SearchIndex_Update", "TR_SupplierProfiles_SearchIndex_Delete",
            })
            {
                b.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            b.Sql("DROP TABLE IF EXISTS \"ProposalSearchIndex\";");
            b.Sql("DROP TABLE IF EXISTS \"SupplierSearchIndex\";");
        }
    }
}
