using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TemplateLabelsColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Labels",
                table: "flow_templates",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // Templates saved before this column carry their labels only in the document.
            migrationBuilder.Sql(
                "UPDATE flow_templates SET \"Labels\" = ARRAY(SELECT jsonb_array_elements_text(\"Document\"::jsonb -> 'taxonomies')) " +
                "WHERE jsonb_typeof(\"Document\"::jsonb -> 'taxonomies') = 'array';");
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
