namespace EksAdvisories;

/// <summary>
/// Advisory data could not be read: malformed JSON, a wrong type, a missing or invalid field, an unsupported
/// format version, or a broken rule. The message names the source, the JSON path and the value, and says what was expected.
/// </summary>
public sealed class AdvisoryDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AdvisoryDataException() : this("The advisory data could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public AdvisoryDataException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AdvisoryDataException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    internal AdvisoryDataException(string dataSource, string? jsonPath, string message, Exception? innerException = null)
        : base(jsonPath is null ? $"{dataSource}: {message}" : $"{dataSource} at {jsonPath}: {message}", innerException)
    {
        DataSource = dataSource;
        JsonPath = jsonPath;
    }

    /// <summary>The file or stream name the data came from, or null.</summary>
    public string? DataSource { get; }

    /// <summary>The JSON path of the offending value (<c>$.affected.events[1].fixed</c>), or null.</summary>
    public string? JsonPath { get; }
}
