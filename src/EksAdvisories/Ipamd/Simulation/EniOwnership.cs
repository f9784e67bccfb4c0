namespace EksAdvisories.Ipamd;

/// <summary>Which of the node's ENIs IPAMD leaves alone: it neither fills them nor counts them as its own.</summary>
internal static class EniOwnership
{
    /// <summary>
    /// ipamd.go v1.12.2 setUnmanagedENIs 267-296 and filterUnmanagedENIs 1709-1735: an ENI tagged no_manage=true (never the
    /// primary ENI), an ENI IPAMD did not create when MANAGE_UNTAGGED_ENI=false, an ENI on a network card other than 0
    /// (awsutils.go v1.12.2:1251-1253), and an efa-only interface, which has no IPv4 address to manage.
    /// </summary>
    public static bool IsUnmanaged(Ec2Interface eni, NodeSnapshot snapshot)
    {
        if (eni.IsEfaOnly || eni.NetworkCardIndex != 0) return true;
        if (eni.DeviceIndex == 0) return false;
        if (eni.NoManageTag is not null) return eni.TaggedNoManage;
        var createdByIpamd = eni.InstanceIdTag is { } tag && snapshot.Imds.InstanceId is { } instance && tag == instance;
        return !createdByIpamd && !snapshot.Settings.ManageUntaggedEnis;
    }
}
