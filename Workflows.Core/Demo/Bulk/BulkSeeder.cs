using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Storage;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Demo.Bulk;

/// <summary>
/// Creates realistic volume for dashboards and benchmarks: users (password <see cref="DemoSeeder.DemoPassword"/>),
/// partner organisations with a user each, ten-task templates, one opportunity per workflow owned by a random user,
/// and workflows started over the last eight months and worked as far as their age suggests. Every workflow is run by
/// the real engine, so documents, task rows, assignee links and events are what the app itself would have written;
/// only the writing is bulk (<see cref="BulkWriter"/>). Runs once per database.
/// </summary>
public sealed class BulkSeeder(IDbContextFactory<WorkflowsDbContext> dbFactory, FlowTemplateService templates, FlowSettings settings, TimeProvider clock)
{
    private const int BatchSize = 2_000;
    private const string Schema = "opportunity";

    private static readonly string[] FirstNames =
        ["Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannes", "Ida", "Jan", "Katrin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tina", "Uwe", "Vera", "Wolfgang", "Yusuf", "Zoe"];

    private static readonly string[] LastNames =
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Yılmaz", "Kowalski"];

    private static readonly string[] Cities = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Leipzig", "Dresden", "Hannover", "Nürnberg", "Bremen", "Essen"];

    private static readonly string[] Processes =
        ["Solar installation", "Heat pump installation", "Meter change", "Customer move-in", "Wallbox installation", "Complaint handling",
         "Contract renewal", "Grid connection", "Battery retrofit", "Tariff change", "Customer move-out", "Smart meter rollout",
         "Roof inspection", "Maintenance visit", "Dunning", "Offer follow-up", "Subsidy application", "Warranty claim", "Site survey", "Onboarding"];

    private static readonly string[] TaskNames =
        ["Check documents", "Call customer", "Schedule site visit", "Prepare offer", "Send offer", "Confirm order", "Order material",
         "Book installer", "Install", "Commission system", "Register with grid operator", "Send invoice", "Collect feedback", "Archive file"];

    public async Task<BulkSeedResult> SeedAsync(BulkSeedOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var clockStart = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Id == UserId(0), cancellationToken))
        {
            throw new InvalidOperationException("This database already holds bulk data; seed a fresh database file.");
        }

        var random = new Random(options.RandomSeed);
        var schema = await EnsureSchemaAsync(db, now, cancellationToken);
        var (userIds, partnerIds, partnerUserIds) = await AddPeopleAsync(db, options, now, cancellationToken);
        progress?.Report($"{userIds.Count} users and {partnerIds.Count} partners");

        var templateList = new List<FlowTemplate>();
        for (var t = 0; t < options.Templates; t++)
        {
            var saved = await templates.SaveAsync(Template(t, partnerIds), null, new Actor(userIds[0], "Bulk data"), cancellationToken);
            templateList.Add(saved.Value ?? throw new InvalidOperationException(saved.Error));
        }

        progress?.Report($"{templateList.Count} templates");

        // The engine runs on one core while the other writes: batches of finished rows pass through a small queue.
        var batches = Channel.CreateBounded<List<Workflow>>(2);
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<Workflow>(BatchSize);
                for (var w = 0; w < options.Workflows; w++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    batch.Add(Simulate(w, random, now, schema, templateList, userIds));
                    if (batch.Count == BatchSize)
                    {
                        await batches.Writer.WriteAsync(batch, cancellationToken);
                        batch = new List<Workflow>(BatchSize);
                    }
                }

                await batches.Writer.WriteAsync(batch, cancellationToken);
                batches.Writer.Complete();
            }
            catch (Exception error)
            {
                batches.Writer.Complete(error);
            }
        }, cancellationToken);

        var written = 0;
        await using (var writer = await BulkWriter.OpenAsync(db, cancellationToken))
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var workflow in batch)
                {
                    writer.Add(workflow.Record);
                    writer.Add(workflow.Execution);
                    workflow.Tasks.ForEach(writer.Add);
                    workflow.Links.ForEach(writer.Add);
                    workflow.Events.ForEach(writer.Add);
                    workflow.Values.ForEach(writer.Add);
                }

                await writer.CommitAsync(cancellationToken);
                written += batch.Count;
                if (written % 20_000 < BatchSize)
                {
                    progress?.Report($"{written:N0} of {options.Workflows:N0} workflows ({clockStart.Elapsed.TotalSeconds:0} s)");
                }
            }
        }

        await producer;
        // Fresh statistics, so the query planner picks the selective index for each dashboard query, on both providers:
        // autovacuum would analyze PostgreSQL's new rows too, but only a while after the seed.
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);

        return new BulkSeedResult(
            userIds, partnerIds, partnerUserIds, [.. templateList.Select(t => t.Id!)], options.Workflows,
            options.Workflows * BulkSeedOptions.TasksPerWorkflow, clockStart.Elapsed);
    }

    public static string UserId(int index) => $"bulk-user-{index + 1:0000}";

    private static async Task<EntitySchema> EnsureSchemaAsync(WorkflowsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == Schema, cancellationToken) is { } existing)
        {
            return existing;
        }

        // In English, as the bulk templates' own names are, whatever the machine's culture.
        var schema = Languages.In(Languages.English, () => DemoCatalogue.Schemas(now).Single(s => s.Slug == Schema));
        db.EntitySchemas.Add(schema);
        await db.SaveChangesAsync(cancellationToken);
        return schema;
    }

    private static async Task<(List<string> Users, List<string> Partners, List<string> PartnerUsers)> AddPeopleAsync(
        WorkflowsDbContext db, BulkSeedOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var missing in Roles.All.Where(r => !roleIds.ContainsKey(r)))
        {
            var role = new IdentityRole(missing) { NormalizedName = missing.ToUpperInvariant() };
            db.Roles.Add(role);
            roleIds[missing] = role.Id;
        }

        // One hash for everyone: hashing a thousand passwords would take longer than all the workflows.
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoSeeder.DemoPassword);
        ApplicationUser Person(string id, string email, string name, string role, string? partnerId)
        {
            var user = new ApplicationUser
            {
                Id = id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = name,
                PartnerId = partnerId,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleIds[role] });
            return user;
        }

        var users = new List<string>();
        for (var i = 0; i < options.Users; i++)
        {
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}";
            Person(UserId(i), $"user{i + 1:0000}@bulk.workflows.demo", name, i % 50 == 0 ? Roles.Manager : Roles.CaseWorker, null);
            users.Add(UserId(i));
        }

        var partners = new List<string>();
        var partnerUsers = new List<string>();
        for (var p = 0; p < options.Partners; p++)
        {
            var id = $"bulk-partner-{p + 1:00}";
            db.Partners.Add(new Partner { Id = id, Name = $"{Cities[p % Cities.Length]} Montage {p + 1} GmbH", Email = $"partner{p + 1:00}@bulk.workflows.demo", CreatedAt = now });
            Person($"bulk-partner-user-{p + 1:00}", $"partner{p + 1:00}.user@bulk.workflows.demo", $"Partner user {p + 1}", Roles.Partner, id);
            partners.Add(id);
            partnerUsers.Add($"bulk-partner-user-{p + 1:00}");
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (users, partners, partnerUsers);
    }

    /// <summary>
    /// Ten tasks in three phases, due 3 to 30 days after the start: most assigned to the record's owner, one to a
    /// partner organisation, one to nobody, with priorities spread over 0–100. Every other template is sequential.
    /// </summary>
    private static FlowTemplate Template(int index, List<string> partnerIds)
    {
        string TaskId(int j) => $"t{j + 1:00}";
        return new FlowTemplate
        {
            Id = $"bulk-template-{index + 1:00}",
            Name = Processes[index % Processes.Length] + (index >= Processes.Length ? $" {index / Processes.Length + 1}" : ""),
            Description = "Created by the bulk data generator.",
            Trigger = new TemplateTrigger { Id = $"manual-{Schema}", Type = TemplateTriggerType.Manual, EntitySchema = Schema },
            Linear = index % 2 == 0,
            Phases =
            [
                new FlowPhase { Id = "prepare", Name = "Preparation" },
                new FlowPhase { Id = "execute", Name = "Execution" },
                new FlowPhase { Id = "close", Name = "Closing" },
            ],
            Tasks = [.. Enumerable.Range(0, BulkSeedOptions.TasksPerWorkflow).Select(j => new FlowTask
            {
                Id = TaskId(j),
                Name = TaskNames[(index + j) % TaskNames.Length],
                PhaseId = j < 3 ? "prepare" : j < 7 ? "execute" : "close",
                AssignedTo = j switch
                {
                    9 => null,
                    7 when partnerIds.Count > 0 => [Assignee.Of(partnerIds[index % partnerIds.Count])],
                    _ => [Assignee.FromVariable("{{entity.owner}}")],
                },
                DueDateConfig = new DueDateConfig { Duration = 3 * (j + 1), Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED },
                Priority = (37 * j + 11 * index) % (TaskPriority.Max + 1),
            })],
            Edges = [.. Enumerable.Range(0, BulkSeedOptions.TasksPerWorkflow - 1).Select(j => new FlowEdge { Id = $"e{j + 1:00}", FromId = TaskId(j), ToId = TaskId(j + 1) })],
        };
    }

    private Workflow Simulate(
        int index, Random random, DateTimeOffset now, EntitySchema schema, List<FlowTemplate> templateList, List<string> userIds)
    {
        var owner = userIds[random.Next(userIds.Count)];
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var city = Cities[random.Next(Cities.Length)];
        var template = templateList[random.Next(templateList.Count)];
        var ageDays = random.NextDouble() * 240;
        var started = now.AddDays(-ageDays);
        var attributes = new JsonObject
        {
            ["title"] = $"{template.Name} – {first} {last}, {city}",
            ["product"] = template.Name,
            ["stage"] = "qualified",
            ["amount"] = 1_000 + random.Next(30_000),
            ["owner"] = owner,
        };
        var record = new EntityRecord
        {
            Id = $"bulk-record-{index + 1:000000}",
            Schema = schema.Slug,
            Title = RecordTitle.Render(schema, attributes),
            Attributes = attributes,
            CreatedAt = started,
            UpdatedAt = started,
            CreatedBy = "Bulk data",
            UpdatedBy = "Bulk data",
        };
        record.SearchText = EntityService.SearchTextOf(record);

        var actor = new FlowActor(owner, owner);
        var facts = EngineContext.FactsFrom(attributes);
        var context = new EngineContext(started, actor) { Facts = facts, TimeZone = settings.TimeZone };
        var result = FlowEngine.Start(template, new StartFlow($"bulk-{index + 1:000000}", [new EntityRef { EntityId = record.Id, EntitySchema = Schema }]), context);
        var execution = result.Execution ?? throw new InvalidOperationException($"Bulk workflow {index}: {result.Error?.Message}");
        var events = new List<FlowEvent>(result.Events);

        // Older workflows are further along; about a fifth are done.
        var done = (int)Math.Clamp(Math.Floor(11 * Math.Min(1, ageDays / 150) * (0.4 + (random.NextDouble() * 0.8))), 0, BulkSeedOptions.TasksPerWorkflow);
        var lastChange = started;
        for (var i = 0; i < done; i++)
        {
            lastChange = started.AddDays(ageDays * 0.9 * (i + 1) / (done + 1));
            var step = FlowEngine.Apply(execution, new SetTaskStatus(execution.Tasks[i].Id, StepStatus.COMPLETED), context with { Now = lastChange });
            if (!step.Succeeded)
            {
                throw new InvalidOperationException($"Bulk workflow {execution.Id}: {step.Error.Message}");
            }

            events.AddRange(step.Events);
        }

        var row = ExecutionRow.For(execution, record);
        row.Document = JsonSerializer.Serialize(execution, FlowJson.Options);
        row.UpdatedAt = lastChange;
        row.UpdatedBy = owner;
        var current = execution.CrtTasks.Select(t => t.Id).ToHashSet();
        var runs = execution.Status == WorkflowStatus.STARTED;
        var tasks = new List<TaskRow>(execution.Tasks.Count);
        var links = new List<TaskAssigneeRow>(execution.Tasks.Count);
        foreach (var task in execution.Tasks)
        {
            var taskRow = new TaskRow { ExecutionId = execution.Id, TaskId = task.Id, Name = "", TaskType = "", Status = "", WorkflowName = "", EntityId = "" };
            var assignees = TaskRows.Fill(taskRow, task, execution, current, runs, record, settings.TimeZone, task.Analytics.StatusUpdatedAt ?? started);
            tasks.Add(taskRow);
            links.AddRange(assignees.Select(a => new TaskAssigneeRow { AssigneeId = a, ExecutionId = execution.Id, TaskId = task.Id, IsOpen = taskRow.IsOpen, DueAt = taskRow.DueAt, FollowUpOn = taskRow.FollowUpOn }));
        }

        var values = FilterableValues.Of(schema, schema.Attributes, record.Id, attributes).ToList();
        return new Workflow(record, row, tasks, links, [.. events.Select(e => new EventRow
        {
            ExecutionId = execution.Id,
            Type = e.Type.ToString(),
            TaskId = e.TaskId,
            PhaseId = e.PhaseId,
            ActorId = e.Actor.UserId,
            ActorName = e.Actor.DisplayName,
            At = e.At,
            Summary = e.Summary,
            Detail = e.Detail,
            Line = e.Line,
        })], values);
    }

    private sealed record Workflow(
        EntityRecord Record, ExecutionRow Execution, List<TaskRow> Tasks, List<TaskAssigneeRow> Links, List<EventRow> Events, List<FilterableValue> Values);
}
