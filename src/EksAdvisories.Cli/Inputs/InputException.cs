namespace EksAdvisories.Cli;

/// <summary>Input the CLI cannot use; the message names the input and says what was expected. Exit code 2.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message) : base(message)
    {
    }

    public InputException()
    {
    }

    public InputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
