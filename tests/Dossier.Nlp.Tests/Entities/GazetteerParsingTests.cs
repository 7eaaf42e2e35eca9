using System.IO.Compression;
using System.Text;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Models;
using Dossier.Nlp.Syntax;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>
/// The named-entity gazetteer read as spans (issue 15, cold start; docs/evaluation.md, speed8) holds what the former
/// line-by-line, string-splitting reader built, which is kept here as the reference.
/// </summary>
public sealed class GazetteerParsingTests
{
    [Fact]
    public void Parse_ShippedGazetteer_HoldsTheEntriesOfTheStringSplittingReader()
    {
        var raw = File.ReadAllBytes(Path.Combine(SyntaxModel.DefaultDirectory, NerModel.DirectoryName, Gazetteer.FileName));
        var (entries, maxTokens, names) = ReferenceParse(raw);
        var gazetteer = Gazetteer.Parse(raw);
        Assert.True(names.Count > 20000, $"{names.Count} names");
        Assert.Equal(entries.Count, gazetteer.Count);
        Assert.Equal(maxTokens, gazetteer.MaxTokens);
        foreach (var name in names)
        {
            AssertSameEntry(entries[ReferenceKey(name)], gazetteer.Lookup(name));
        }
    }

    [Fact]
    public void Parse_CrLfLinesByteOrderMarkAndSpacedNames_ReadsAsTheStringSplittingReader()
    {
        var text = "\uFEFF# name\tkind\tiso3\tpopulation\r\nNew  York\tCITY\tUSA\t8000000\r\n\r\nnew york\tSTATE\tUSA\t19000000\rNATO\tORG\t-\t0\n"
            + "Georgia\tCOUNTRY\tGEO\t3700000\nGeorgia\tSTATE\tUSA\t10000000\nGeorgian\tDEMONYM\tGEO\t-1\n# end 6\n";
        var raw = Gzip(text);
        var (entries, maxTokens, names) = ReferenceParse(raw);
        var gazetteer = Gazetteer.Parse(raw);
        Assert.Equal(entries.Count, gazetteer.Count);
        Assert.Equal(maxTokens, gazetteer.MaxTokens);
        foreach (var name in names) AssertSameEntry(entries[ReferenceKey(name)], gazetteer.Lookup(name));
        Assert.True(gazetteer.Lookup("NATO")!.AcronymOnly);
        Assert.Equal("GEO", gazetteer.Lookup("georgia")!.PlaceCountry);
    }

    [Theory]
    [InlineData("Paris\tCITY\tFRA\t2000000\n", "the end line is missing")]
    [InlineData("Paris\tCITY\tFRA\t2000000\n# end 2\n", "the end line says 2 names, the file has 1")]
    [InlineData("Paris\tCITY\tFRA\n# end 1\n", "line 1 does not have 4 columns")]
    [InlineData("Paris\tCITY\tFRA\t2000000\textra\n# end 1\n", "line 1 does not have 4 columns")]
    [InlineData("Paris\tTOWN\tFRA\t2000000\n# end 1\n", "line 1: unknown kind TOWN")]
    [InlineData("Paris\tCITY\tFRA\t2000000\n# end 1\n\n", "line 3 follows the end line")]
    public void Parse_MalformedFile_ThrowsTheReason(string text, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => Gazetteer.Parse(Gzip(text)));
        Assert.Equal(reason, e.Message);
    }

    [Theory]
    [InlineData("  New \t York ")]
    [InlineData("Z\u00FCrich")]
    [InlineData("")]
    public void Key_Name_EqualsTheStringBuilderForm(string name)
    {
        Assert.Equal(ReferenceKey(name), Gazetteer.Key(name));
        var longName = string.Concat(Enumerable.Repeat(name + " x ", 100)); // past the stack buffer
        Assert.Equal(ReferenceKey(longName), Gazetteer.Key(longName));
    }

    private static void AssertSameEntry(GazEntry expected, GazEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Kinds, actual.Kinds);
        Assert.Equal(expected.PlaceCountry, actual.PlaceCountry);
        Assert.Equal(expected.PlaceRank, actual.PlaceRank);
        Assert.Equal(expected.Population, actual.Population);
        Assert.Equal(expected.DemonymCountry, actual.DemonymCountry);
        Assert.Equal(expected.AcronymOnly, actual.AcronymOnly);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static string ReferenceKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space) sb.Append(' ');
            space = false;
            sb.Append(FeatureHash.Fold(c));
        }

        return sb.ToString();
    }

    /// <summary>The reader before speed8 (a reader's lines, <c>Split</c> on tabs and spaces), without its checks.</summary>
    private static (Dictionary<string, GazEntry> Entries, int MaxTokens, List<string> Names) ReferenceParse(byte[] raw)
    {
        var byName = new Dictionary<string, GazEntry>(StringComparer.Ordinal);
        var names = new List<string>();
        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, true));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            var name = parts[0];
            names.Add(name);
            var key = ReferenceKey(name);
            if (!byName.TryGetValue(key, out var entry)) byName[key] = entry = new GazEntry();
            var iso = parts[2] == "-" ? null : parts[2];
            var population = long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
            var kind = parts[1] switch
            {
                "COUNTRY" => GazKind.Country, "CAPITAL" => GazKind.Capital, "CITY" => GazKind.City, "STATE" => GazKind.State,
                "GPE" => GazKind.Place, "DEMONYM" => GazKind.Demonym, "NORP" => GazKind.Norp, _ => GazKind.Org,
            };
            entry.Kinds |= kind;
            if (!(name.Any(char.IsLetter) && !name.Any(char.IsLower) && !name.Contains(' '))) entry.AcronymOnly = false;
            if ((kind & GazKind.AnyPlace) != 0)
            {
                var rank = kind switch { GazKind.Country => 0, GazKind.Capital => 1, GazKind.State => 2, GazKind.Place => 3, _ => 4 };
                if (rank < entry.PlaceRank || (rank == entry.PlaceRank && population > entry.Population))
                {
                    entry.PlaceRank = rank;
                    entry.PlaceCountry = iso ?? entry.PlaceCountry;
                    entry.Population = population;
                }

                if (population >= 100_000 || kind is GazKind.Capital or GazKind.Country or GazKind.State) entry.Kinds |= GazKind.BigCity;
            }

            if (kind == GazKind.Demonym && iso is not null) entry.DemonymCountry ??= iso;
        }

        var maxTokens = byName.Keys.Select(k => k.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).DefaultIfEmpty(0).Max();
        return (byName, maxTokens, names);
    }
}
