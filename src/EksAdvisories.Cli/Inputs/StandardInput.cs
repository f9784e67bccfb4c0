namespace EksAdvisories.Cli;

/// <summary>
/// Standard input, read at most once per run (with the same limit and encoding rules as a file), so that <c>-</c> given
/// twice, or <c>-</c> together with <c>--file -</c>, sees the same text instead of an empty second read.
/// </summary>
internal static class StandardInput
{
    /// <summary>How messages name standard input.</summary>
    public const string Name = "standard input";

    private static string? _text;

    /// <summary>The text of standard input.</summary>
    public static string Read()
    {
        if (_text is not null) return _text;
        using var stream = Console.OpenStandardInput();
        return _text = InputText.ReadStream(stream, Name);
    }
}
