using MudBlazor;

namespace Workflows.Web.Components.Layout;

/// <summary>The product's colours, and where the dark-mode choice is remembered.</summary>
public static class AppTheme
{
    public const string DarkModeCookie = "wf-theme";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d3c78",
            Success = "#2e7d32",
            Warning = "#ef8f00",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64a8f0",
            Secondary = "#4db6ac",
            Success = "#66bb6a",
            Warning = "#ffb74d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
