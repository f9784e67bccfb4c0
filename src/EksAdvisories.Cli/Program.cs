using System.CommandLine;
using EksAdvisories.Cli;

// eks-advisories: the EKS advisories and the reference IPAMD reconcile checker, for people and scripts.
// Exit codes: 0 nothing found, 1 a finding, 2 Unknown, 3 usage error or unreadable input, 4 output failure (ExitCodes).
// Every failure ends here as one line on standard error and an exit code, never a stack trace; --verbose (or
// EKS_ADVISORIES_VERBOSE=1) adds the exception's details for a bug report.
var verbose = new Option<bool>("--verbose")
{
    Description = "On an unexpected failure, also print its details (or set EKS_ADVISORIES_VERBOSE=1).",
    Recursive = true,
};
var root = new RootCommand("EKS advisories: is this VPC CNI version affected by the IPAMD reconcile regression, and is this node stuck? " + ExitCodes.Help)
{
    CheckVersionCommand.Create(),
    CheckNodeCommand.Create(),
    ShowCommand.Create(),
    CollectCommand.Create(),
    verbose,
};
root.SetAction(_ => DefaultCommand.Run());

var details = Environment.GetEnvironmentVariable("EKS_ADVISORIES_VERBOSE") is "1" or "true";
try
{
    // Response files are off: '@/tmp' is a version or a folder name here, never a file of arguments to expand.
    var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    details |= parsed.GetValue(verbose);
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors) ErrorOutput.WriteLine(error.Message);
        ErrorOutput.WriteLine("Try 'eks-advisories --help'.");
        return ExitCodes.BadInput;
    }

    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputException e)
{
    ErrorOutput.WriteLine(e.Message);
    return ExitCodes.BadInput;
}
catch (OutputException e)
{
    ErrorOutput.WriteLine("eks-advisories: " + e.Message);
    return ExitCodes.Failure;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // Every read is wrapped into an InputException where it happens, so what is left is System.CommandLine writing
    // help or a version to a standard output that cannot take it (UnauthorizedAccessException is .NET's EBADF).
    ErrorOutput.WriteLine($"eks-advisories: cannot write to standard output: {(e.InnerException ?? e).Message}");
    return ExitCodes.Failure;
}
#pragma warning disable CA1031 // The last line of defence: whatever it is, one line and an exit code, not a crash.
catch (Exception e)
#pragma warning restore CA1031
{
    ErrorOutput.WriteLine($"eks-advisories: unexpected {e.GetType().Name}: {e.Message} (a bug; please report it{(details ? string.Empty : ", with --verbose for details")}).");
    if (details) ErrorOutput.WriteDetails(e.ToString());
    return ExitCodes.Failure;
}
