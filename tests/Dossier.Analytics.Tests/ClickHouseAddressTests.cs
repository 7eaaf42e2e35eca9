using Dossier.Storage;

namespace Dossier.Analytics.Tests;

public class ClickHouseAddressTests
{
    [Fact]
    public void Parse_FullAddress_ReadsEveryPart()
    {
        var address = ClickHouseAddress.Parse("clickhouse://ana:s%40cret@10.0.0.5:8123/events_db?cluster=two&nodes=10.0.0.5:8123,10.0.0.6:8124");

        Assert.Equal("ana", address.User);
        Assert.Equal("s@cret", address.Password);
        Assert.Equal("10.0.0.5", address.Host);
        Assert.Equal(8123, address.Port);
        Assert.Equal("events_db", address.Database);
        Assert.Equal("two", address.Cluster);
        Assert.Equal([("10.0.0.5", 8123), ("10.0.0.6", 8124)], address.Nodes);
    }

    [Fact]
    public void Parse_NoNodes_UsesTheAddressNodeAlone()
    {
        var address = ClickHouseAddress.Parse("clickhouse://u:p@localhost:8123/db?cluster=c");

        Assert.Equal([("localhost", 8123)], address.Nodes);
    }

    [Theory]
    [InlineData("http://u:p@h:8123/db?cluster=c", "scheme")]
    [InlineData("clickhouse://u:p@h:8123/db", "cluster")]
    [InlineData("clickhouse://u:p@h:8123/db;DROP?cluster=c", "database")]
    [InlineData("clickhouse://u:p@h:8123/db?cluster=c&nodes=h", "node")]
    [InlineData("clickhouse://u:p@h:8123/db?cluster=c&timeout=3", "unknown setting")]
    public void Parse_BadAddress_OneLineReason(string value, string reason)
    {
        var error = Assert.Throws<StoreException>(() => ClickHouseAddress.Parse(value));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_BadAddress_MessageHidesThePassword()
    {
        var error = Assert.Throws<StoreException>(() => ClickHouseAddress.Parse("clickhouse://u:topsecret@h:8123/db"));

        Assert.DoesNotContain("topsecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Address_LeavesThePasswordOut()
    {
        var address = ClickHouseAddress.Parse("clickhouse://u:topsecret@h:8123/db?cluster=c");

        Assert.DoesNotContain("topsecret", address.ToString(), StringComparison.Ordinal);
    }
}
