using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Workflows.Web.Components.Shared;

namespace Workflows.Tests.Web;

public class SafeMarkdownTests
{
    [Theory]
    [InlineData("[Open the contract](javascript:alert(document.domain))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("[x](%20javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![pic](javascript:alert(1))")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    public void No_script_target_or_markup_survives(string markdown)
    {
        var fragment = new HtmlParser().ParseFragment(SafeMarkdown.ToHtml(markdown), null!);
        var elements = fragment.SelectMany(node => node is IElement element ? element.DescendantsAndSelf<IElement>() : []).ToList();

        Assert.DoesNotContain(elements, element => element.LocalName is "script" or "img" or "a" or "iframe");
        Assert.DoesNotContain(elements, element => element.Attributes.Any(attribute =>
            attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
            || attribute.Name is "href" or "src"));
    }

    [Fact]
    public void A_refused_link_keeps_its_words()
    {
        var html = SafeMarkdown.ToHtml("Please [Open the **contract**](javascript:alert(1)) today.");

        Assert.DoesNotContain("<a", html);
        Assert.Contains("Open the <strong>contract</strong>", html);
        Assert.Contains("today.", html);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=c)", "href=\"https://example.com/a?b=c\"")]
    [InlineData("[site](http://example.com)", "href=\"http://example.com\"")]
    [InlineData("[mail](mailto:anna@example.com)", "href=\"mailto:anna@example.com\"")]
    [InlineData("[record](/entities/contact/contact-001)", "href=\"/entities/contact/contact-001\"")]
    [InlineData("[here](#notes)", "href=\"#notes\"")]
    [InlineData("[time](/search?at=10:30)", "href=\"/search?at=10:30\"")]
    public void Safe_links_stay_links(string markdown, string expected) =>
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = SafeMarkdown.ToHtml("**Bold** and *italic*\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`");

        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<em>italic</em>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<table", html);
        Assert.Contains("<code>code</code>", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_renders_nothing(string? markdown) => Assert.Equal("", SafeMarkdown.ToHtml(markdown));
}
