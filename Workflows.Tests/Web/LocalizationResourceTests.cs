using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Web;

/// <summary>
/// The texts of every area exist in English and German alike, and every key the code asks for exists: a key missing
/// in German would show English on a German page, a mistyped key would show the key itself in both.
/// </summary>
public sealed partial class LocalizationResourceTests
{
    private static readonly string Root = Loopback.RepositoryRoot();

    private static readonly string Web = Path.Combine(Root, "Workflows.Web");

    /// <summary>Where texts live: the web app's components and Core's own (notifications, e-mails).</summary>
    private static readonly string[] Folders = [Path.Combine(Web, "Components"), Path.Combine(Root, "Workflows.Core")];

    public static TheoryData<string> Areas()
    {
        var areas = new TheoryData<string>();
        foreach (var english in EnglishResources())
        {
            areas.Add(Path.GetRelativePath(Root, english));
        }

        return areas;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Every_text_has_a_german_translation_with_the_same_placeholders(string area)
    {
        var english = Entries(Path.Combine(Root, area));
        var german = Entries(Path.Combine(Root, Path.ChangeExtension(area, ".de.resx")));

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), german.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{text.Key} is empty in English");
            Assert.False(string.IsNullOrWhiteSpace(german[text.Key]), $"{text.Key} is empty in German");
            Assert.True(Placeholders(text.Value).SetEquals(Placeholders(german[text.Key])), $"{text.Key}: '{text.Value}' and '{german[text.Key]}' differ in their placeholders");
        });
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void The_build_ships_the_german_texts_beside_the_english(string area)
    {
        // Workflows.Web/Components/Layout/LayoutText.resx is the resource Workflows.Web.Components.Layout.LayoutText.
        var project = area.Split(Path.DirectorySeparatorChar)[0];
        var name = Path.ChangeExtension(area, null).Replace(Path.DirectorySeparatorChar, '.');
        var resources = new System.Resources.ResourceManager(name, System.Reflection.Assembly.Load(project));

        var english = resources.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false);
        var german = resources.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("de"), true, false);

        Assert.NotNull(english);
        Assert.NotNull(german);
        Assert.Equal(Entries(Path.Combine(Root, area)).Count, german.Cast<System.Collections.DictionaryEntry>().Count());
    }

    [Fact]
    public void Every_key_the_components_ask_for_is_in_their_areas_resources()
    {
        var resources = EnglishResources().ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => Entries(path).Keys.ToHashSet(StringComparer.Ordinal));
        var missing = new List<string>();
        foreach (var file in SourceFiles())
        {
            var code = File.ReadAllText(file);
            if (AreaOf(file, code) is { } area)
            {
                missing.AddRange(Lookup().Matches(code).Select(m => m.Groups["key"].Value)
                    .Where(key => !resources[area].Contains(key))
                    .Select(key => $"{Path.GetRelativePath(Root, file)}: L[\"{key}\"] is not in {area}.resx"));
            }

            if (Helper().Match(code) is { Success: true } helper)
            {
                var own = helper.Groups["area"].Value;
                missing.AddRange(HelperLookup().Matches(code).Select(m => m.Groups["key"].Value)
                    .Where(key => !resources.TryGetValue(own, out var keys) || !keys.Contains(key))
                    .Select(key => $"{Path.GetRelativePath(Root, file)}: T(\"{key}\") is not in {own}.resx"));
            }

            missing.AddRange(StaticLookup().Matches(code)
                .Where(m => !resources.TryGetValue(m.Groups["area"].Value, out var keys) || !keys.Contains(m.Groups["key"].Value))
                .Select(m => $"{Path.GetRelativePath(Root, file)}: {m.Value}\") asks for a key {m.Groups["area"].Value}.resx does not have"));
            missing.AddRange(HistoryLookup().Matches(code)
                .Where(m => !resources["HistoryText"].Contains(m.Groups["key"].Value))
                .Select(m => $"{Path.GetRelativePath(Root, file)}: {m.Value}\") asks for a key HistoryText.resx does not have"));
        }

        Assert.Empty(missing);
        Assert.True(resources.Count >= 5, "the areas' resources were not found");
    }

    private static IEnumerable<string> EnglishResources() =>
        Folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.resx", SearchOption.AllDirectories))
            .Where(path => !Path.GetFileNameWithoutExtension(path).Contains('.', StringComparison.Ordinal) && !IsBuildOutput(path))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles() =>
        Folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(path => (path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal)) && !IsBuildOutput(path));

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>The area <c>L</c> reads: the file's own <c>@inject IStringLocalizer&lt;X&gt; L</c>, else the nearest <c>_Imports.razor</c>'s.</summary>
    private static string? AreaOf(string file, string code)
    {
        if (Injected().Match(code) is { Success: true } own)
        {
            return own.Groups["area"].Value;
        }

        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.StartsWith(Web, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
        {
            var imports = Path.Combine(dir, "_Imports.razor");
            if (File.Exists(imports) && Injected().Match(File.ReadAllText(imports)) is { Success: true } shared)
            {
                return shared.Groups["area"].Value;
            }
        }

        return null;
    }

    private static Dictionary<string, string> Entries(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<area>\w+)>\s+L\b")]
    private static partial Regex Injected();

    [GeneratedRegex(@"\bL\[""(?<key>\w+)""")]
    private static partial Regex Lookup();

    /// <summary><c>Languages.Text&lt;X&gt;("key")</c>, or an area's own shorthand for it, <c>RefusalText.Of("key", …)</c>; not a key put together (<c>"Prefix_" + name</c>).</summary>
    [GeneratedRegex(@"(?:Languages\.Text<(?<area>\w+)>|\b(?<area>RefusalText)\.Of)\(""(?<key>\w+)""(?=[,)])")]
    private static partial Regex StaticLookup();

    /// <summary>A file's shorthand for one area, such as <c>static string T(string key) => Languages.Text&lt;GalleryText&gt;(key)</c>: its <c>T("key")</c> calls read that area.</summary>
    [GeneratedRegex(@"static string T\(string key[^)]*\)\s*=>\s*Languages\.Text<(?<area>\w+)>\(")]
    private static partial Regex Helper();

    [GeneratedRegex(@"\bT\(""(?<key>\w+)""")]
    private static partial Regex HelperLookup();

    /// <summary>A history sentence the engine emits: its key is one of <c>HistoryText</c>'s.</summary>
    [GeneratedRegex(@"new HistoryLine\(""(?<key>\w+)""")]
    private static partial Regex HistoryLookup();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
