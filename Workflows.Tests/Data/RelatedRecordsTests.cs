using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflows.Core.Entities;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary><see cref="EntityService.RelatedAsync"/>: the records relation attributes point at, for <c>hydrate</c>.</summary>
public sealed class RelatedRecordsTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private readonly CommandCounter commands = new();
    private ServiceProvider services = default!;

    private EntityService Entities => services.GetRequiredService<EntityService>();

    public async Task InitializeAsync()
    {
        await using (var seeded = await CoreServices.BuildSeededAsync(database))
        {
        }

        services = CoreServices.Build(database, configure: s => s.AddLogging(logging => logging.AddProvider(commands).SetMinimumLevel(LogLevel.Information)));
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_related_records_of_a_whole_page_load_in_two_queries_and_deleted_ones_are_left_out()
    {
        var page = await Entities.SearchAsync("opportunity", new RecordQuery { PageSize = 50 }, CancellationToken.None);
        var opportunities = page.Value!.Items;
        var pointedAt = opportunities.SelectMany(o => RecordRelations.Ids(o.Attributes["contact"])).Distinct().ToList();
        Assert.True(pointedAt.Count >= 10, $"the demo's opportunities point at {pointedAt.Count} contacts");
        await Entities.DeleteAsync("contact", pointedAt[0], new Actor("admin", "Ada Admin"), CancellationToken.None);
        commands.Executed = 0;

        var related = await Entities.RelatedAsync(opportunities, CancellationToken.None);

        Assert.Equal(2, commands.Executed);
        Assert.Equal(pointedAt.Skip(1).Order(), related.Records.Keys.Order());
        var first = opportunities.First(o => RecordRelations.Ids(o.Attributes["contact"]).SequenceEqual([pointedAt[1]]));
        var (attribute, records) = Assert.Single(related.Of(first));
        Assert.Equal("contact", attribute);
        Assert.Equal(pointedAt[1], Assert.Single(records).Id);
        var orphan = opportunities.First(o => RecordRelations.Ids(o.Attributes["contact"]).SequenceEqual([pointedAt[0]]));
        Assert.Empty(Assert.Single(related.Of(orphan)).Related);
    }

    [Theory]
    [InlineData("\"contact-001\"", "contact-001")]
    [InlineData("[\"contact-001\",\"contact-002\",\"contact-001\"]", "contact-001,contact-002")]
    [InlineData("{\"$relation\":[{\"entity_id\":\"contact-003\",\"_tags\":[\"primary\"]},{\"entity_id\":\"contact-004\"}]}", "contact-003,contact-004")]
    [InlineData("{\"$relation\":[]}", "")]
    [InlineData("42", "")]
    public void A_relation_value_names_its_records_as_an_id_a_list_or_epilots_relation_object(string json, string ids) =>
        Assert.Equal(ids, string.Join(',', RecordRelations.Ids(JsonNode.Parse(json))));

    /// <summary>Counts the database commands EF Core executed.</summary>
    private sealed class CommandCounter : ILoggerProvider, ILogger
    {
        public int Executed;

        public ILogger CreateLogger(string categoryName) => categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
            {
                Interlocked.Increment(ref Executed);
            }
        }

        public void Dispose()
        {
        }
    }
}
