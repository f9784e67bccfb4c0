namespace EksAdvisories.Ipamd;

/// <summary>
/// A node snapshot could not be read: a missing directory or required file, a file that cannot be opened, a file over
/// 64 MiB, malformed JSON, JSON nested deeper than 64 levels, a value of the wrong type, or a value that is not what the
/// format allows. The message names the file and, where there is one, the JSON path and the offending value, and says
/// what was expected. It is the only exception the snapshot readers let escape.
/// </summary>
public sealed class SnapshotException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SnapshotException() : this("The node snapshot could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SnapshotException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    internal SnapshotException(string fileName, string? jsonPath, string message, Exception? innerException = null)
        : base(jsonPath is null ? $"{fileName}: {message}" : $"{fileName} at {jsonPath}: {message}", innerException)
    {
        FileName = fileName;
        JsonPath = jsonPath;
    }

    /// <summary>The snapshot file the problem is in (<c>enis.json</c>), or the directory when the folder itself is the problem; null only for the public constructors.</summary>
    public string? FileName { get; }

    /// <summary>The JSON path of the offending value (<c>$.ENIs['eni-0a1b2c3d4e5f60718'].DeviceNumber</c>), or null when the problem is not at one value.</summary>
    public string? JsonPath { get; }
}
