using MudBlazor;

namespace Workflows.Web.Components.Layout;

/// <summary>
/// The product's colours, and where the dark-mode choice is remembered. Every text colour meets WCAG AA contrast (4.5:1)
/// on the surfaces it is used on, in both palettes (AccessibilityTests runs axe on every page in each): hence the darker
/// secondary, info and error, the stronger secondary text, a light error on dark, and dark text on the light primary of the dark palette.
/// </summary>
public static class AppTheme
{
    public const string DarkModeCookie = "wf-theme";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00796b",
            Info = "#1976d2",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.64)",
            AppbarBackground = "#0d3c78",
            Success = "#2e7d32",
            // Dark enough for warning text and outlined buttons on white (5:1), not only for filled chips.
            Warning = "#b45309",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#74b2f2",
            PrimaryContrastText = "#0b1f33",
            Info = "#64b5f6",
            InfoContrastText = "#0b1f33",
            Error = "#ff8a80",
            ErrorContrastText = "#3b0909",
            TextSecondary = "rgba(255,255,255,0.72)",
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
