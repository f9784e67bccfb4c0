using System.Text;
using EksAdvisories.Ipamd;
using static EksAdvisories.Tests.Ipamd.Upstream.UpstreamNode;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>
/// One row per behaviour of issue 8's "Why": a realistic node in the shape its tag serves, the verdict the upstream code
/// implies, and the upstream function and tag:line that decide it.
/// </summary>
public class UpstreamScenarioTests
{
    /// <summary>A scenario: the node, the verdict, what decides it upstream, and a text the summary must hold (or null).</summary>
    public sealed record Scenario(string Name, Func<NodeSnapshot> Node, ReconcileVerdict Expected, string DecidedBy, string? InSummary = null)
    {
        public override string ToString() => Name;
    }

    private const string Eni0 = "eni-0a1b2c3d4e5f60718";
    private const string Eni1 = "eni-0b2c3d4e5f6071829";
    private const string Eni2 = "eni-0c3d4e5f607182930";

    private static NodeEni Full0(int pods = 9)
    {
        var ips = Ips(0, 0, 9);
        return new NodeEni(Eni0, 0, PrimaryOf(0), ips, ips, ips, ips[..pods]);
    }

    /// <summary>eni-1 as IMDS went stale: EC2 holds <paramref name="ec2"/> secondaries, IMDS and the datastore the first <paramref name="known"/>.</summary>
    private static NodeEni Stale1(int ec2 = 9, int known = 5, int pods = 3)
    {
        var ips = Ips(1, 0, ec2);
        return new NodeEni(Eni1, 1, PrimaryOf(1), ips, ips[..known], ips[..known], ips[..pods]);
    }

    private static NodeEni Consistent(string id, int device, int count, int pods = 0)
    {
        var ips = Ips(device, 0, count);
        return new NodeEni(id, device, PrimaryOf(device), ips, ips, ips, ips[..pods]);
    }

    private static string Env(params (string Name, string Value)[] values) =>
        "[" + string.Join(",", values.Select(v => $$"""{"name":"{{v.Name}}","value":"{{v.Value}}"}""")) + "]";

    public static TheoryData<Scenario> Scenarios => new()
    {
        // "Today's nodes are refused."
        new Scenario("v1.21.2 node, /v1/enis keyed by network card: read and in sync",
            () => Snapshot("v1.21.2", NodeType.M5Large, [Full0(), Consistent(Eni1, 1, 4, 2)]), ReconcileVerdict.InSync,
            "introspect.go v1.20.0 eniV1RequestHandler (map[int]*ENIInfos)"),
        new Scenario("v1.23.0 node, containerID and ifName blanked: pods still counted, in sync",
            () => Snapshot("v1.23.0", NodeType.M5Large, [Full0(), Consistent(Eni1, 1, 4, 2)]), ReconcileVerdict.InSync,
            "introspect.go v1.23.0:131-148 (only ContainerID and IfName are blanked)"),
        new Scenario("IPv6 node: not applicable, never an error",
            () => Snapshot("v1.19.2", NodeType.M5Large, [Consistent(Eni0, 0, 0)], Env(("ENABLE_IPv6", "true"), ("ENABLE_IPv4", "false"))),
            ReconcileVerdict.NotApplicable, "ipamd.go v1.12.2 StartNodeIPPoolManager 639-644 returns at once in IPv6 mode", "IPv6"),
        new Scenario("p5-class node with an efa-only interface (no local-ipv4s): in sync",
            () => Snapshot("v1.22.4", NodeType.P4d24xlarge, [Full0(), new NodeEni("eni-0e5f60718293a4b5c", 0, null, [], [], null, Card: 1, Type: "efa-only")]),
            ReconcileVerdict.InSync, "awsutils.go v1.23.0:757-776 (IMDS 404 for local-ipv4s of an efa-only interface)"),
        new Scenario("aws-node env Go reads as its defaults (\" 1\", \"t\", \"\", \"-1\", \"five\"): readable, in sync",
            () => Snapshot("v1.12.6", NodeType.M5Large, [Full0(), Consistent(Eni1, 1, 4, 2)],
                Env(("WARM_ENI_TARGET", " 1"), ("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "t"), ("WARM_IP_TARGET", ""), ("MINIMUM_IP_TARGET", "-1"), ("WARM_PREFIX_TARGET", "five"))),
            ReconcileVerdict.InSync, "ipamd.go v1.12.2 getWarmENITarget 1157-1172, getWarmIPTarget 1648-1662; introspect.go v1.12.2 getEnvBoolWithDefault 198-207"),

        // "Verdicts the upstream code would not reach."
        new Scenario("fixed v1.12.6: one refusal recovered, and an unrelated gap on an ENI IMDS does not list: not stuck",
            () => Snapshot("v1.12.6", NodeType.M5Large,
                [Full0(), Stale1(pods: 5), new NodeEni(Eni2, 2, PrimaryOf(2), Ips(2, 0, 3), [], null, InImds: false)]),
            ReconcileVerdict.Drifted, "ipamd.go v1.12.5 tryAssignIPs 955-963 (DescribeNetworkInterfaces on the refusal); awsutils.go v1.12.2 GetAttachedENIs 596-616 (IMDS only)",
            "never picked up"),
        new Scenario("affected v1.12.2, WARM_IP_TARGET=2 and room at EC2 for the small request: recovers through the count reconcile",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Full0(), Stale1(ec2: 7, known: 4, pods: 3)], Env(("WARM_IP_TARGET", "2"))),
            ReconcileVerdict.Drifted, "ipamd.go v1.12.2 tryAssignIPs 915-960 (asks for the shortfall), eniIPPoolReconcile 1399-1412 (1+len(ipPool) != len(IMDS) → EC2)"),
        new Scenario("affected v1.12.2, prefix mode, room at EC2 for one more prefix: recovers through the reconcile",
            () => Snapshot("v1.12.2", NodeType.M5Large,
                [new NodeEni(Eni0, 0, PrimaryOf(0), ["10.0.16.0/28", "10.0.16.16/28", "10.0.16.32/28"], ["10.0.16.0/28"], ["10.0.16.0/28"],
                    Enumerable.Range(1, 16).Select(i => $"10.0.16.{i - 1}").ToArray())],
                Env(("ENABLE_PREFIX_DELEGATION", "true"), ("WARM_PREFIX_TARGET", "1"))),
            ReconcileVerdict.Drifted, "ipamd.go v1.12.2 tryAssignPrefixes 1001-1030 with getPrefixesNeeded 2156-2175 (max(1, short)); eniPrefixPoolReconcile"),
        new Scenario("affected v1.12.2, custom networking, stale primary ENI: GetENINeedsIP skips it, no request is ever made for it",
            () => Snapshot("v1.12.2", NodeType.M5Large,
                [new NodeEni(Eni0, 0, PrimaryOf(0), Ips(0, 0, 9), Ips(0, 0, 5), Ips(0, 0, 5)), Consistent(Eni1, 1, 9, 8)],
                Env(("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true"))),
            ReconcileVerdict.Drifted, "data_store.go v1.12.2 GetENINeedsIP 1089-1104 (skipPrimary)", "GetENINeedsIP skips it"),
        new Scenario("affected v1.12.2: an ENI attached at EC2 that IMDS does not list is never added, by any version",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Full0(5), new NodeEni(Eni1, 1, PrimaryOf(1), Ips(1, 0, 4), [], null, InImds: false)]),
            ReconcileVerdict.Drifted, "awsutils.go v1.12.2 GetAttachedENIs 596-616; ipamd.go v1.12.2 nodeIPPoolReconcile 1275-1393 (reads IMDS only)", "never picked up"),
        new Scenario("affected v1.12.2, prefix mode, WARM_PREFIX_TARGET=0 and no IP target: increaseDatastorePool returns before any request",
            () => Snapshot("v1.12.2", NodeType.M5Large,
                [new NodeEni(Eni0, 0, PrimaryOf(0), ["10.0.16.0/28", "10.0.16.16/28"], ["10.0.16.0/28"], ["10.0.16.0/28"],
                    Enumerable.Range(0, 16).Select(i => $"10.0.16.{i}").ToArray())],
                Env(("ENABLE_PREFIX_DELEGATION", "true"), ("WARM_PREFIX_TARGET", "0"))),
            ReconcileVerdict.Drifted, "ipamd.go v1.12.2 increaseDatastorePool 768-779 and tryAssignCidrs 892-905 (through v1.16.2)", "returns before any request"),
        new Scenario("v1.12.2: an ENI tagged no_manage=true that IPAMD never filled: in sync",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Full0(5), new NodeEni(Eni2, 2, PrimaryOf(2), Ips(2, 0, 4), Ips(2, 0, 4), null, NoManage: "true", CreatedByIpamd: false)]),
            ReconcileVerdict.InSync, "ipamd.go v1.12.2 setUnmanagedENIs 267-296, filterUnmanagedENIs 1709-1735"),
        new Scenario("p4d.24xlarge with EFA ENIs on network cards 1-3: in sync",
            () => Snapshot("v1.12.6", NodeType.P4d24xlarge,
                [Full0(5), .. Enumerable.Range(1, 3).Select(c => new NodeEni($"eni-0{c}d4e5f60718293a4b", 0, PrimaryOf(0, c), [], [], null, Card: c, Type: "efa"))]),
            ReconcileVerdict.InSync, "awsutils.go v1.12.2:1251-1253 (non-zero network cards are not IPAMD's)"),
        new Scenario("affected v1.12.2: the stale ENI is refused, but another ENI with room would satisfy the pool: depends on Go's map order",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Full0(), Stale1(pods: 5), Consistent(Eni2, 2, 0)]),
            ReconcileVerdict.AtRisk, "data_store.go v1.12.2 GetENINeedsIP 1089-1104 (first ENI of a Go map walk)", "Go's map order"),
        new Scenario("affected v1.12.2: the stale ENI is the only one with room, refused on every cycle: stuck",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Full0(), Stale1(pods: 5)]),
            ReconcileVerdict.Stuck, "awsutils.go v1.12.2 AllocIPAddresses 1488-1543 (nil, nil on PrivateIpAddressLimitExceeded); ipamd.go v1.12.2 tryAssignIPs 944-947"),
        new Scenario("affected v1.12.2, no pods, IMDS stale: nodeInit's first request after a restart is refused and swallowed: at risk",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Consistent(Eni0, 0, 9), new NodeEni(Eni1, 1, PrimaryOf(1), Ips(1, 0, 9), Ips(1, 0, 5), Ips(1, 0, 9))]),
            ReconcileVerdict.AtRisk, "ipamd.go v1.12.2 nodeInit 574-587 (tryAssignCidrs whenever ENI provisioning is enabled)"),
        new Scenario("fixed v1.12.5, no pods, IMDS stale: nodeInit's first request after a restart is refused and read from EC2: drifted",
            () => Snapshot("v1.12.5", NodeType.M5Large, [Consistent(Eni0, 0, 9), new NodeEni(Eni1, 1, PrimaryOf(1), Ips(1, 0, 9), Ips(1, 0, 5), Ips(1, 0, 9))]),
            ReconcileVerdict.Drifted, "ipamd.go v1.12.5 nodeInit 582-586 and tryAssignIPs 955-963"),
        new Scenario("affected v1.12.2, pool not low, gap IMDS hides: the next request on it will be refused and swallowed",
            () => Snapshot("v1.12.2", NodeType.M5Large, [Full0(0), Stale1(pods: 1)]),
            ReconcileVerdict.AtRisk, "ipamd.go v1.12.2 tryAssignIPs 915-947 (a full ENI's worth is asked; the refusal is swallowed)", "swallows the refusal"),
        new Scenario("fixed v1.19.0, IMDS lists other addresses than the datastore but as many: the exact-set reconcile reads EC2",
            () => Snapshot("v1.19.0", NodeType.M5Large, [Full0(), new NodeEni(Eni1, 1, PrimaryOf(1), Ips(1, 0, 6), Ips(1, 0, 4), [.. Ips(1, 0, 3), Ips(1, 5, 1)[0]], Ips(1, 0, 1))]),
            ReconcileVerdict.Drifted, "ipamd.go v1.19.0 eniIPPoolReconcile 1455-1491 (cniutils.IPsSimilar)"),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_node_gets_the_verdict_the_upstream_code_implies(Scenario scenario)
    {
        var report = IpamdReconcileChecker.Check(scenario.Node());
        Assert.True(scenario.Expected == report.Verdict, $"{scenario.Name}: expected {scenario.Expected} ({scenario.DecidedBy}), got {report.Verdict}: {report.Summary}");
        if (scenario.InSummary is { } text) Assert.Contains(text, report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_mode_with_warm_prefix_target_zero_asks_nothing_through_v1_16_2_and_one_prefix_from_v1_16_3()
    {
        NodeSnapshot Node(string tag) => Snapshot(tag, NodeType.M5Large,
            [new NodeEni(Eni0, 0, PrimaryOf(0), ["10.0.16.0/28", "10.0.16.16/28"], ["10.0.16.0/28"], ["10.0.16.0/28"], Enumerable.Range(0, 16).Select(i => $"10.0.16.{i}").ToArray())],
            Env(("ENABLE_PREFIX_DELEGATION", "true"), ("WARM_PREFIX_TARGET", "0")));

        var early = IpamdReconcileChecker.Check(Node("v1.16.2")).Outcomes.Single(o => o.Behavior == IpamdBehavior.Fixed);
        Assert.Equal(0, early.AssignPrivateIpAddressesCalls);
        Assert.Equal(0, early.EnisAttached);
        Assert.False(early.Recovers);

        // From v1.16.3 tryAssignPrefixes asks for max(1, shortfall) whenever the pool is low (no free address at all here).
        var later = IpamdReconcileChecker.Check(Node("v1.16.3")).Outcomes.Single(o => o.Behavior == IpamdBehavior.Fixed);
        Assert.True(later.AssignPrivateIpAddressesCalls > 0);
    }

    [Fact]
    public void Trunk_eni_is_asked_before_v1_16_4_and_never_from_it()
    {
        NodeSnapshot Node(string tag) => Snapshot(tag, NodeType.M5Large,
            [Full0(), new NodeEni(Eni1, 1, PrimaryOf(1), Ips(1, 0, 9), Ips(1, 0, 5), Ips(1, 0, 5), Ips(1, 0, 5), Type: "trunk")],
            Env(("ENABLE_POD_ENI", "true")));

        Assert.Equal(ReconcileVerdict.Stuck, IpamdReconcileChecker.Check(Node("v1.12.2")).Verdict);
        var fixedLine = IpamdReconcileChecker.Check(Node("v1.16.4"), new ReconcileCheckOptions());
        Assert.All(fixedLine.Outcomes, o => Assert.Equal(0, o.AssignPrivateIpAddressesRefused));
    }

    [Fact]
    public void Max_eni_and_the_trunk_slot_stop_ipamd_attaching_an_eni()
    {
        // Both ENIs full in the datastore and the pool low: an m5.large could attach a third ENI, MAX_ENI=2 forbids it.
        NodeSnapshot Node(string env) => Snapshot("v1.12.6", NodeType.M5Large, [Full0(), Consistent(Eni1, 1, 9, 9)], env);
        // (ipamd.go v1.12.2 increaseDatastorePool 806-821, getMaxENI 1139-1155). Run from a restart, where the model acts.
        int Attached(string env) => IpamdModel.Run(ModelInput.FromSnapshot(Node(env))!, IpamdBehavior.Fixed, SimulationStart.RestartFromImds, TimeSpan.FromMinutes(1)).EnisAttached;
        Assert.Equal(1, Attached("[]"));
        Assert.Equal(0, Attached(Env(("MAX_ENI", "2"))));
        Assert.Equal(0, Attached(Env(("ENABLE_POD_ENI", "true"))));
    }

    [Fact]
    public void A_revised_range_loaded_at_run_time_changes_the_behaviour_with_no_code_change()
    {
        // The same v1.12.5 node, checked with data whose range says the fix came only in v1.12.6.
        var data = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("advisories", "EKSA-2023-0001.json")))!;
        data["affected"]!["events"]![1]!["fixed"] = "1.12.6";
        var unaffected = data["affected"]!["knownUnaffectedReleases"]!.AsArray();
        unaffected.Remove(unaffected.First(n => (string?)n == "1.12.5"));
        data["affected"]!["knownAffectedReleases"]!.AsArray().Add("1.12.5");
        data["remediation"]!["fixedIn"] = "1.12.6";
        data["remediation"]!["firstReleasedFixedVersion"] = "1.12.6";
        data["remediation"]!["firstFixedAddonVersion"] = "v1.12.6-eksbuild.1";
        var text = data.ToJsonString();
        var catalog = AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "revised.json");
        var node = Snapshot("v1.12.5", NodeType.M5Large, [Full0(), Stale1(pods: 5)]);

        Assert.Equal(IpamdBehavior.Fixed, IpamdReconcileChecker.Check(node).Behavior);
        var revised = IpamdReconcileChecker.Check(node, new ReconcileCheckOptions { Advisory = catalog.Get(ReconcileCheckOptions.ReconcileAdvisoryId) });
        Assert.Equal(IpamdBehavior.Affected, revised.Behavior);
        Assert.Equal(ReconcileVerdict.Stuck, revised.Verdict);
    }
}
