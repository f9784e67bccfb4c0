using System.CommandLine;

namespace EksAdvisories.Cli;

/// <summary>
/// System.CommandLine hands a token it does not know as an option (<c>--jsn</c>) to a command's variadic argument, so a
/// typo would be read as a version or a snapshot folder. This validator turns such tokens into parse errors (exit 2)
/// before the command runs. A lone <c>-</c> stays an argument (standard input); a folder whose name starts with
/// '-' can be given as <c>./-name</c>.
/// </summary>
internal static class OptionLikeTokens
{
    public static void Reject(Argument argument, string commandName) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unknown option '{token.Value}'; see 'eks-advisories {commandName} --help'.");
                }
            }
        });
}
