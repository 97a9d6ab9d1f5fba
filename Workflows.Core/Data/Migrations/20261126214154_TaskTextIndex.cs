using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A trigram full-text index over the task list's search text, kept in step by triggers, so a substring
            // search over everyone's tasks reads the matching rows instead of scanning every one (ADR-011).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE flow_tasks_fts USING fts5(SearchText, content='flow_tasks', content_rowid='rowid', tokenize='trigram');
                INSERT INTO flow_tasks_fts(rowid, SearchText) SELECT rowid, SearchText FROM flow_tasks;
                CREATE TRIGGER flow_tasks_fts_insert AFTER INSERT ON flow_tasks BEGIN
                    INSERT INTO flow_tasks_fts(rowid, SearchText) VALUES (new.rowid, new.SearchText);
                END;
                CREATE TRIGGER flow_tasks_fts_delete AFTER DELETE ON flow_tasks BEGIN
                    INSERT INTO flow_tasks_fts(flow_tasks_fts, rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText);
                END;
                CREATE TRIGGER flow_tasks_fts_update AFTER UPDATE OF SearchText ON flow_tasks BEGIN
                    INSERT INTO flow_tasks_fts(flow_tasks_fts, rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText);
                    INSERT INTO flow_tasks_fts(rowid, SearchText) VALUES (new.rowid, new.SearchText);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER flow_tasks_fts_update;
                DROP TRIGGER flow_tasks_fts_delete;
                DROP TRIGGER flow_tasks_fts_insert;
                DROP TABLE flow_tasks_fts;
                """);
        }
    }
}
