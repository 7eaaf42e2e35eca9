namespace Dossier.Export.Tests;

/// <summary>A test class with a fresh sample store per test.</summary>
public abstract class SamplesTest : IAsyncLifetime
{
    private ExportSamples? _samples;

    internal ExportSamples Samples => _samples ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _samples = await ExportSamples.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_samples is not null)
        {
            await _samples.DisposeAsync();
        }
    }
}
