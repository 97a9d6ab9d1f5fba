using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Dashboard;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Storage;
using Workflows.Core.Idempotency;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Core.Journeys;
using Workflows.Core.Notes;
using Workflows.Core.Notifications;
using Workflows.Core.Teams;
using Workflows.Core.Webhooks;

namespace Workflows.Core.Data;

/// <summary>
/// The one database of the product: Identity, records, templates, executions, events, journeys, jobs, and the Data
/// Protection keys every instance shares.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<EntitySchema> EntitySchemas => Set<EntitySchema>();

    public DbSet<EntityRecord> EntityRecords => Set<EntityRecord>();

    public DbSet<UniqueValue> UniqueValues => Set<UniqueValue>();

    public DbSet<FilterableValue> FilterableValues => Set<FilterableValue>();

    public DbSet<ClosingReason> ClosingReasons => Set<ClosingReason>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<TemplateRow> FlowTemplates => Set<TemplateRow>();

    public DbSet<TemplateVersionRow> FlowTemplateVersions => Set<TemplateVersionRow>();

    public DbSet<ExecutionRow> FlowExecutions => Set<ExecutionRow>();

    public DbSet<TaskRow> FlowTasks => Set<TaskRow>();

    public DbSet<TaskAssigneeRow> FlowTaskAssignees => Set<TaskAssigneeRow>();

    public DbSet<EventRow> FlowEvents => Set<EventRow>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<SavedView> SavedViews => Set<SavedView>();

    public DbSet<DefaultView> DefaultViews => Set<DefaultView>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Automation> Automations => Set<Automation>();

    public DbSet<AutomationRun> AutomationRuns => Set<AutomationRun>();

    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Journey> Journeys => Set<Journey>();

    public DbSet<JourneySubmission> JourneySubmissions => Set<JourneySubmission>();

    public DbSet<JourneyLink> JourneyLinks => Set<JourneyLink>();

    public DbSet<IdempotencyEntry> IdempotencyKeys => Set<IdempotencyEntry>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Progress.ProgressLinkRevocation> ProgressLinkRevocations => Set<Progress.ProgressLinkRevocation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTimeOffset as text it cannot order or compare; Unix milliseconds sort and index correctly.
        // PostgreSQL keeps its native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMillisecondsConverter, MillisecondComparer>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcMillisecondsConverter, NullableMillisecondComparer>();
        }

        // Text compares and sorts by code point on PostgreSQL as on SQLite (BINARY), whatever the server's locale: lists
        // come back in the same order on both, and the task search's merge of index ranges (TaskSearch) relies on it.
        // Npgsql writes a DateTimeOffset to timestamptz only at offset 0 and refuses any other (a due range in the
        // dashboard's time zone); an instant is the same instant in UTC, so every value, column or query parameter,
        // goes as UTC.
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<string>().UseCollation("C");
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);

    private sealed class UtcMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));

    /// <summary>
    /// Instants are equal when they are the same stored millisecond: a due date computed to the tick and the same due
    /// date read back are not a change, so rewriting a task row does not rewrite its unchanged columns and index entries.
    /// </summary>
    private sealed class MillisecondComparer() : ValueComparer<DateTimeOffset>(
        (left, right) => left.ToUnixTimeMilliseconds() == right.ToUnixTimeMilliseconds(),
        value => value.ToUnixTimeMilliseconds().GetHashCode());

    private sealed class NullableMillisecondComparer() : ValueComparer<DateTimeOffset?>(
        (left, right) => left.HasValue ? right.HasValue && left.Value.ToUnixTimeMilliseconds() == right.Value.ToUnixTimeMilliseconds() : !right.HasValue,
        value => value.HasValue ? value.Value.ToUnixTimeMilliseconds().GetHashCode() : 0);
}

/// <summary>Stores a value as JSON text, compared by its serialized form.</summary>
internal static class JsonColumn
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() => new(
        value => JsonSerializer.Serialize(value, Options),
        text => JsonSerializer.Deserialize<T>(text, Options)!);

    public static ValueComparer<T> Comparer<T>() => new(
        (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
        value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!);

    public static ValueConverter<JsonObject, string> ObjectConverter { get; } = new(
        value => value.ToJsonString(Options),
        text => JsonNode.Parse(text, null, default)!.AsObject());

    public static ValueComparer<JsonObject> ObjectComparer { get; } = new(
        (left, right) => JsonNode.DeepEquals(left, right),
        value => value.ToJsonString(Options).GetHashCode(StringComparison.Ordinal),
        value => JsonNode.Parse(value.ToJsonString(Options), null, default)!.AsObject());
}
