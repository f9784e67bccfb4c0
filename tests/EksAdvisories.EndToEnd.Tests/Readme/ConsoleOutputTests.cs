namespace EksAdvisories.EndToEnd.Tests.Readme;

/// <summary>Tests that redirect the process-wide Console.Out run one at a time, apart from every other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleOutputTests
{
    public const string Name = "Console output";
}
