using Bunit;
using Microsoft.AspNetCore.Components;
using Workflows.Core.Identity;
using Workflows.Web.Components.Builder;

namespace Workflows.Tests.Components.Builder;

public sealed class AssigneePickerTests : BuilderComponentContext
{
    private static readonly BuilderLookups Lookups = new(
        [
            new Person("u-tobias", "Tobias Meyer", "tobias@solartech.test", "p-solartech"),
            new Person("u-lena", "Lena Schmidt", "lena@workflows.test", null),
            new Person("u-mia", "Mia Wolf", "mia@meterco.test", "p-meterco"),
            new Person("u-jonas", "Jonas Becker", "jonas@workflows.test", null),
        ],
        [new Partner { Id = "p-solartech", Name = "SolarTech Montage GmbH" }, new Partner { Id = "p-meterco", Name = "MeterCo" }],
        [], []);

    [Fact]
    public void The_users_list_offers_staff_first_then_partner_users_marked_and_grouped_by_their_partner()
    {
        var page = RenderWithPopovers(builder =>
        {
            builder.OpenComponent<AssigneePicker>(0);
            builder.AddComponentParameter(1, nameof(AssigneePicker.Lookups), Lookups);
            builder.CloseComponent();
        });

        Open(page, "Assignees: users");

        Assert.Equal(
            [("Lena Schmidt", null), ("Jonas Becker", null), ("Mia Wolf", "MeterCo"), ("Tobias Meyer", "SolarTech Montage GmbH")],
            page.FindAll(".mud-popover-open .mud-list-item").Select(i =>
            {
                var partner = i.QuerySelector(".mud-chip")?.TextContent.Trim();
                var text = i.TextContent.Trim();
                return ((partner is null ? text : text[..text.LastIndexOf(partner, StringComparison.Ordinal)]).Trim(), partner);
            }));
    }

    [Fact]
    public void A_team_is_picked_from_its_own_list_marked_when_it_hands_out_round_robin_and_kept_beside_the_users()
    {
        var lookups = new BuilderLookups(Lookups.People, Lookups.Partners, [], [])
        {
            Teams = [new("team-field-service", "Field service", false, ["u-lena"], null), new("team-back-office", "Back office", true, ["u-jonas"], null)],
        };
        List<Workflows.Core.Flows.Executions.Assignee>? saved = null;
        var page = RenderWithPopovers(builder =>
        {
            builder.OpenComponent<AssigneePicker>(0);
            builder.AddComponentParameter(1, nameof(AssigneePicker.Lookups), lookups);
            builder.AddComponentParameter(2, nameof(AssigneePicker.Value), (IReadOnlyList<Workflows.Core.Flows.Executions.Assignee>)[Workflows.Core.Flows.Executions.Assignee.Of("u-lena")]);
            builder.AddComponentParameter(3, nameof(AssigneePicker.ValueChanged),
                EventCallback.Factory.Create<List<Workflows.Core.Flows.Executions.Assignee>?>(this, value => saved = value));
            builder.CloseComponent();
        });

        Open(page, "Assignees: teams");
        var items = page.FindAll(".mud-popover-open .mud-list-item");
        Assert.Equal(["Back office", "Field service"], items.Select(i => i.TextContent.Replace("Round-robin", "", StringComparison.Ordinal).Trim()).Order());
        Assert.Contains("Round-robin", items.Single(i => i.TextContent.Contains("Back office", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        items.Single(i => i.TextContent.Contains("Field service", StringComparison.Ordinal)).Click();

        Assert.Equal(["u-lena", "team-field-service"], saved!.Select(a => a.Id));
    }
}
