using System.Globalization;
using System.Text.Json;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// Where the canvas draws a task or phase, kept in the item's <c>ExtensionData</c> so it survives save and reload
/// without a column or property of its own: <c>"ui_position": {"x": 120, "y": 80}</c> on tasks and phases, and
/// <c>"ui_size": {"width": 260, "height": 140}</c> on phases (an empty phase has no tasks to take its size from).
/// The engine ignores both keys; other clients round-trip them untouched.
/// </summary>
public static class CanvasPlacement
{
    public const string PositionKey = "ui_position";
    public const string SizeKey = "ui_size";

    public static (double X, double Y)? GetPosition(Dictionary<string, JsonElement>? extensionData) =>
        Read(extensionData, PositionKey, "x", "y");

    public static (double Width, double Height)? GetSize(Dictionary<string, JsonElement>? extensionData) =>
        Read(extensionData, SizeKey, "width", "height");

    /// <summary>The extension data with the position set; a new dictionary when there was none.</summary>
    public static Dictionary<string, JsonElement> WithPosition(Dictionary<string, JsonElement>? extensionData, double x, double y) =>
        Write(extensionData, PositionKey, "x", x, "y", y);

    public static Dictionary<string, JsonElement> WithSize(Dictionary<string, JsonElement>? extensionData, double width, double height) =>
        Write(extensionData, SizeKey, "width", width, "height", height);

    private static (double, double)? Read(Dictionary<string, JsonElement>? data, string key, string first, string second)
    {
        if (data is null || !data.TryGetValue(key, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return element.TryGetProperty(first, out var a) && a.TryGetDouble(out var x)
               && element.TryGetProperty(second, out var b) && b.TryGetDouble(out var y)
            ? (x, y)
            : null;
    }

    private static Dictionary<string, JsonElement> Write(
        Dictionary<string, JsonElement>? data, string key, string first, double a, string second, double b)
    {
        var result = data is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new Dictionary<string, JsonElement>(data, StringComparer.Ordinal);
        var json = string.Create(CultureInfo.InvariantCulture, $$"""{"{{first}}":{{Math.Round(a)}},"{{second}}":{{Math.Round(b)}}}""");
        using var document = JsonDocument.Parse(json);
        result[key] = document.RootElement.Clone();
        return result;
    }
}
