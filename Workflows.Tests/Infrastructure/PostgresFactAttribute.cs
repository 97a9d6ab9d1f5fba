namespace Workflows.Tests.Infrastructure;

/// <summary>A fact about PostgreSQL itself: skipped, with the reason, unless the run's tests use PostgreSQL.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TempDatabase.OnPostgres)
        {
            Skip = $"PostgreSQL only: runs under ./test.sh --postgres ({TempDatabase.PostgresVariable} names the server).";
        }
    }
}
