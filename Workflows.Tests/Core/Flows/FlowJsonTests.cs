using System.Text.Json.Nodes;
using System.Text.Json;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;

namespace Workflows.Tests.Core.Flows;

/// <summary>Templates and executions serialize exactly as the epilot specs spell them and round-trip without loss.</summary>
public sealed class FlowJsonTests
{
    /// <summary>A v2 FlowTemplate using every schema the definition spec has for it, values from the spec's examples.</summary>
    private const string SpecTemplate = """
    {
      "id": "flow-1",
      "org_id": "org-1",
      "name": "Solar installation",
      "description": "From offer to grid connection",
      "trigger": { "id": "t1", "type": "manual", "entity_schema": "opportunity" },
      "additional_triggers": [ { "type": "automation", "automation_id": "g92j2-sg9ug92hjt1gh-9s9gajgs-a979gg" } ],
      "enabled": true,
      "version": "v3",
      "created_at": "2021-04-27T12:01:13.000Z",
      "updated_at": "2021-04-27T12:01:13.000Z",
      "due_date": "2021-04-27T12:00:00.000Z",
      "due_date_config": { "duration": 30, "unit": "days", "type": "WORKFLOW_STARTED" },
      "assigned_to": [ "10234", { "variable": "{{entity.owner}}", "value": ["user_12345"] } ],
      "available_in_ecp": false,
      "phases": [
        { "id": "p1", "name": "Preparation", "due_date_config": { "duration": 1, "unit": "weeks", "type": "WORKFLOW_STARTED" }, "assigned_to": ["10234"], "taxonomies": ["tax-1"] }
      ],
      "tasks": [
        {
          "id": "check", "name": "Check documents", "task_type": "MANUAL", "phase_id": "p1",
          "description": { "enabled": true, "value": "Look at **everything**" },
          "journey": { "id": "j1", "journeyId": "journey-9", "name": "Upload", "complete_task_automatically": true },
          "due_date": "2021-04-27",
          "requirements": [],
          "assigned_to": [ { "variable": "{{workflow.started_by}}" } ],
          "ecp": { "enabled": true, "label": "Documents" },
          "partner": { "enabled": false },
          "taxonomies": ["tax-2"]
        },
        {
          "id": "mail", "name": "Send welcome mail", "task_type": "AUTOMATION",
          "automation_config": { "flow_id": "auto-1" }, "trigger_mode": "automatic",
          "schedule": { "mode": "relative", "direction": "after", "duration": 2, "unit": "hours",
                        "reference": { "id": "check", "origin": "task_completed" } },
          "created_automatically": false,
          "requirements": [ { "task_id": "check", "when": "TASK_FINISHED" } ],
          "due_date_config": { "duration": 4, "unit": "hours", "type": "TASK_FINISHED", "task_id": "check" }
        },
        {
          "id": "size", "name": "Big system?", "task_type": "DECISION", "trigger_mode": "automatic",
          "conditions": [
            { "id": "big", "branch_name": "Big", "logical_operator": "AND", "statements": [
              { "id": "s1", "source": { "id": "src", "origin": "trigger", "origin_type": "entity", "schema": "opportunity",
                                       "attribute": "kwp", "attribute_type": "number", "attribute_repeatable": false,
                                       "date_offset": { "amount": 18, "unit": "years" } },
                "operator": "greater_than_or_equals", "values": ["10"], "value_type": "static" } ] },
            { "id": "again", "branch_name": "Again", "logical_operator": "OR", "statements": [] }
          ],
          "loop_config": { "loop_branch_id": "again", "exit_branch_id": "big", "max_iterations": 3 },
          "allow_parallel_execution": false,
          "schedule": { "mode": "delayed", "duration": 1, "unit": "days" }
        },
        { "id": "install", "name": "Install", "task_type": "MANUAL",
          "requirements": [ { "phase_id": "p1", "when": "PHASE_FINISHED" } ] }
      ],
      "edges": [
        { "id": "e1", "from_id": "check", "to_id": "mail" },
        { "id": "e2", "from_id": "mail", "to_id": "size" },
        { "id": "e3", "from_id": "size", "to_id": "install", "condition_id": "big" },
        { "id": "e4", "from_id": "size", "to_id": "check", "condition_id": "again" },
        { "id": "e5", "from_id": "size", "to_id": "install", "none_met": true }
      ],
      "closing_reasons": [ { "id": "x739cew", "title": "Lost", "status": "ACTIVE", "lastUpdateTime": "2021-04-27T12:01:13.000Z" } ],
      "singleClosingReasonSelection": true,
      "entity_sync": [
        { "trigger": { "event": "FlowStarted" }, "target": { "entitySchema": "opportunity", "entityAttribute": "title" }, "value": { "source": "workflow_name" } },
        { "trigger": { "event": "TaskCompleted", "filter": { "task_template_id": "check" } },
          "target": { "entitySchema": "opportunity", "entityAttribute": "docs" }, "value": { "source": "custom_value", "value": "checked" } }
      ],
      "update_entity_attributes": [ { "source": "workflow_status", "target": { "entitySchema": "opportunity", "entityAttribute": "my_status" } } ],
      "taxonomies": ["tax-1"],
      "_manifest": ["m-1"],
      "linear": false
    }
    """;

    [Fact]
    public void A_spec_shaped_template_round_trips_without_losing_or_adding_anything()
    {
        var template = JsonSerializer.Deserialize<FlowTemplate>(SpecTemplate, FlowJson.Options)!;

        var written = JsonSerializer.SerializeToNode(template, FlowJson.Options);

        var expected = JsonNode.Parse(SpecTemplate);
        Assert.True(JsonNode.DeepEquals(expected, written), $"Expected\n{expected}\nbut wrote\n{written}");
    }

    [Fact]
    public void The_template_model_reads_the_spec_names_into_typed_members()
    {
        var template = JsonSerializer.Deserialize<FlowTemplate>(SpecTemplate, FlowJson.Options)!;

        Assert.True(template.SingleClosingReasonSelection);
        Assert.Equal(TemplateTriggerType.Manual, template.Trigger!.Type);
        Assert.Equal("journey-9", template.Tasks[0].Journey!.JourneyId);
        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2021, 4, 27)), template.Tasks[0].DueDate);
        Assert.Equal(Operator.GreaterThanOrEquals, template.Tasks[2].Conditions![0].Statements![0].Operator);
        Assert.Equal(3, template.Tasks[2].LoopConfig!.MaxIterations);
        Assert.True(template.Edges[4].NoneMet);
        Assert.Equal("{{entity.owner}}", template.AssignedTo![1].Variable);
        Assert.Equal(TimeUnit.Hours, template.Tasks[1].Schedule!.Unit);
        Assert.Equal(EntitySyncValueSource.CustomValue, template.EntitySync![1].Value.Source);
    }

    [Fact]
    public void An_execution_round_trips_and_uses_the_execution_spec_names()
    {
        var template = JsonSerializer.Deserialize<FlowTemplate>(SpecTemplate, FlowJson.Options)!;
        var started = FlowEngine.Start(template, new StartFlow("x1", [new EntityRef { EntityId = "e1", EntitySchema = "opportunity" }]),
            new EngineContext(EngineHarness.T0, EngineHarness.Anna));
        Assert.True(started.Succeeded, started.Error?.Message);

        var json = JsonSerializer.SerializeToNode(started.Execution, FlowJson.Options)!.AsObject();
        var back = JsonSerializer.Deserialize<FlowExecution>(json, FlowJson.Options)!;

        Assert.True(JsonNode.DeepEquals(json, JsonSerializer.SerializeToNode(back, FlowJson.Options)));
        foreach (var name in new[] { "id", "flow_template_id", "status", "analytics", "contexts", "crt_tasks", "phases", "tasks", "edges", "closing_reason", "singleClosingReasonSelection", "version" })
        {
            Assert.True(json.ContainsKey(name), name);
        }

        var task = json["tasks"]![0]!.AsObject();
        Assert.Equal("PENDING", (string?)task["status"]);
        Assert.Equal("check", (string?)task["template_id"]);
        Assert.Equal("2025-03-10T09:00:00.000Z", (string?)json["analytics"]!["started_at"]);
        Assert.Equal("IN_PROGRESS", (string?)json["phases"]![0]!["status"]);
        Assert.Equal(["u-anna"], task["assigned_to"]![0]!["value"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("Lost", (string?)json["closing_reason"]!["configured_reasons"]![0]!["title"]);
    }
}
