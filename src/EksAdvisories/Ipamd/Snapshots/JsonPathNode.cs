using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Where a <see cref="JsonCursor"/> stands in its document, as a link to its parent. The text (<c>$.ENIs['eni-1'].DeviceNumber</c>)
/// is only needed for an error message, so it is built on first use: a large enis.json has thousands of values, and
/// spelling out every one's path up front cost more than reading the file.
/// </summary>
internal sealed class JsonPathNode
{
    private readonly JsonPathNode? _parent;
    private readonly string? _name;
    private readonly int _index;
    private string? _text;

    /// <summary>The root, written as given (<c>$</c>).</summary>
    public JsonPathNode(string root) => _text = root;

    private JsonPathNode(JsonPathNode parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public JsonPathNode Property(string name) => new(this, name, -1);

    public JsonPathNode Item(int index) => new(this, null, index);

    public override string ToString() => _text ??= _name is null
        ? string.Create(CultureInfo.InvariantCulture, $"{_parent}[{_index}]")
        : Child(_parent!.ToString(), _name);

    /// <summary>A property's path below <paramref name="path"/>: dotted when the name is plain, bracketed and quoted otherwise.</summary>
    public static string Child(string path, string name) =>
        IsPlainName(name) ? path + "." + name : path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }

        return true;
    }
}
