using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Workflows.Core.Data;

/// <summary>
/// The migrations of the provider in use. Both sets live in this assembly, one namespace each with its own model
/// snapshot: SQLite's in <c>Workflows.Core.Data.Migrations</c>, PostgreSQL's in <c>….Migrations.Postgres</c> (column
/// types differ: SQLite stores instants as Unix milliseconds, PostgreSQL as <c>timestamptz</c>). EF Core would
/// otherwise see every migration class of the context in the assembly, whatever the provider (ADR-018).
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF Core's own discovery; only its filter is ours.
internal sealed class ProviderMigrations(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger) : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    public const string SqliteNamespace = "Workflows.Core.Data.Migrations";

    public const string PostgresNamespace = "Workflows.Core.Data.Migrations.Postgres";

    private readonly string wanted = currentContext.Context.Database.IsSqlite() ? SqliteNamespace : PostgresNamespace;

    private readonly Type contextType = currentContext.Context.GetType();

    private IReadOnlyDictionary<string, TypeInfo>? migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= base.Migrations.Where(m => m.Value.Namespace == wanted).ToDictionary().AsReadOnly();

    private ModelSnapshot? snapshot;

    public override ModelSnapshot? ModelSnapshot => snapshot ??=
        Assembly.GetTypes()
            .Where(t => t.Namespace == wanted && !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot))
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
            .FirstOrDefault();
}
#pragma warning restore EF1001
