using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TemplateLabelsColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Labels",
                table: "flow_templates",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Templates saved before this column carry their labels only in the document.
            migrationBuilder.Sql(
                "UPDATE flow_templates SET \"Labels\" = json_extract(\"Document\", '$.taxonomies') " +
                "WHERE json_type(\"Document\", '$.taxonomies') = 'array';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Labels",
                table: "flow_templates");
        }
    }
}
