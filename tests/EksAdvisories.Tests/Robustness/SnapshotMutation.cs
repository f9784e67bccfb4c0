using System.Text;
using System.Text.Json;

namespace EksAdvisories.Tests.Robustness;

/// <summary>
/// One way of damaging one file of an example snapshot, chosen by a few integers so that CsCheck can generate and shrink
/// it: <see cref="Apply"/> turns the file's bytes into the damaged bytes, or null when the file is removed.
/// </summary>
internal sealed record SnapshotMutation(string Folder, string File, SnapshotMutationKind Kind, int Position, int Choice)
{
    /// <summary>Values of every JSON type, and the shapes the readers look for, to swap in for a value.</summary>
    private static readonly string[] Replacements =
    [
        "\"\"", "\"x\"", "0", "-1", "1.5", "true", "false", "null", "[]", "{}", "[null]", "{\"\":{}}", "\"10.0.1.300\"",
        "\"10.0.1.0/28\"", "\"/////w==\"", "\"////8A==\"", "\"AAAAAA==\"", "\"v1.12.2-eksbuild.1\"", "\"eni-0a1b2c3d4e5f60718\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"02:4f:7a:10:00:01/\"",
    ];

    private static readonly string[] HugeNumbers =
    [
        "1" + new string('0', 400), "1e400", "-1e400", "2147483648", "-2147483649", "9223372036854775808", "4294967296",
        "1E+2", "-0", "0.0000000001", "1" + new string('9', 40) + ".5",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0x28], [0xC0, 0xAF], [0x80], [0xE2, 0x82], [0x00],
    ];

    public override string ToString() => $"{Folder}/{File}: {Kind} at {Position}, choice {Choice}";

    public byte[]? Apply(byte[] original)
    {
        var position = original.Length == 0 ? 0 : Position % original.Length;
        switch (Kind)
        {
            case SnapshotMutationKind.FlipByte:
                if (original.Length == 0) return [(byte)Choice];
                var flipped = (byte[])original.Clone();
                flipped[position] ^= (byte)(1 + (Choice % 255));
                return flipped;
            case SnapshotMutationKind.Truncate:
                return original[..position];
            case SnapshotMutationKind.InvalidUtf8:
                return Splice(original, position, 0, InvalidUtf8[Choice % InvalidUtf8.Length]);
            case SnapshotMutationKind.RemoveFile:
                return null;
            case SnapshotMutationKind.Replace:
                var whole = (Choice % 6) switch
                {
                    0 => string.Empty,
                    1 => "null",
                    2 => "   \n",
                    3 => "[]",
                    4 => "\"" + Encoding.UTF8.GetString(original).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                    _ => "\uFEFF" + Encoding.UTF8.GetString(original),
                };
                return Encoding.UTF8.GetBytes(whole);
        }

        // The rest work on JSON tokens; a file without any (a text file, or garbage) gets a flipped byte instead.
        var tokens = Tokens(original, valuesOnly: Kind != SnapshotMutationKind.DeleteToken && Kind != SnapshotMutationKind.DuplicateToken);
        if (tokens.Count == 0) return (this with { Kind = SnapshotMutationKind.FlipByte }).Apply(original);
        var (start, end) = tokens[Position % tokens.Count];
        var token = original.AsSpan(start, end - start);
        return Kind switch
        {
            SnapshotMutationKind.DeleteToken => Splice(original, start, end - start, []),
            SnapshotMutationKind.DuplicateToken => Splice(original, end, 0, token),
            SnapshotMutationKind.SwapType => Splice(original, start, end - start, Encoding.UTF8.GetBytes(Replacements[Choice % Replacements.Length])),
            SnapshotMutationKind.HugeNumber => Splice(original, start, end - start, Encoding.UTF8.GetBytes(HugeNumbers[Choice % HugeNumbers.Length])),
            _ => Nest(original, start, end, 1 + (Choice % 100)),
        };
    }

    /// <summary>Wraps a value in <paramref name="depth"/> arrays or objects: up to 100 levels, across the 64-level limit.</summary>
    private byte[] Nest(byte[] original, int start, int end, int depth)
    {
        var inObjects = Position % 2 == 0;
        var open = Encoding.UTF8.GetBytes(inObjects ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) : new string('[', depth));
        var close = Encoding.UTF8.GetBytes(new string(inObjects ? '}' : ']', depth));
        return [.. original.AsSpan(0, start), .. open, .. original.AsSpan(start, end - start), .. close, .. original.AsSpan(end)];
    }

    private static byte[] Splice(byte[] original, int at, int remove, ReadOnlySpan<byte> insert) =>
        [.. original.AsSpan(0, at), .. insert, .. original.AsSpan(at + remove)];

    /// <summary>The byte ranges of the JSON tokens (or, with <paramref name="valuesOnly"/>, of whole values) as far as the text is JSON.</summary>
    private static List<(int Start, int End)> Tokens(byte[] utf8, bool valuesOnly)
    {
        var result = new List<(int, int)>();
        // ipamd.log holds one JSON object per line, hence several top-level values.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                if (!valuesOnly)
                {
                    result.Add((start, (int)reader.BytesConsumed));
                    continue;
                }

                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray) continue;
                var copy = reader;
                if (copy.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) copy.Skip();
                result.Add((start, (int)copy.BytesConsumed));
            }
        }
        catch (JsonException)
        {
            // A file that is not (or not entirely) JSON: mutate what could be read.
        }

        return result;
    }
}
