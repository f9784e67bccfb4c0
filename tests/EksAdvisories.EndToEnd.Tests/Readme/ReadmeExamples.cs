using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Readme;

/// <summary>Reads the examples out of README.md, so that the tests run what a reader would copy and paste.</summary>
internal static class ReadmeExamples
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(RepositoryPaths.Combine("README.md")).ReplaceLineEndings("\n"));

    /// <summary>The text of the section under <paramref name="heading"/> (a <c>## </c> heading), up to the next one.</summary>
    public static string Section(string heading)
    {
        var text = Text.Value;
        var start = text.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '## {heading}' section");
        var end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>The first fenced code block of the section, without its fences.</summary>
    public static string CodeBlock(string heading, string language)
    {
        var section = Section(heading);
        var fence = "```" + language + "\n";
        var start = section.IndexOf(fence, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the README section '{heading}' has no ```{language} block");
        start += fence.Length;
        var end = section.IndexOf("\n```", start, StringComparison.Ordinal);
        return section[start..end];
    }

    /// <summary>The command lines of a section's code blocks that start with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Commands(string heading, string prefix)
    {
        var commands = Section(heading).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count > 0, $"the README section '{heading}' has no command starting with '{prefix}'");
        return commands;
    }

    /// <summary>The arguments of a command line after <c>--</c> (the examples quote nothing, so splitting on blanks is exact).</summary>
    public static string[] ArgumentsAfterDashDash(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var dashes = Array.IndexOf(words, "--");
        return dashes < 0 ? [] : words[(dashes + 1)..];
    }
}
