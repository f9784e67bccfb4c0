using System.CommandLine;
using EksAdvisories.Cli;

// eks-advisories: the EKS advisories and the reference IPAMD reconcile checker, for people and scripts.
// Exit codes: 0 fine, 1 affected / stuck / at risk, 2 bad input (see ExitCodes).
var root = new RootCommand("EKS advisories: is this VPC CNI version affected by the IPAMD reconcile regression, and is this node stuck?")
{
    CheckVersionCommand.Create(),
    CheckNodeCommand.Create(),
    ShowCommand.Create(),
    CollectCommand.Create(),
};
root.SetAction(_ => DefaultCommand.Run());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Try 'eks-advisories --help'.");
    return ExitCodes.BadInput;
}

try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputException e)
{
    Console.Error.WriteLine(e.Message);
    return ExitCodes.BadInput;
}
