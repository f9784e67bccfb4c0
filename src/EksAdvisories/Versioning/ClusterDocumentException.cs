namespace EksAdvisories;

/// <summary>
/// A document taken from a cluster could not be read: the output of <c>aws eks describe-addon-versions</c>
/// (<see cref="AddonVersionsDocument"/>) or the aws-node DaemonSet (<see cref="AwsNodeSettings"/>). Causes: a stream
/// that cannot be read, more than 64 MiB, text that is not UTF-8 JSON, JSON nested deeper than 64 levels, a value of
/// the wrong type, or the expected object missing. The message names the source, the JSON path and the value, and
/// says what was expected. It is the only exception those readers let escape.
/// </summary>
public sealed class ClusterDocumentException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ClusterDocumentException() : this("The cluster document could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ClusterDocumentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterDocumentException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    internal ClusterDocumentException(string source, string? jsonPath, string message, Exception? innerException = null)
        : base(jsonPath is null ? $"{source}: {message}" : $"{source} at {jsonPath}: {message}", innerException)
    {
        DocumentSource = source;
        JsonPath = jsonPath;
    }

    /// <summary>The file or stream name the document came from (<c>-</c> for standard input), or null for the public constructors.</summary>
    public string? DocumentSource { get; }

    /// <summary>The JSON path of the offending value (<c>$.addons[0].addonVersions[3].compatibilities[0].clusterVersion</c>), or null.</summary>
    public string? JsonPath { get; }
}
