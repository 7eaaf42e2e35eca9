using System.IO.Compression;
using System.Text;
using Dossier.Extraction.Actors;
using Dossier.Nlp.Models;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Actors;

/// <summary>The knowledge base read through the cache folder (<see cref="ActorKnowledgeBase.Load(string, string?)"/>, <see cref="ModelCache"/>).</summary>
public sealed class ActorKnowledgeBaseCacheTests
{
    // Written for these tests: two countries, people with dated terms and shared aliases, an organisation, a name with a
    // diacritic and one past U+FFFF, a capital, demonyms, titles, groups and a supplement person Phoenix also knows.
    private const string Compiled = "#dossier-actors\t1\n"
        + "C\tXXA\tXXA\tExamplestan\texamplestan|republic of examplestan\n"
        + "C\tXXB\tXXC\tOtherland\totherland\n"
        + "D\tXXA\texamplestani|examplestanis\n"
        + "P\tXXB\tport other|north otherland\n"
        + "G\tGOV\tofficials|ministers\n"
        + "G\t-\tanalysts\n"
        + "A\tP\tJane Q Example\tJ Example|Madam Example\tXXAGOV@1990-01-01~2000-01-01;XXAELI\n"
        + "A\tP\tJohn Example\tJ Example\tXXALEG@2001-02-03\n"
        + "A\tU\tExamplestan Army\tThe Army|Examplestani Forces\tXXAMIL\n"
        + "A\tU\tÉlysée Hall\t\tXXBGOV\n"
        + "A\tP\tZoë 𝔘nicode\t\tXXBGOV@~2020-01-01\n"
        + "A\tP\tNo Codes\t\t\n";

    private static readonly string[] Names = ["J Example", "Jane Q. Example", "john example", "The Army", "examplestani forces", "Elysee Hall", "élysée hall", "Zoë 𝔘nicode", "No Codes", "Nobody"];

    private static (string Root, string Folder, string Cache) Setup()
    {
        var root = Path.Combine(Path.GetTempPath(), "dossier-actors-cache-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "actors");
        Directory.CreateDirectory(folder);
        WriteGzip(Path.Combine(folder, ActorKnowledgeBase.CompiledFileName), Compiled);
        File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.TitlesFileName), ["# title\tsector\tclass", "president\tGOV\tleader", "chief of the general staff\tMIL"]);
        File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.GroupsFileName), ["# noun\tsector", "soldiers\tMIL"]);
        File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.CapitalsFileName), ["# capital\tiso\taliases", "Example City\tXXA\tEx City|Old Example"]);
        File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.DemonymsFileName), ["# demonym\tiso", "Otherlander\tXXB"]);
        File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.SupplementFileName), ["# name\tcode", "Jane Q. Example\tXXAGOV\tPERSON\tJ. Q. Example\tPresident\t2010-05-01\t"]);
        return (root, folder, Path.Combine(root, "cache"));
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    private static byte[] Hash(string folder) => ModelCache.HashFiles(ActorKnowledgeBase.FileNames.Select(f => Path.Combine(folder, f)));

    private static string CacheFile(string folder, string cache) =>
        ModelCache.PathOf(cache, ActorKnowledgeBase.CacheKind, ActorKnowledgeBase.CacheVersion, Hash(folder));

    private static void AssertSame(ActorKnowledgeBase expected, ActorKnowledgeBase actual)
    {
        Assert.True(expected.SameAs(actual));
        foreach (var name in Names)
        {
            Assert.Equal(Describe(expected.FindActors(name)), Describe(actual.FindActors(name)));
            Assert.Equal(Describe([.. new[] { expected.FindActor(name, ActorKind.Person) }.OfType<KnownActor>()]), Describe([.. new[] { actual.FindActor(name, ActorKind.Person) }.OfType<KnownActor>()]));
            Assert.Equal(expected.FindPlace(name), actual.FindPlace(name));
        }

        foreach (var word in new[] { "Examplestan", "XXC", "Examplestanis", "Otherlander", "Ex City", "Port Other", "officials", "soldiers", "analysts", "president", "Chief of the General Staff" })
        {
            Assert.Equal(expected.FindCountry(word), actual.FindCountry(word));
            Assert.Equal(expected.FindCountryByCode(word), actual.FindCountryByCode(word));
            Assert.Equal(expected.FindDemonym(word), actual.FindDemonym(word));
            Assert.Equal(expected.FindCapital(word), actual.FindCapital(word));
            Assert.Equal(expected.FindGroupSector(word), actual.FindGroupSector(word));
            Assert.Equal(expected.FindTitle(word), actual.FindTitle(word));
        }

        Assert.Equal(expected.ActorNameCount, actual.ActorNameCount);
        Assert.Equal(expected.MaxTitleWords, actual.MaxTitleWords);
    }

    /// <summary>Every field of each actor, in order (records with arrays compare arrays by reference, so by text here).</summary>
    private static string Describe(IEnumerable<KnownActor> actors) => string.Join(" || ", actors.Select(a =>
        $"{a.Name} {a.Kind} {a.FromUser} [{string.Join("|", a.Aliases)}] [{string.Join(";", a.Codes.Select(c => $"{c.Code}@{c.From}~{c.To}:{c.Title}"))}]"));

    [Fact]
    public void Load_CacheMissing_WritesItAndReadsItBackAsTheSameKnowledgeBase()
    {
        var (root, folder, cache) = Setup();
        try
        {
            var fromFiles = ActorKnowledgeBase.Load(folder);
            var first = ActorKnowledgeBase.Load(folder, cache);
            Assert.True(File.Exists(CacheFile(folder, cache)));
            var cached = ActorKnowledgeBase.TryReadCache(CacheFile(folder, cache), Hash(folder));
            Assert.NotNull(cached);
            AssertSame(fromFiles, first);
            AssertSame(fromFiles, cached);
            Assert.Equal(3, cached.FindActors("J Example").Length); // the supplement's Jane (with the Phoenix aliases), Phoenix's Jane, John
            Assert.Equal("Zoë 𝔘nicode", cached.FindActor("zoë 𝔘nicode")?.Name);
            Assert.Equal(new DateOnly(2020, 1, 1), cached.FindActor("zoë 𝔘nicode")?.Codes.Single().To);
            Assert.Equal("President", cached.FindActor("Jane Q Example")?.Codes[0].Title);
            Assert.Same(cached.FindActor("J. Q. Example"), cached.FindActor("Jane Q Example")); // one actor, one object, under every name of it
            Assert.Equal("XXA", cached.FindCapital("old example")?.Iso3);
            Assert.Null(cached.FindGroupSector("analysts"));
            Assert.Equal("UKR", ActorKnowledgeBase.Load(ActorKnowledgeBase.DefaultDirectory).FindCountry("Ukraine")?.Iso3);
            Assert.False(fromFiles.SameAs(ActorKnowledgeBase.Load(ActorKnowledgeBase.DefaultDirectory))); // SameAs can fail
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_SourceChanged_IgnoresTheStaleCacheAndCachesTheNewOne()
    {
        var (root, folder, cache) = Setup();
        try
        {
            ActorKnowledgeBase.Load(folder, cache);
            var stale = CacheFile(folder, cache);
            File.AppendAllLines(Path.Combine(folder, ActorKnowledgeBase.SupplementFileName), ["Newly Added\tXXBGOV\tPERSON"]);
            Assert.NotEqual(stale, CacheFile(folder, cache));
            Assert.Null(ActorKnowledgeBase.TryReadCache(stale, Hash(folder)));
            var loaded = ActorKnowledgeBase.Load(folder, cache);
            AssertSame(ActorKnowledgeBase.Load(folder), loaded);
            Assert.Equal("XXBGOV", loaded.FindActor("newly added")?.Codes.Single().Code);
            Assert.True(File.Exists(CacheFile(folder, cache)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("empty")]
    public void Load_CacheDamaged_RefusesItAndRebuildsIt(string damage)
    {
        var (root, folder, cache) = Setup();
        try
        {
            ActorKnowledgeBase.Load(folder, cache);
            var cachePath = CacheFile(folder, cache);
            var good = CacheDamage.Apply(cachePath, damage);
            Assert.Null(ActorKnowledgeBase.TryReadCache(cachePath, Hash(folder)));
            AssertSame(ActorKnowledgeBase.Load(folder), ActorKnowledgeBase.Load(folder, cache));
            Assert.Equal(good, File.ReadAllBytes(cachePath)); // rebuilt as it was
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_CacheFolderUnwritable_ReadsTheFilesWithoutError()
    {
        var (root, folder, _) = Setup();
        try
        {
            var file = Path.Combine(root, "not-a-folder");
            File.WriteAllText(file, "a file where the cache folder should be");
            AssertSame(ActorKnowledgeBase.Load(folder), ActorKnowledgeBase.Load(folder, Path.Combine(file, "cache")));
            Assert.False(Directory.Exists(Path.Combine(file, "cache")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_SourceMissing_FailsAsWithoutCache()
    {
        var (root, folder, cache) = Setup();
        try
        {
            File.Delete(Path.Combine(folder, ActorKnowledgeBase.TitlesFileName));
            var e = Assert.Throws<ActorKnowledgeBaseLoadException>(() => ActorKnowledgeBase.Load(folder, cache));
            Assert.Contains(ActorKnowledgeBase.TitlesFileName, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void WithUserActors_CachedKnowledgeBase_PutsTheUserEntryFirstAsOverTheBuiltOne()
    {
        var (root, folder, cache) = Setup();
        try
        {
            ActorKnowledgeBase.Load(folder, cache);
            var user = Path.Combine(root, "user.tsv");
            File.WriteAllLines(user, ["J Example\tXXBLEG\tPERSON", "Fresh Face\tXXAGOV\tPERSON"]);
            var fromFiles = ActorKnowledgeBase.Load(folder).WithUserActors(user).KnowledgeBase;
            var cached = ActorKnowledgeBase.Load(folder, cache).WithUserActors(user).KnowledgeBase;
            Assert.NotNull(fromFiles);
            Assert.NotNull(cached);
            AssertSame(fromFiles, cached);
            Assert.Equal("XXBLEG", cached.FindActor("j example")?.Codes.Single().Code);
            Assert.True(cached.FindActor("Fresh Face")?.FromUser);
            Assert.Equal("Jane Q. Example", cached.FindActor("Madam Example")?.Name); // the supplement's name, Phoenix's alias
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedKnowledgeBaseThroughTheCache_IsTheKnowledgeBaseOfTheFiles()
    {
        var cache = Path.Combine(Path.GetTempPath(), "dossier-actors-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fromFiles = ActorKnowledgeBase.Load(ActorKnowledgeBase.DefaultDirectory);
            ActorKnowledgeBase.Load(ActorKnowledgeBase.DefaultDirectory, cache); // writes the cache
            var cached = ActorKnowledgeBase.Load(ActorKnowledgeBase.DefaultDirectory, cache);
            Assert.True(fromFiles.SameAs(cached));
            foreach (var name in new[] { "Vladimir Putin", "White House", "Kremlin", "Elysée", "NATO", "Kyiv", "Ukraine" })
            {
                Assert.Equal(Describe(fromFiles.FindActors(name)), Describe(cached.FindActors(name)));
            }
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
