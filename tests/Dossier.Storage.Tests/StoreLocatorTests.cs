namespace Dossier.Storage.Tests;

public sealed class StoreLocatorTests
{
    private static readonly string Cwd = Path.Combine(Path.GetTempPath(), "cwd");

    [Fact]
    public void Locate_ExplicitPath_WinsOverEnvironment()
    {
        var location = StoreLocator.Locate("data/my.db", _ => "/env/other.db", Cwd);

        Assert.Equal(new StoreLocation(Path.Combine(Cwd, "data", "my.db"), StoreLocationSource.Option), location);
    }

    [Fact]
    public void Locate_NoOptionButEnvironment_UsesEnvironment()
    {
        var env = Path.Combine(Path.GetTempPath(), "env.db");

        var location = StoreLocator.Locate(null, name => name == "DOSSIER_DB" ? env : null, Cwd);

        Assert.Equal(new StoreLocation(env, StoreLocationSource.Environment), location);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void Locate_NothingGiven_DefaultsToDossierDbInCurrentDirectory(string? option, string? environment)
    {
        var location = StoreLocator.Locate(option, _ => environment, Cwd);

        Assert.Equal(new StoreLocation(Path.Combine(Cwd, "dossier.db"), StoreLocationSource.Default), location);
    }

    [Fact]
    public void Resolve_ExplicitAbsolutePath_ReturnsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "abs.db");

        Assert.Equal(path, StoreLocator.Resolve(path));
    }
}
