namespace EksAdvisories.Tests;

public class SmokeTests
{
    [Fact]
    public void Default_catalog_loads()
    {
        var a = AdvisoryCatalog.Default.Get("EKSA-2023-0001");
        Assert.Equal(AffectedStatus.Affected, a.Evaluate("v1.12.2-eksbuild.1").Status);
    }
}
