using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Workflows.Core.Identity;
using Workflows.Web.Components.Tasks;

namespace Workflows.Tests.Components.Tasks;

public sealed class AssignDialogTests : MudTestContext
{
    private static readonly AssigneeNames Names = new(
        [new Person("u-lena", "Lena Schmidt", "lena@workflows.test", null), new Person("u-tobias", "Tobias Meyer", "tobias@solartech.test", "p-solartech")],
        [new Partner { Id = "p-solartech", Name = "SolarTech Montage GmbH" }]);

    [Fact]
    public async Task A_picked_name_moves_to_the_chips_and_the_search_box_empties_for_the_next()
    {
        var popovers = Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<AssignDialog>("Assign", new DialogParameters<AssignDialog> { { d => d.Names, Names } }));
        var search = provider.WaitForElement("input[aria-label='Search users and partners'], .mud-autocomplete input");

        search.Input("Lena");
        popovers.WaitForAssertion(() => Assert.NotEmpty(Options(popovers)));
        Options(popovers).First(i => i.TextContent.Contains("Lena Schmidt", StringComparison.Ordinal)).Click();

        provider.WaitForAssertion(() => Assert.Contains("Lena Schmidt", provider.Find("[aria-label=Assigned]").TextContent, StringComparison.Ordinal));
        provider.WaitForAssertion(() => Assert.Equal("", provider.Find(".mud-autocomplete input").GetAttribute("value") ?? ""));
    }

    [Fact]
    public async Task An_assignee_chip_is_removed_by_a_button_named_after_the_person()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<AssignDialog>("Assign", new DialogParameters<AssignDialog>
        {
            { d => d.Names, Names },
            { d => d.Current, ["u-lena", "u-tobias"] },
        }));

        provider.WaitForElement("button[aria-label='Remove Lena Schmidt']").Click();

        provider.WaitForAssertion(() => Assert.DoesNotContain("Lena Schmidt", provider.Find("[aria-label=Assigned]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Tobias Meyer", provider.Find("[aria-label=Assigned]").TextContent, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll("[aria-label=Assigned] button[aria-label=Close]"));
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        [.. popovers.FindAll(".mud-popover-open .mud-list-item")];
}
