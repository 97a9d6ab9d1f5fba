using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Workflows.Web.Components.Shared;

/// <summary>The query of the page's address as the views parse it (<c>DashboardView.Parse</c>, <c>BoardView.Parse</c>).</summary>
public static class AddressQuery
{
    public static Dictionary<string, string?> QueryValues(this NavigationManager navigation) =>
        QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
}
