using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Schema = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attribute = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Number = table.Column<double>(type: "REAL", nullable: true)
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
