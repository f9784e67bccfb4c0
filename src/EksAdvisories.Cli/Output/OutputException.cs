namespace EksAdvisories.Cli;

/// <summary>The output could not be written (a full disk, a closed standard output). Exit code 4.</summary>
internal sealed class OutputException : Exception
{
    public OutputException(string message) : base(message)
    {
    }

    public OutputException()
    {
    }

    public OutputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
