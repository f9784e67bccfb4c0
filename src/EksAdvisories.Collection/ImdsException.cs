namespace EksAdvisories.Collection;

/// <summary>IMDS could not be read: not reachable, too slow, or an answer other than 200 or 404.</summary>
internal sealed class ImdsException : Exception
{
    public ImdsException()
    {
    }

    public ImdsException(string message) : base(message)
    {
    }

    public ImdsException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
