namespace EksAdvisories;

/// <summary>
/// An add-on version in a describe-addon-versions document whose text is no version this library can judge (an
/// unknown suffix, for example). It is never chosen, and reported so that nothing is silently dropped. Immutable.
/// </summary>
public sealed class UnreadableAddonBuild
{
    internal UnreadableAddonBuild(string text, string jsonPath, string reason)
    {
        Text = text;
        JsonPath = jsonPath;
        Reason = reason;
    }

    /// <summary>The version text as the document gives it.</summary>
    public string Text { get; }

    /// <summary>Where it is in the document (<c>$.addons[0].addonVersions[2].addonVersion</c>).</summary>
    public string JsonPath { get; }

    /// <summary>Why it cannot be judged, quoting the text.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Text}: {Reason}";
}
