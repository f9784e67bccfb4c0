namespace EksAdvisories.EndToEnd.Tests.Scripts;

/// <summary>
/// The globals a .csx script sees, as dotnet-script provides them: <c>Args</c>, the arguments after <c>--</c>.
/// Public because the compiled script accesses it.
/// </summary>
public sealed class ScriptGlobals(IList<string> args)
{
    /// <summary>The script's arguments.</summary>
    public IList<string> Args { get; } = args;
}
