using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;

namespace EksAdvisories.Ipamd;

/// <summary>
/// A JSON value together with the file and JSON path it came from, so that every reader reports a wrong value the same
/// way: file, path, the value as written, and what was expected.
/// </summary>
internal readonly struct JsonCursor
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = SnapshotFiles.MaxJsonDepth };

    private readonly JsonPathNode _path;

    public JsonCursor(JsonElement element, string fileName, string path)
        : this(element, fileName, new JsonPathNode(path))
    {
    }

    private JsonCursor(JsonElement element, string fileName, JsonPathNode path)
    {
        Element = element;
        FileName = fileName;
        _path = path;
    }

    public JsonElement Element { get; }

    public string FileName { get; }

    /// <summary>The JSON path of this value, such as <c>$.ENIs['eni-1'].DeviceNumber</c>.</summary>
    public string Path => _path.ToString();

    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>Parses a whole snapshot file; malformed JSON and too deep nesting become <see cref="SnapshotException"/>.</summary>
    public static JsonDocument Parse(byte[] utf8, string fileName)
    {
        // A UTF-8 byte order mark (Windows tools write one) is allowed before JSON text (RFC 8259, 8.1); skip it.
        var text = utf8.AsMemory();
        if (text.Span.StartsWith(Utf8Bom)) text = text[Utf8Bom.Length..];

        // The parser checks structure, not the bytes inside strings; invalid UTF-8 would only fail later, when a reader
        // asks for a string, and not as a SnapshotException. Checked here, once, for the whole file.
        if (!Utf8.IsValid(text.Span)) throw InvalidUtf8(text.Span, fileName);
        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            if (MaxDepth(utf8) > SnapshotFiles.MaxJsonDepth)
            {
                throw new SnapshotException(fileName, null,
                    $"the JSON is nested deeper than {SnapshotFiles.MaxJsonDepth} levels; expected the shallow document the tool writes.", e);
            }

            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            throw new SnapshotException(fileName, null, $"not valid JSON{where}; expected the complete JSON document as the tool wrote it. {e.Message}", e);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static SnapshotException InvalidUtf8(ReadOnlySpan<byte> text, string fileName)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
        var line = text[..offset].Count((byte)'\n') + 1;
        return new SnapshotException(fileName, null, string.Create(CultureInfo.InvariantCulture,
            $"not valid UTF-8 (line {line}, byte {offset + 1} of the file: 0x{text[offset]:X2}); expected the JSON document as the tool wrote it, in UTF-8."));
    }

    /// <summary>How deep the document nests, as far as it can be read; only used to explain a parse failure.</summary>
    private static int MaxDepth(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue / 2, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var max = 0;
        try
        {
            while (reader.Read()) max = Math.Max(max, reader.CurrentDepth + (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject ? 1 : 0));
        }
        catch (JsonException)
        {
            // The depth reached before the error is what matters.
        }

        return max;
    }

    public SnapshotException Fail(string expected) =>
        new(FileName, Path, $"expected {expected}, found {Describe(Element)}.");

    public SnapshotException FailValue(string problem) => new(FileName, Path, problem);

    public JsonCursor ExpectObject(string what = "an object")
    {
        if (Kind != JsonValueKind.Object) throw Fail(what);
        return this;
    }

    /// <summary>A property that must be present (and not null).</summary>
    public JsonCursor Required(string name)
    {
        ExpectObject();
        if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new SnapshotException(FileName, Child(name), $"the property '{name}' is missing; expected it in {Path}.");
        }

        return new JsonCursor(value, FileName, _path.Property(name));
    }

    /// <summary>A property that may be absent or null.</summary>
    public JsonCursor? Optional(string name)
    {
        ExpectObject();
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(value, FileName, _path.Property(name))
            : null;
    }

    public string AsString(string what = "a string")
    {
        if (Kind != JsonValueKind.String) throw Fail(what);
        return Text();
    }

    public int AsInt(string what = "an integer", int min = int.MinValue)
    {
        if (Kind != JsonValueKind.Number || !Element.TryGetInt32(out var value)) throw Fail(what);
        if (value < min) throw FailValue($"the value {value} is out of range; expected {what} of at least {min}.");
        return value;
    }

    /// <summary>A 64-bit whole number: IPv6 datastores count 2^48 addresses per prefix.</summary>
    public long AsLong(string what = "an integer", long min = long.MinValue)
    {
        if (Kind != JsonValueKind.Number || !Element.TryGetInt64(out var value)) throw Fail(what);
        if (value < min) throw FailValue($"the value {value} is out of range; expected {what} of at least {min}.");
        return value;
    }

    public bool AsBool()
    {
        return Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail("true or false"),
        };
    }

    /// <summary>A number, or a string holding one: the introspection endpoints of different releases write either.</summary>
    public int AsLenientInt(string what, int min = 0)
    {
        if (Kind == JsonValueKind.String)
        {
            var text = Text().Trim();
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) throw Fail(what);
            if (parsed < min) throw FailValue($"the value {parsed} is out of range; expected {what} of at least {min}.");
            return parsed;
        }

        return AsInt(what, min);
    }

    /// <summary>A boolean, or a string "true"/"false": the introspection endpoints of different releases write either.</summary>
    public bool AsLenientBool()
    {
        if (Kind == JsonValueKind.String && bool.TryParse(Text().Trim(), out var parsed)) return parsed;
        return Kind is JsonValueKind.True or JsonValueKind.False ? Element.GetBoolean() : throw Fail("true or false");
    }

    public IEnumerable<JsonCursor> Items(string what = "an array")
    {
        if (Kind != JsonValueKind.Array) throw Fail(what);
        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new JsonCursor(item, FileName, _path.Item(index));
            index++;
        }
    }

    public IEnumerable<(string Name, JsonCursor Value)> Properties(string what = "an object")
    {
        if (Kind != JsonValueKind.Object) throw Fail(what);
        foreach (var property in Element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException e)
            {
                throw new SnapshotException(FileName, Path, $"a property name in {Path} is not valid Unicode text ({e.Message}); expected names such as ENI ids, CIDRs or IMDS keys.", e);
            }

            yield return (name, new JsonCursor(property.Value, FileName, _path.Property(name)));
        }
    }

    /// <summary>
    /// The string value. A string whose escapes make it invalid Unicode (<c>"\ud800"</c>, a lone surrogate) cannot become
    /// a .NET string; System.Text.Json says so with an InvalidOperationException, which becomes a SnapshotException here.
    /// </summary>
    private string Text()
    {
        try
        {
            return Element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw FailValue($"the string {Describe(Element)} is not valid Unicode text ({e.Message}); expected plain text.");
        }
    }

    public string Child(string name) => JsonPathNode.Child(Path, name);

    /// <summary>The value as written, shortened, with its JSON kind: how a message quotes what it found.</summary>
    public static string Describe(JsonElement element)
    {
        var raw = element.GetRawText();
        if (raw.Length > 80) raw = raw[..77] + "...";
        var kind = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "the string",
            JsonValueKind.Number => "the number",
            JsonValueKind.True or JsonValueKind.False => "the boolean",
            JsonValueKind.Null => "null",
            _ => "a value",
        };
        var text = new StringBuilder(kind);
        if (element.ValueKind != JsonValueKind.Null) text.Append(' ').Append(raw);
        return text.ToString();
    }
}
