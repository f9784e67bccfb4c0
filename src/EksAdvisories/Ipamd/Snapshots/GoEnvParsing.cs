namespace EksAdvisories.Ipamd;

/// <summary>
/// The aws-node environment read exactly as IPAMD's Go code reads it, so that a value Go accepts (or silently replaces
/// with its default) never makes a snapshot unreadable. Integers: <c>strconv.Atoi</c> (base 10, an optional sign, ASCII
/// digits only, no spaces or underscores, 64-bit range). Booleans: <c>strconv.ParseBool</c> (exactly <c>1 t T TRUE true
/// True 0 f F FALSE false False</c>). What IPAMD does with a rejected value is the caller's rule (ipamd.go v1.12.2
/// getWarmENITarget 1157-1172, getWarmIPTarget 1648-1662, getMaxENI 1139-1155; introspect.go v1.12.2
/// getEnvBoolWithDefault 198-207).
/// </summary>
internal static class GoEnvParsing
{
    /// <summary>Go's <c>strconv.Atoi</c> on a 64-bit platform: true with the value, or false where Go returns an error.</summary>
    public static bool TryAtoi(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.IsEmpty) return false;
        ulong magnitude = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c)) return false;
            var digit = (ulong)(c - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10) return false;
            magnitude = (magnitude * 10) + digit;
            if (magnitude > (ulong)long.MaxValue + (negative ? 1UL : 0UL)) return false;
        }

        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Go's <c>strconv.ParseBool</c>: true with the value for the twelve spellings Go accepts, false for anything else.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
