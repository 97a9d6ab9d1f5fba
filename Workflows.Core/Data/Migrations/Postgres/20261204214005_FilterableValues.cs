using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workflows.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FilterableValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "entity_filterable_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Schema = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Attribute = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Number = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_filterable_values", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entity_filterable_values_RecordId_Attribute",
                table: "entity_filterable_values",
                columns: new[] { "RecordId", "Attribute" });

            migrationBuilder.CreateIndex(
                name: "IX_entity_filterable_values_Schema_Attribute_Number_RecordId",
                table: "entity_filterable_values",
                columns: new[] { "Schema", "Attribute", "Number", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_entity_filterable_values_Schema_Attribute_Text_RecordId",
                table: "entity_filterable_values",
                columns: new[] { "Schema", "Attribute", "Text", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entity_filterable_values");
        }
    }
}
