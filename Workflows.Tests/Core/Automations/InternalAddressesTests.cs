using System.Net;
using Workflows.Core.Automations.Webhooks;

namespace Workflows.Tests.Core.Automations;

public sealed class InternalAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.8.9.10", "a loopback address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("169.254.10.1", "a link-local address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("10.0.0.5", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("fd12:3456::1", "a private address")]
    [InlineData("::ffff:192.168.1.1", "a private address")]
    [InlineData("100.64.0.1", "a shared (carrier-grade NAT) address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("169.254.169.254", "the cloud metadata address")]
    [InlineData("::ffff:169.254.169.254", "the cloud metadata address")]
    [InlineData("fd00:ec2::254", "the cloud metadata address")]
    [InlineData("255.255.255.255", "a reserved address")]
    public void Internal_addresses_are_named_by_what_they_are(string address, string kind) =>
        Assert.Equal(kind, InternalAddresses.KindOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_not_internal(string address) =>
        Assert.Null(InternalAddresses.KindOf(IPAddress.Parse(address)));
}
