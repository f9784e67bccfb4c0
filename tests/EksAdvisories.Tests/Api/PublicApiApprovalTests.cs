using PublicApiGenerator;

namespace EksAdvisories.Tests.Api;

/// <summary>
/// The public API is reviewed: it must equal the approved file. To accept a deliberate change, run the tests with
/// <c>EKSADVISORIES_ACCEPT_API=1</c>, which rewrites the approved file in the source tree, and commit it with the change.
/// </summary>
public class PublicApiApprovalTests
{
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        var assembly = typeof(AdvisoryCatalog).Assembly;
        var framework = "net8.0";
        var actual = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approvedPath = RepositoryPaths.Combine("tests", "EksAdvisories.Tests", "Api", $"EksAdvisories.{framework}.approved.txt");

        if (Environment.GetEnvironmentVariable("EKSADVISORIES_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "<missing approved file>";
        if (approved != actual)
        {
            var receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API changed. Compare {approvedPath} with {receivedPath}; if the change is deliberate, rerun with EKSADVISORIES_ACCEPT_API=1 and commit the approved file.");
        }
    }
}
