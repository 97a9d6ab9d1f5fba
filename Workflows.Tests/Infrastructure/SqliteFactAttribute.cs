namespace Workflows.Tests.Infrastructure;

/// <summary>
/// A fact about SQLite itself (query plans, pragmas, WAL, FTS5, group commit): skipped, with the reason, when the run's
/// tests use PostgreSQL (<see cref="TempDatabase.OnPostgres"/>).
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (TempDatabase.OnPostgres)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}

/// <summary>A theory about SQLite itself: skipped, with the reason, when the run's tests use PostgreSQL.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute(string why)
    {
        if (TempDatabase.OnPostgres)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}
