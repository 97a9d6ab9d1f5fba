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
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly WorkflowsDbContext db;
    private readonly SqliteConnection connection;
    private readonly Dictionary<Type, Insert> inserts = [];
    private SqliteTransaction transaction;

    private SqliteBulkWriter(WorkflowsDbContext db, SqliteConnection connection)
    {
        this.db = db;
        this.connection = connection;
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
            insert = new Insert(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped."), connection, transaction);
            inserts[typeof(T)] = insert;
        }

        insert.Run(row);
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

    public override async ValueTask DisposeAsync()
    {
        transaction.Commit();
        transaction.Dispose();
        foreach (var insert in inserts.Values)
        {
            insert.Command.Dispose();
        }

        await db.Database.CloseConnectionAsync();
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
