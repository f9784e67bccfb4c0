namespace EksAdvisories;

/// <summary>
/// A container image reference such as
/// <c>602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1@sha256:…</c>.
/// This type is immutable.
/// </summary>
public sealed class ImageReference
{
    internal ImageReference(string? registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host (with port), or <see langword="null"/> when the reference names none.</summary>
    public string? Registry { get; }

    /// <summary>The repository path, for example <c>amazon-k8s-cni</c> or <c>eks/aws-node</c>.</summary>
    public string Repository { get; }

    /// <summary>The last segment of <see cref="Repository"/>, for example <c>amazon-k8s-cni</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>The tag, or <see langword="null"/> when the reference has none.</summary>
    public string? Tag { get; }

    /// <summary>The digest (<c>sha256:…</c>), or <see langword="null"/> when the reference has none.</summary>
    public string? Digest { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = Registry is null ? Repository : Registry + "/" + Repository;
        if (Tag is not null) text += ":" + Tag;
        if (Digest is not null) text += "@" + Digest;
        return text;
    }

    /// <summary>True when <paramref name="text"/> looks like an image reference rather than a bare version.</summary>
    internal static bool LooksLikeImage(ReadOnlySpan<char> text) =>
        text.IndexOfAny('/', ':', '@') >= 0;

    /// <summary>Splits an image reference; returns an error message instead of throwing.</summary>
    internal static ImageReference? TryParseCore(string text, out string? error)
    {
        // Spans until the end, so that only the parts the reference keeps are allocated.
        error = null;
        string? digest = null;
        var rest = text.AsSpan();
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var digestSpan = rest[(at + 1)..];
            rest = rest[..at];
            if (digestSpan.Length == 0 || digestSpan.IndexOf(':') <= 0)
            {
                error = $"Image reference '{text}' has a malformed digest; expected '@sha256:<hex>'.";
                return null;
            }

            digest = digestSpan.ToString();
        }

        string? tag = null;
        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            var tagSpan = rest[(colon + 1)..];
            rest = rest[..colon];
            if (tagSpan.Length == 0)
            {
                error = $"Image reference '{text}' has an empty tag after ':'.";
                return null;
            }

            tag = tagSpan.ToString();
        }

        string? registry = null;
        var firstSlash = rest.IndexOf('/');
        if (firstSlash >= 0)
        {
            var head = rest[..firstSlash];
            // A registry host carries a dot or a port, or is localhost (the Docker reference grammar).
            if (head.Contains('.') || head.Contains(':') || head.SequenceEqual("localhost"))
            {
                registry = head.ToString();
                rest = rest[(firstSlash + 1)..];
            }
        }

        if (rest.Length == 0 || rest[0] == '/' || rest[^1] == '/' || rest.IndexOf("//") >= 0)
        {
            error = $"Image reference '{text}' has no repository name.";
            return null;
        }

        foreach (var c in rest)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/'))
            {
                error = $"Image reference '{text}' has the character '{c}' in its repository name; expected letters, digits, '.', '_', '-' and '/'.";
                return null;
            }
        }

        return new ImageReference(registry, rest.ToString(), tag, digest);
    }

    /// <summary>Whether the last segment of the repository is <paramref name="name"/> (case-insensitive), without allocating <see cref="Name"/>.</summary>
    internal bool HasName(string name) =>
        Repository.AsSpan(Repository.LastIndexOf('/') + 1).Equals(name, StringComparison.OrdinalIgnoreCase);
}
