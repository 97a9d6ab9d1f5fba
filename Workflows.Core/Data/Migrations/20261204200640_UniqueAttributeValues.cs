using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class UniqueAttributeValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "entity_unique_values",
                columns: table => new
                {
                    Schema = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attribute = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_unique_values", x => new { x.Schema, x.Attribute, x.Value });
                    table.ForeignKey(
                        name: "FK_entity_unique_values_entity_records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "entity_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entity_unique_values_RecordId",
                table: "entity_unique_values",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entity_unique_values");
        }
    }
}
