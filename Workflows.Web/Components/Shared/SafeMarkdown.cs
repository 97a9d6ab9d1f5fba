using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// The one way the app turns someone's Markdown (task descriptions, notes, previews) into HTML. Raw HTML is not
/// rendered; a link or image may point only at <c>http</c>, <c>https</c>, <c>mailto</c> or a relative address, and any
/// other target (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>…) is shown as its plain text. Markdig's
/// <c>DisableHtml</c> does not look at link targets, so this walks the parsed document first; then the HTML goes
/// through <see cref="HtmlSanitizer"/> with the same schemes as a second wall, should a Markdig extension ever emit
/// something the walk did not foresee.
/// </summary>
public static class SafeMarkdown
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static MarkupString Render(string? markdown) => new(ToHtml(markdown));

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsAllowedTarget(link.Url))
            {
                Unlink(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowedTarget(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>
    /// Whether a link may point here: a relative address, or one of <see cref="AllowedSchemes"/>. Browsers ignore tabs,
    /// newlines and leading control characters in a scheme (<c>java&#9;script:</c>), so those are dropped before looking.
    /// </summary>
    public static bool IsAllowedTarget(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var cleaned = new string(url.Where(character => character > ' ' && character != '\u007f').ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var beforeColon = cleaned[..colon];
        if (beforeColon.IndexOfAny(['/', '?', '#']) >= 0)
        {
            return true; // the colon is in the path or query of a relative address
        }

        return AllowedSchemes.Contains(beforeColon, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Replaces a link by its content (or an image by its alternative text), keeping the words, losing the target.</summary>
    private static void Unlink(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(LinkText(link)));
            return;
        }

        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

    private static string LinkText(LinkInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(literal => literal.Content.ToString()));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in AllowedSchemes)
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Add("class"); // Markdig's task lists, tables and code blocks carry classes
        return sanitizer;
    }
}
