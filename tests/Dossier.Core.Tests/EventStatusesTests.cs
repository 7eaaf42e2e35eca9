using Dossier.Core.Labels;

namespace Dossier.Core.Tests;

public sealed class EventStatusesTests
{
    [Fact]
    public void ParseAndName_Alleged_RoundTrip()
    {
        Assert.Equal(EventStatus.Alleged, EventStatuses.Parse("alleged"));
        Assert.Equal("alleged", EventStatuses.Name(EventStatus.Alleged));
        Assert.Equal(Enum.GetValues<EventStatus>().Length, EventStatuses.All.Length);
    }

    [Fact]
    public void Advancement_Alleged_BetweenPlannedAndOccurred()
    {
        var order = EventStatuses.Advancement;
        Assert.True(order.IndexOf(EventStatuses.Planned) < order.IndexOf(EventStatuses.Alleged));
        Assert.True(order.IndexOf(EventStatuses.Alleged) < order.IndexOf(EventStatuses.Occurred));
    }

    [Theory]
    [InlineData("occurred", true)]
    [InlineData("alleged", true)]
    [InlineData("planned", false)]
    [InlineData(null, false)]
    public void IsPast_Status_OccurredAndAllegedOnly(string? status, bool expected)
    {
        Assert.Equal(expected, EventStatuses.IsPast(status));
    }

    [Fact]
    public void CuePrecedence_Alleged_BelowNegationAboveTheRest()
    {
        var order = EventStatuses.CuePrecedence;
        Assert.Equal(1, order.IndexOf(EventStatuses.Alleged));
        Assert.Equal(0, order.IndexOf(EventStatuses.Negated));
    }

    [Fact]
    public void Advancement_PostponedAndCancelled_AfterPlannedBeforeOccurred()
    {
        var order = EventStatuses.Advancement;
        Assert.True(order.IndexOf(EventStatuses.Planned) < order.IndexOf(EventStatuses.Postponed));
        Assert.True(order.IndexOf(EventStatuses.Postponed) < order.IndexOf(EventStatuses.Cancelled));
        Assert.True(order.IndexOf(EventStatuses.Cancelled) < order.IndexOf(EventStatuses.Occurred));
        Assert.Equal(EventStatus.Cancelled, EventStatuses.Parse("cancelled"));
    }
}
