using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Data;
using Dossier.Extraction.Places;

namespace Dossier.Extraction.Tests.Places;

/// <summary>
/// The places gazetteer read as spans with shared short columns, and <see cref="PlaceGazetteer.Key"/> without a string
/// builder (issue 15, cold start; docs/evaluation.md, speed8), hold what the former line-by-line, string-splitting
/// reader built, which is kept here as the reference.
/// </summary>
public sealed class PlaceGazetteerLoadTests
{
    private static string ShippedPath => Path.Combine(ModelDirectory.LocateFolder("places", PlaceGazetteer.FileName), PlaceGazetteer.FileName);

    [Fact]
    public void Load_ShippedGazetteer_FindsThePlacesOfTheStringSplittingReader()
    {
        var (places, byKey) = ReferenceRead(File.ReadAllBytes(ShippedPath));
        var gazetteer = PlaceGazetteer.Load(ShippedPath);
        Assert.True(places.Count > 20000, $"{places.Count} places");
        Assert.Equal(places.Count, gazetteer.Count);
        foreach (var (_, names, _) in places)
        {
            foreach (var name in names.Where(n => ReferenceKey(n).Length > 0))
            {
                Assert.Equal(byKey[ReferenceKey(name)], gazetteer.Find(name)); // records: every column compared
            }
        }

        foreach (var (place, _, alternates) in places.Where(p => p.Alternates.Length > 0).Take(2000))
        {
            foreach (var alternate in alternates.Split('|').Where(a => ReferenceKey(a).Length > 0))
            {
                Assert.Contains(place, gazetteer.FindAlternateAny(alternate));
            }
        }
    }

    [Fact]
    public void Key_EveryShippedNameAndAlternate_EqualsTheStringBuilderForm()
    {
        var (places, _) = ReferenceRead(File.ReadAllBytes(ShippedPath));
        foreach (var (_, names, alternates) in places)
        {
            foreach (var name in names.Concat(alternates.Split('|')))
            {
                Assert.Equal(ReferenceKey(name), PlaceGazetteer.Key(name));
            }
        }
    }

    [Theory]
    [InlineData("The U.S.")]
    [InlineData("Côte d'Ivoire")]
    [InlineData("Hawaiʻi -- Big  Island")]
    [InlineData("the")]
    [InlineData("")]
    [InlineData("ﬁnland")]
    public void Key_Name_EqualsTheStringBuilderForm(string name)
    {
        Assert.Equal(ReferenceKey(name), PlaceGazetteer.Key(name));
        var longName = string.Concat(Enumerable.Repeat(name + " x ", 120)); // past the stack buffer
        Assert.Equal(ReferenceKey(longName), PlaceGazetteer.Key(longName));
    }

    [Fact]
    public void Load_CrLfByteOrderMarkAndEmptyOtherNames_ReadsAsTheStringSplittingReader()
    {
        var text = "\uFEFF# test\r\n1\tcity\tPPL\tAA\t01\tNorth\t1.0\t2.0\t50000\tOld Town\t|Vieux Bourg||old-town\tNewtown\r\n"
            + "AA-01\tadmin1\t\tAA\t01\tNorth\t1.5\t2.5\t20000\tNorth\r2\tcity\tPPLC\tAA\t01\tNorth\t-1e1\t2\t7\tCapital City\t\t\n# end 3\n";
        var path = WriteGzip(text);
        try
        {
            var (places, byKey) = ReferenceRead(File.ReadAllBytes(path));
            var gazetteer = PlaceGazetteer.Load(path);
            Assert.Equal(places.Count, gazetteer.Count);
            foreach (var name in places.SelectMany(p => p.Names).Where(n => ReferenceKey(n).Length > 0)) Assert.Equal(byKey[ReferenceKey(name)], gazetteer.Find(name));
            Assert.Equal("Old Town", Assert.Single(gazetteer.Find("vieux bourg")).Name);
            Assert.Equal("Old Town", Assert.Single(gazetteer.FindAlternate("newtown")).Name);
            Assert.Equal(-10.0, gazetteer.CapitalOf("AA")?.Latitude);
            Assert.Equal("North", gazetteer.DivisionByCode("AA", "01")?.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_RowWithABadNumber_ThrowsNamingTheLine()
    {
        var path = WriteGzip("# test\n1\tcity\tPPL\tAA\t01\tNorth\t1.0\t2.0\t50000\tOld Town\n2\tcity\tPPL\tAA\t01\tNorth\tnorth\t2.0\t5\tNew Town\n# end 2\n");
        try
        {
            var e = Assert.Throws<DataFileException>(() => PlaceGazetteer.Load(path));
            Assert.Contains(":3:", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WriteGzip(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-places-" + Guid.NewGuid().ToString("N") + ".tsv.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>The reader before speed8: a reader's lines, <c>Split</c> on tabs and bars, keys by LINQ (without its checks).</summary>
    private static (List<(GazetteerPlace Place, string[] Names, string Alternates)> Places, Dictionary<string, List<GazetteerPlace>> ByKey) ReferenceRead(byte[] raw)
    {
        var places = new List<(GazetteerPlace, string[], string)>();
        var byKey = new Dictionary<string, List<GazetteerPlace>>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(new MemoryStream(raw), CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            var p = new GazetteerPlace(c[0], c[1], c[2], c[3], c[4], c[5], double.Parse(c[6], NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(c[7], NumberStyles.Float, CultureInfo.InvariantCulture), long.Parse(c[8], CultureInfo.InvariantCulture), c[9]);
            string[] names = c.Length > 10 && c[10].Length > 0 ? [c[9], .. c[10].Split('|')] : [c[9]];
            places.Add((p, names, c.Length > 11 ? c[11] : ""));
            foreach (var key in names.Select(ReferenceKey).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                list.Add(p);
            }
        }

        return (places, byKey);
    }

    /// <summary><see cref="PlaceGazetteer.Key"/> before speed8, with a string builder.</summary>
    private static string ReferenceKey(string name)
    {
        var d = Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(d.Length);
        var pendingSpace = false;
        foreach (var ch in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is '.' or '\'' or '’' or 'ʻ' or 'ʼ') continue;
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingSpace = true;
            }
        }

        var key = sb.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
