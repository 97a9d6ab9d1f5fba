using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// The texts of MudBlazor's own components (pager, pickers, "Required", "Close") in our languages: names the resource
/// files <c>MudBlazorText.resx</c> (English, as MudBlazor ships it) and <c>MudBlazorText.de.resx</c>.
/// </summary>
public sealed class MudBlazorText;

/// <summary>Hands MudBlazor its texts from <see cref="MudBlazorText"/>; MudBlazor asks only for languages other than English.</summary>
internal sealed class MudTextLocalizer(IStringLocalizer<MudBlazorText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
