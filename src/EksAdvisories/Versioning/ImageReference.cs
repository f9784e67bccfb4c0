namespace EksAdvisories;

/// <summary>
/// A container image reference such as
/// <c>602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1@sha256:…</c>.
/// This type is immutable.
/// </summary>
public sealed class ImageReference
{
    // The parts are kept as ranges of the text they were read from and cut out when first asked for: a version check
    // reads only the tag and the repository's last segment, so it allocates none of them.
    private readonly string _text;
    private readonly Range _registry;
    private readonly Range _repository;
    private readonly Range _tag;
    private readonly Range _digest;
    private readonly bool _hasRegistry;
    private readonly bool _hasTag;
    private readonly bool _hasDigest;
    private string? _registryText;
    private string? _repositoryText;
    private string? _tagText;
    private string? _digestText;

    private ImageReference(string text, Range? registry, Range repository, Range? tag, Range? digest)
    {
        _text = text;
        (_hasRegistry, _registry) = (registry.HasValue, registry.GetValueOrDefault());
        _repository = repository;
        (_hasTag, _tag) = (tag.HasValue, tag.GetValueOrDefault());
        (_hasDigest, _digest) = (digest.HasValue, digest.GetValueOrDefault());
    }

    /// <summary>The registry host (with port), or <see langword="null"/> when the reference names none.</summary>
    public string? Registry => _hasRegistry ? _registryText ??= _text[_registry] : null;

    /// <summary>The repository path, for example <c>amazon-k8s-cni</c> or <c>eks/aws-node</c>.</summary>
    public string Repository => _repositoryText ??= _text[_repository];

    /// <summary>The last segment of <see cref="Repository"/>, for example <c>amazon-k8s-cni</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>The tag, or <see langword="null"/> when the reference has none.</summary>
    public string? Tag => _hasTag ? _tagText ??= _text[_tag] : null;

    /// <summary>The digest (<c>sha256:…</c>), or <see langword="null"/> when the reference has none.</summary>
    public string? Digest => _hasDigest ? _digestText ??= _text[_digest] : null;

    /// <summary>True when the reference has a tag.</summary>
    internal bool HasTag => _hasTag;

    /// <summary>The tag as a span of the text (empty when there is none), without allocating <see cref="Tag"/>.</summary>
    internal ReadOnlySpan<char> TagSpan => _hasTag ? _text.AsSpan()[_tag] : [];

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
        // Offsets into the text until the end, so that nothing is allocated unless the reference is refused.
        error = null;
        Range? digest = null;
        var end = text.Length;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            var digestSpan = text.AsSpan(at + 1);
            if (digestSpan.Length == 0 || digestSpan.IndexOf(':') <= 0)
            {
                error = $"Image reference '{text}' has a malformed digest; expected '@sha256:<hex>'.";
                return null;
            }

            digest = new Range(at + 1, text.Length);
            end = at;
        }

        Range? tag = null;
        var head = text.AsSpan(0, end);
        var lastSlash = head.LastIndexOf('/');
        var colon = head.LastIndexOf(':');
        if (colon > lastSlash)
        {
            if (colon + 1 == end)
            {
                error = $"Image reference '{text}' has an empty tag after ':'.";
                return null;
            }

            tag = new Range(colon + 1, end);
            end = colon;
        }

        Range? registry = null;
        var start = 0;
        var firstSlash = text.AsSpan(0, end).IndexOf('/');
        if (firstSlash >= 0)
        {
            var host = text.AsSpan(0, firstSlash);
            // A registry host carries a dot or a port, or is localhost (the Docker reference grammar).
            if (host.Contains('.') || host.Contains(':') || host.SequenceEqual("localhost"))
            {
                registry = new Range(0, firstSlash);
                start = firstSlash + 1;
            }
        }

        var repository = text.AsSpan(start, end - start);
        if (repository.Length == 0 || repository[0] == '/' || repository[^1] == '/' || repository.IndexOf("//") >= 0)
        {
            error = $"Image reference '{text}' has no repository name.";
            return null;
        }

        foreach (var c in repository)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/'))
            {
                error = $"Image reference '{text}' has the character '{c}' in its repository name; expected letters, digits, '.', '_', '-' and '/'.";
                return null;
            }
        }

        return new ImageReference(text, registry, new Range(start, end), tag, digest);
    }

    /// <summary>Whether the last segment of the repository is <paramref name="name"/> (case-insensitive), without allocating <see cref="Name"/>.</summary>
    internal bool HasName(string name)
    {
        var repository = _text.AsSpan()[_repository];
        return repository[(repository.LastIndexOf('/') + 1)..].Equals(name, StringComparison.OrdinalIgnoreCase);
    }
}
