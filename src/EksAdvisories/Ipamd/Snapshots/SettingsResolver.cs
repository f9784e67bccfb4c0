namespace EksAdvisories.Ipamd;

/// <summary>
/// Decides the IPAMD settings the model runs with: what IPAMD itself reports wins, then the aws-node env, then what the
/// datastore shows; anything still unknown takes the shipped default and is recorded as an assumption.
/// </summary>
internal static class SettingsResolver
{
    public static IpamdSettings Resolve(EnvSettingsDocument? reported, AwsNodeEnv? env, DatastoreDocument datastore, IReadOnlyList<Ec2Interface> ec2)
    {
        var assumptions = new List<string>();
        var haveDaemonSet = env is not null;
        env ??= AwsNodeEnv.None;

        // When the DaemonSet is known, a variable missing from its env takes the code default, which is a fact, not a guess.
        int Pick(string name, int? fromIpamd, int? fromEnv, int codeDefault, int assumedDefault, string why)
        {
            if (fromIpamd is { } a) return a;
            if (fromEnv is { } b) return b;
            if (haveDaemonSet) return codeDefault;
            assumptions.Add($"{name} is not in the snapshot; assumed {assumedDefault} ({why}).");
            return assumedDefault;
        }

        var warmEni = Pick("WARM_ENI_TARGET", reported?.WarmEniTarget, env.WarmEniTarget, 1, 1, "the default of the code and the shipped manifest");
        var warmIp = Pick("WARM_IP_TARGET", reported?.WarmIpTarget, env.WarmIpTarget, 0, 0, "unset, the default");
        var minimumIp = Pick("MINIMUM_IP_TARGET", null, env.MinimumIpTarget, 0, 0, "unset, the default");

        bool prefixDelegation;
        if (env.PrefixDelegation is { } pd)
        {
            prefixDelegation = pd;
        }
        else if (haveDaemonSet)
        {
            prefixDelegation = false;
        }
        else
        {
            // The mode shows in the data: /28 prefixes in the datastore or at EC2 exist only with prefix delegation.
            prefixDelegation = datastore.Enis.Any(e => e.Cidrs.Any(c => c.IsPrefix)) || ec2.Any(e => e.Prefixes.Count > 0);
            assumptions.Add(prefixDelegation
                ? "ENABLE_PREFIX_DELEGATION is not in the snapshot; assumed true because the datastore or EC2 holds /28 prefixes."
                : "ENABLE_PREFIX_DELEGATION is not in the snapshot; assumed false (the default) because neither the datastore nor EC2 holds /28 prefixes.");
        }

        var warmPrefix = prefixDelegation
            ? Pick("WARM_PREFIX_TARGET", null, env.WarmPrefixTarget, 0, 1, "as the shipped manifest and Helm chart set it; the code default when the variable is absent is 0")
            : env.WarmPrefixTarget ?? (haveDaemonSet ? 0 : 1);

        bool customNetworking;
        if (reported?.CustomNetworking is { } c) customNetworking = c;
        else if (env.CustomNetworking is { } d) customNetworking = d;
        else
        {
            customNetworking = false;
            if (!haveDaemonSet) assumptions.Add("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG is not in the snapshot; assumed false (the default).");
        }

        return new IpamdSettings(warmEni, warmIp, minimumIp, warmPrefix, prefixDelegation, customNetworking, assumptions);
    }
}
