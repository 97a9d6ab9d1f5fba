using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeysMaxExecutionsTokenPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxExecutions",
                table: "automations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            // Stored prefixes kept the first 10 characters of each token, half of a short bootstrap token. Keep only
            // what tells tokens apart without helping to guess one: "wf_" and 4 random characters of a generated
            // token, "bootstrap" for the bootstrap token (a value a person chose) and anything else.
            migrationBuilder.Sql("""
                UPDATE api_tokens SET Prefix = CASE
                    WHEN Name = 'Bootstrap token (Api:BootstrapToken)' OR substr(Prefix, 1, 3) <> 'wf_' THEN 'bootstrap'
                    ELSE substr(Prefix, 1, 7) END
                WHERE length(Prefix) > 7 OR substr(Prefix, 1, 3) <> 'wf_';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropColumn(
                name: "MaxExecutions",
                table: "automations");
        }
    }
}
