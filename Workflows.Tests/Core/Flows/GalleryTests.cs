using System.Text.Json.Nodes;
using System.Text.Json;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Gallery;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using Workflows.Core.Flows;
using Workflows.Core;

namespace Workflows.Tests.Core.Flows;

/// <summary>The template gallery: every template is valid, survives JSON, and can be worked from start to DONE by the engine.</summary>
public sealed class GalleryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly FlowActor Lena = new("u-lena", "Lena Schmidt");

    private static readonly IReadOnlyCollection<ClosingReason> DemoReasons =
    [
        .. DemoCatalogue.ClosingReasons.Select(r => new ClosingReason { Id = r.Id, Title = r.Title, Status = r.Status }),
    ];

    /// <summary>A record of each demo schema as a case worker would start a workflow on it.</summary>
    private static JsonObject Opportunity(double? roofSize) => new()
    {
        ["title"] = "Solar – Jürgen Müller, München",
        ["product"] = "Solar",
        ["stage"] = "qualified",
        ["amount"] = 18_900,
        ["roof_size_m2"] = roofSize,
        ["site_visit_done"] = false,
        ["contact"] = "contact-001",
        ["owner"] = "u-lena",
    };

    private static JsonObject Order() => new()
    {
        ["order_number"] = "ORD-2026-1044",
        ["product"] = "Meter change",
        ["status"] = "placed",
        ["total"] = 0,
        ["order_date"] = "2026-02-27",
        ["installation_date"] = "2026-03-20",
        ["paid"] = false,
        ["meter_number"] = "1ESY11613263",
        ["contact"] = "contact-013",
        ["owner"] = "u-mehmet",
    };

    private static JsonObject Contact(string? customerType, params string[] tags) => new()
    {
        ["first_name"] = "Anneliese",
        ["last_name"] = "Schröder",
        ["email"] = "anneliese.schroeder@example.de",
        ["street"] = "Königsallee 45",
        ["postal_code"] = "40212",
        ["city"] = "Düsseldorf",
        ["country"] = "DE",
        ["customer_type"] = customerType,
        ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
        ["owner"] = "u-lena",
    };

    /// <summary>
    /// One way through a template: the record it runs on, the branch a user picks at manual
    /// decisions (the first when null), and the tasks that must end up skipped as branches not taken.
    /// </summary>
    private sealed record Scenario(string Key, JsonObject Record, string[] Skipped, string? ManualChoice = null);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["solar, large roof"] = new("solar-installation", Opportunity(42), ["solar-plan-small-system"]),
        ["solar, small roof"] = new("solar-installation", Opportunity(24), ["solar-plan-full-system"]),
        ["meter change"] = new("meter-change", Order(), []),
        ["move-in, private customer"] = new("customer-move-in", Contact("private"), ["movein-verify-business", "movein-clarify-customer-type"]),
        ["move-in, business customer"] = new("customer-move-in", Contact("business"), ["movein-credit-check", "movein-clarify-customer-type"]),
        ["move-in, customer type unknown"] = new("customer-move-in", Contact(null), ["movein-credit-check", "movein-verify-business"]),
        ["onboarding"] = new("customer-onboarding", Contact("private", "solar"), []),
        ["complaint, VIP business customer, satisfied"] = new("complaint-handling", Contact("business", "vip", "solar"),
            ["complaint-assign-to-service-team", "complaint-escalate"]),
        ["complaint, private customer, not satisfied"] = new("complaint-handling", Contact("private", "tenant"),
            ["complaint-priority-call-back", "complaint-inform-key-account"], ManualChoice: "complaint-not-satisfied"),
    };

    public static TheoryData<string> Keys => [.. TemplateGallery.All.Select(e => e.Key)];

    public static TheoryData<string> ScenarioNames => [.. Scenarios.Keys];

    private static GalleryEntry Entry(string key) => TemplateGallery.All.Single(e => e.Key == key);

    [Fact]
    public void The_gallery_offers_five_templates_each_with_its_own_key_and_name()
    {
        var entries = TemplateGallery.All;

        Assert.Equal(["solar-installation", "meter-change", "customer-move-in", "customer-onboarding", "complaint-handling"], entries.Select(e => e.Key));
        Assert.Equal(entries.Count, entries.Select(e => e.Name).Distinct().Count());
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Description));
            Assert.False(string.IsNullOrWhiteSpace(e.Category));
            Assert.Equal(e.Name, e.Create().Name);
        });
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_gallery_template_validates_without_a_single_problem_against_the_demo_catalogue(string key)
    {
        var problems = FlowTemplateValidator.Validate(Entry(key).Create(), DemoReasons);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Message)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_gallery_template_is_started_by_hand_on_a_demo_schema_and_uses_ids_that_say_what_they_are(string key)
    {
        var template = Entry(key).Create();

        Assert.Equal(TemplateTriggerType.Manual, template.Trigger!.Type);
        Assert.Contains(template.Trigger.EntitySchema, (string[])["contact", "opportunity", "order"]);
        Assert.True(template.IsEnabled);
        Assert.Null(template.Id);
        var prefix = template.Tasks[0].Id.Split('-')[0];
        Assert.All(template.Tasks, t => Assert.StartsWith(prefix + "-", t.Id, StringComparison.Ordinal));
        Assert.All(template.Phases!, p => Assert.StartsWith(prefix + "-", p.Id, StringComparison.Ordinal));
        Assert.Contains(template.Tasks, t => t.Description is { Enabled: true, Value.Length: > 0 });
        Assert.NotEmpty(template.ClosingReasons!);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_call_creates_a_separate_template_so_changing_one_leaves_the_gallery_untouched(string key)
    {
        var first = Entry(key).Create();
        first.Name = "Changed";
        first.Tasks.Clear();
        first.Edges.Clear();

        var second = Entry(key).Create();

        Assert.Equal(Entry(key).Name, second.Name);
        Assert.NotEmpty(second.Tasks);
        Assert.NotEmpty(second.Edges);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_gallery_template_round_trips_through_json_unchanged(string key)
    {
        var template = Entry(key).Create();

        var json = JsonSerializer.SerializeToNode(template, FlowJson.Options)!;
        var back = JsonSerializer.Deserialize<FlowTemplate>(json.ToJsonString(), FlowJson.Options)!;
        var again = JsonSerializer.SerializeToNode(back, FlowJson.Options);

        Assert.True(JsonNode.DeepEquals(json, again), $"Wrote\n{json}\nbut after a round-trip\n{again}");
        Assert.Equal(template.Tasks.Select(t => (t.Id, t.TaskType, t.PhaseId)), back.Tasks.Select(t => (t.Id, t.TaskType, t.PhaseId)));
        Assert.Equal(template.Edges, back.Edges);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void A_gallery_template_runs_to_done_when_its_enabled_current_tasks_are_worked(string scenario)
    {
        var (key, record, skipped, choice) = Scenarios[scenario];

        var execution = RunToDone(Entry(key).Create(), record, choice);

        Assert.Equal(WorkflowStatus.DONE, execution.Status);
        Assert.Empty(execution.CrtTasks);
        Assert.All(execution.Phases, p => Assert.Equal(PhaseStatus.COMPLETED, p.Status));
        Assert.Equal(
            skipped.Order(StringComparer.Ordinal),
            execution.Tasks.Where(t => t.Status == StepStatus.SKIPPED).Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(execution.Tasks.Where(t => t.Status == StepStatus.SKIPPED), t => Assert.True(t.SkippedAutomatically));
        Assert.All(execution.Tasks.Where(t => t.DueDateConfig is not null), t => Assert.True(t.DueDate is not null, $"'{t.Name}' never got its due date"));
    }

    [Fact]
    public void Solar_sales_tasks_go_to_the_record_owner_and_installation_tasks_to_the_installer_partner()
    {
        var execution = Start(Entry("solar-installation").Create(), Opportunity(42));

        Assert.Equal(["u-lena"], execution.FindTask("solar-qualify-lead")!.AssigneeIds());
        Assert.Equal(["u-lena"], execution.AssignedTo!.SelectMany(a => a.Ids()));
        Assert.Equal([DemoSeeder.SolarPartnerId], execution.FindTask("solar-schedule-installation")!.AssigneeIds());
        Assert.Equal([DemoSeeder.SolarPartnerId], execution.FindTask("solar-install-system")!.AssigneeIds());
        Assert.Equal(["solar-qualify-lead"], execution.CrtTasks.Select(t => t.Id));
        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2026, 3, 4)), execution.FindTask("solar-qualify-lead")!.DueDate);
    }

    [Fact]
    public void Ordering_solar_materials_waits_for_the_signed_contract()
    {
        var execution = Start(Entry("solar-installation").Create(), Opportunity(42));

        var refused = FlowEngine.Apply(execution, new SetTaskStatus("solar-order-materials", StepStatus.COMPLETED), new EngineContext(Monday, Lena));

        Assert.Equal(FlowErrorKind.Locked, refused.Error!.Kind);
        Assert.Contains("Sign contract", refused.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solar_installation_is_due_five_days_after_materials_are_ordered_and_registration_a_month_after_installing()
    {
        var execution = RunToDone(Entry("solar-installation").Create(), Opportunity(42), manualChoice: null);

        DateOnly FinishedOn(string id) => new TenantCalendar(Berlin).DayOf(execution.FindTask(id)!.Analytics.CompletedAt!.Value);
        Assert.Equal(FlowDueDate.OnDate(FinishedOn("solar-order-materials").AddDays(5)), execution.FindTask("solar-schedule-installation")!.DueDate);
        Assert.Equal(FlowDueDate.OnDate(FinishedOn("solar-install-system").AddMonths(1)), execution.FindTask("solar-register-mastr")!.DueDate);
        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2026, 3, 2).AddDays(7 * 12)), execution.DueDate);
    }

    [Fact]
    public void Without_a_roof_size_the_solar_sizing_decision_fails_with_a_visible_reason()
    {
        var record = Opportunity(null);
        var execution = Start(Entry("solar-installation").Create(), record);
        foreach (var id in (string[])["solar-qualify-lead", "solar-send-offer", "solar-sign-contract", "solar-site-survey"])
        {
            Work(execution, execution.FindTask(id)!, record, Monday, manualChoice: null);
        }

        var decision = execution.FindTask("solar-check-roof")!;
        Assert.Equal(StepStatus.FAILED, decision.Status);
        Assert.Equal("No branch of 'Check roof size' is met and it has no default branch.", decision.StatusReason);
    }

    [Fact]
    public void The_metering_partner_exchanges_the_meter_and_uploads_the_protocol_within_24_hours()
    {
        var execution = RunToDone(Entry("meter-change").Create(), Order(), manualChoice: null);

        var exchange = execution.FindTask("meter-exchange-meter")!;
        var upload = execution.FindTask("meter-upload-protocol")!;
        Assert.Equal([DemoSeeder.MeterPartnerId], exchange.AssigneeIds());
        Assert.Equal([DemoSeeder.MeterPartnerId], upload.AssigneeIds());
        Assert.Equal(FlowDueDate.At(exchange.Analytics.CompletedAt!.Value.AddHours(24)), upload.DueDate);
    }

    [Fact]
    public void In_the_sequential_onboarding_a_step_is_locked_until_the_one_before_it_is_done()
    {
        var record = Contact("private");
        var execution = Start(Entry("customer-onboarding").Create(), record);

        Assert.True(execution.Linear);
        Assert.Equal(StepStatus.SCHEDULED, execution.FindTask("onboarding-send-welcome-email")!.Status);
        Assert.False(execution.FindTask("onboarding-verify-data")!.Enabled);
        var refused = FlowEngine.Apply(execution, new SetTaskStatus("onboarding-verify-data", StepStatus.COMPLETED), new EngineContext(Monday, Lena));
        Assert.Equal(FlowErrorKind.Locked, refused.Error!.Kind);

        Work(execution, execution.FindTask("onboarding-send-welcome-email")!, record, Monday, manualChoice: null);

        Assert.True(execution.FindTask("onboarding-verify-data")!.Enabled);
        Assert.False(execution.FindTask("onboarding-collect-sepa-mandate")!.Enabled);
    }

    [Fact]
    public void A_vip_business_complaint_goes_to_the_priority_call_back_and_the_key_account_manager_at_once()
    {
        var record = Contact("business", "vip");
        var execution = Start(Entry("complaint-handling").Create(), record);

        Work(execution, execution.FindTask("complaint-record")!, record, Monday, manualChoice: null);

        var route = execution.FindTask("complaint-route")!;
        Assert.True(route.TakesParallelBranches);
        Assert.Equal([true, true], route.Conditions!.Select(c => c.IsMet));
        Assert.Equal(
            ["complaint-acknowledge", "complaint-inform-key-account", "complaint-priority-call-back"],
            execution.CrtTasks.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(StepStatus.SKIPPED, execution.FindTask("complaint-assign-to-service-team")!.Status);
        Assert.Equal(FlowDueDate.At(Monday.AddHours(4)), execution.FindTask("complaint-priority-call-back")!.DueDate);
    }

    private static FlowExecution Start(FlowTemplate template, JsonObject record)
    {
        var schema = template.Trigger!.EntitySchema!;
        var result = FlowEngine.Start(
            template,
            new StartFlow("x-gallery", [new EntityRef { EntityId = $"{schema}-001", EntitySchema = schema, IsPrimary = true }]),
            Context(Monday, record));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Execution;
    }

    private static EngineContext Context(DateTimeOffset now, JsonObject record) =>
        new(now, Lena) { Facts = EngineContext.FactsFrom(record), TimeZone = Berlin };

    /// <summary>
    /// Works one current, enabled task after the other, an hour apart, as a case worker and the
    /// automation runtime would, until the workflow is DONE; fails when it gets stuck.
    /// </summary>
    private static FlowExecution RunToDone(FlowTemplate template, JsonObject record, string? manualChoice)
    {
        var execution = Start(template, record);
        var now = Monday;
        for (var step = 0; execution.Status == WorkflowStatus.STARTED; step++)
        {
            Assert.True(step < 4 * template.Tasks.Count, $"'{template.Name}' did not finish in {step} steps");
            var next = execution.CrtTasks.Select(t => execution.FindTask(t.Id)!).FirstOrDefault(t => t.Enabled && t.Status != StepStatus.FAILED);
            Assert.True(next is not null, $"'{template.Name}' is stuck: {Describe(execution)}");
            now = now.AddHours(1);
            Work(execution, next, record, now, manualChoice);
        }

        return execution;
    }

    private static void Work(FlowExecution execution, ExecutionTask task, JsonObject record, DateTimeOffset now, string? manualChoice)
    {
        FlowCommand[] commands = task.TaskType switch
        {
            TaskType.DECISION => [new ChooseDecisionBranch(task.Id, manualChoice is { } id && task.Conditions!.Exists(c => c.Id == id) ? id : task.Conditions![0].Id)],
            TaskType.AUTOMATION => [new AutomationStarted(task.Id, $"run-{task.Id}"), new AutomationCompleted(task.Id)],
            _ => [new SetTaskStatus(task.Id, StepStatus.IN_PROGRESS), new SetTaskStatus(task.Id, StepStatus.COMPLETED)],
        };
        foreach (var command in commands)
        {
            var result = FlowEngine.Apply(execution, command, Context(now, record));
            Assert.True(result.Succeeded, $"{command} was refused: {result.Error?.Message}");
        }
    }

    private static string Describe(FlowExecution execution) => string.Join(", ", execution.Tasks
        .Where(t => !t.IsFinished)
        .Select(t => $"{t.Id} {t.Status}{(t.Enabled ? "" : " locked")}{(t.StatusReason is { } reason ? $" ({reason})" : "")}"));
}
