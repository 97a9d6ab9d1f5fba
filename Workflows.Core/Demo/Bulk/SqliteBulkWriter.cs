using System.Data;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflows.Core.Data;

namespace Workflows.Core.Demo.Bulk;

/// <summary>
/// SQLite only: one transaction per batch and, per entity type, one prepared <c>INSERT</c> whose table, columns and
/// value conversions come from the EF Core model, so the rows are stored exactly as EF Core would store them
/// (instants as Unix milliseconds, JSON columns as text) at a few hundred thousand rows a second.
/// Store-generated keys (the event id) are left to the database.
/// A table's secondary (non-unique) indexes and its triggers are dropped when its first row comes and created again,
/// from their own stored definitions, once the rows are in; a full-text index kept by those triggers (an FTS5 table
/// with the table as its content) is then rebuilt in one pass. Keeping some 16 indexes and the trigram index of the
/// task table up to date row by row made a million tasks take most of an hour, and ever slower as the table grew;
/// building each once from the finished table takes a fraction of it. Unique indexes stay, so a duplicate is still
/// refused. The connection gets a large page cache meanwhile (the index builds sort in it).
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly WorkflowsDbContext db;
    private readonly SqliteConnection connection;
    private readonly Dictionary<Type, Insert> inserts = [];
    private readonly List<string> dropped = [];
    private readonly List<string> fullTextIndexes = [];
    private SqliteTransaction transaction;

    private SqliteBulkWriter(WorkflowsDbContext db, SqliteConnection connection)
    {
        this.db = db;
        this.connection = connection;
        Execute("PRAGMA cache_size=-262144;", within: null);
        transaction = connection.BeginTransaction();
    }

    public static async Task<BulkWriter> OpenSqliteAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new SqliteBulkWriter(db, (SqliteConnection)db.Database.GetDbConnection());
    }

    public override void Add<T>(T row)
    {
        if (!inserts.TryGetValue(typeof(T), out var insert))
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            DropSecondaryIndexes(entity.GetTableName()!);
            insert = new Insert(entity, connection, transaction);
            inserts[typeof(T)] = insert;
        }

        insert.Run(row);
    }

    /// <summary>
    /// Drops <paramref name="table"/>'s non-unique indexes and its triggers, keeping their definitions to create them
    /// again, and notes the full-text tables that index it, to rebuild.
    /// </summary>
    private void DropSecondaryIndexes(string table)
    {
        var parts = new List<(string Type, string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
                + "(tbl_name = $table AND (type = 'trigger' OR (type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%')))"
                + " OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%' AND sql LIKE '%content=' || char(39) || $table || char(39) || '%'))";
            read.Parameters.AddWithValue("$table", table);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                parts.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (type, name, sql) in parts)
        {
            if (type == "table")
            {
                fullTextIndexes.Add(name);
                continue;
            }

            Execute($"DROP {(type == "trigger" ? "TRIGGER" : "INDEX")} \"{name}\";", transaction);
            dropped.Add(sql);
        }
    }

    private void Execute(string sql, SqliteTransaction? within)
    {
        using var command = connection.CreateCommand();
        command.Transaction = within;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public override Task CommitAsync(CancellationToken cancellationToken)
    {
        transaction.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        foreach (var insert in inserts.Values)
        {
            insert.Command.Transaction = transaction;
        }

        return Task.CompletedTask;
    }

    /// <summary>Commits what was added, then builds the dropped indexes again (also when the seed failed part way).</summary>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
            foreach (var insert in inserts.Values)
            {
                insert.Command.Dispose();
            }

            using (var rebuild = connection.BeginTransaction())
            {
                dropped.ForEach(sql => Execute(sql, rebuild));
                fullTextIndexes.ForEach(name => Execute($"INSERT INTO \"{name}\"(\"{name}\") VALUES ('rebuild');", rebuild));
                rebuild.Commit();
            }

            Execute("PRAGMA cache_size=-2000;", within: null);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Insert
    {
        private readonly (Func<object, object?> Read, ValueConverter? Converter, SqliteParameter Parameter)[] columns;

        public Insert(IEntityType entity, SqliteConnection connection, SqliteTransaction transaction)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
                .ToList();
            Command = connection.CreateCommand();
            Command.Transaction = transaction;
            Command.CommandText =
                $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})";
            columns = [.. properties.Select((p, i) =>
            {
                var parameter = Command.CreateParameter();
                parameter.ParameterName = $"$p{i}";
                Command.Parameters.Add(parameter);
                return (Reader(p), p.GetTypeMapping().Converter, parameter);
            })];
            Command.Prepare();
        }

        public SqliteCommand Command { get; }

        public void Run(object row)
        {
            foreach (var (read, converter, parameter) in columns)
            {
                var value = read(row);
                if (value is not null && converter is not null)
                {
                    value = converter.ConvertToProvider(value);
                }

                parameter.Value = value ?? DBNull.Value;
            }

            Command.ExecuteNonQuery();
        }

        private static Func<object, object?> Reader(IProperty property) => property.PropertyInfo is { } info
            ? info.GetValue
            : property.FieldInfo is FieldInfo field
                ? field.GetValue
                : throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property; the bulk writer cannot fill it.");
    }
}
