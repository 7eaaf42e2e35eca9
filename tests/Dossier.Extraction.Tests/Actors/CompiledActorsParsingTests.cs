using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Tests.Actors;

/// <summary>
/// The span-based reading of the compiled actors file and <see cref="ActorText.Normalize"/> without a string builder
/// (issue 15, cold start; docs/evaluation.md, speed8) give what the former string-splitting code gave, which is kept
/// here as the reference.
/// </summary>
public sealed class CompiledActorsParsingTests
{
    [Fact]
    public void TryParseCompiledActor_EveryShippedActorLine_EqualsTheStringSplittingParse()
    {
        var lines = ShippedLines().Where(l => l.StartsWith("A\t", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count > 20000, $"{lines.Count} actor lines");
        foreach (var line in lines)
        {
            AssertSameAsReference(line);
        }
    }

    [Theory]
    [InlineData("A\tP\tJane Example\t\tXXAGOV")]
    [InlineData("A\tU\tSome Body\t|One||Two|\tXXAGOV;;XXAELI@2001-02-03")]
    [InlineData("A\tP\tJane Example\tJ Example\tXXAGOV@1990-01-01~2000-01-01~junk;XXAELI@~2004-02-29")]
    [InlineData("A\tP\tJane Example\tJ Example\tXXAGOV@1990-13-01~not a date;XXA@2001-2-3")]
    [InlineData("A\tP\tJane Example\t\t;;")]
    [InlineData("A\tP\tJane Example\t\t")]
    [InlineData("A\tX\tSix Columns\tA|B\tXXAGOV\textra\tmore")]
    public void TryParseCompiledActor_UnusualLine_EqualsTheStringSplittingParse(string line)
    {
        AssertSameAsReference(line);
    }

    [Fact]
    public void TryParseCompiledActor_FourColumns_IsNotWellFormed()
    {
        Assert.False(ActorKnowledgeBase.TryParseCompiledActor("A\tP\tJane Example\tXXAGOV", out var actor, out var wellFormed));
        Assert.Null(actor);
        Assert.False(wellFormed);
    }

    [Fact]
    public void Load_ActorLineWithTooFewColumns_ThrowsNamingTheLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-actors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var name in ActorKnowledgeBase.FileNames)
            {
                File.Copy(Path.Combine(ActorKnowledgeBase.DefaultDirectory, name), Path.Combine(folder, name));
            }

            WriteGzip(Path.Combine(folder, ActorKnowledgeBase.CompiledFileName), "#dossier-actors\t1\n\nA\tP\tJane Example\t\tXXAGOV\nA\tP\tBroken\tXXAGOV");
            var e = Assert.Throws<ActorKnowledgeBaseLoadException>(() => ActorKnowledgeBase.Load(folder));
            Assert.Contains("line 4 is not a knowledge-base record", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Load_FileWithByteOrderMarkAndNoFinalNewline_ReadsTheLastActor()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-actors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var name in ActorKnowledgeBase.FileNames)
            {
                File.Copy(Path.Combine(ActorKnowledgeBase.DefaultDirectory, name), Path.Combine(folder, name));
            }

            WriteGzip(Path.Combine(folder, ActorKnowledgeBase.CompiledFileName), "\uFEFF#dossier-actors\t1\nA\tP\tZebulon Quarterfield\tZ Quarterfield\tXXAGOV@2001-01-01");
            var actor = ActorKnowledgeBase.Load(folder).FindActor("z quarterfield");
            Assert.Equal("Zebulon Quarterfield", actor?.Name);
            Assert.Equal(new DateOnly(2001, 1, 1), actor?.Codes.Single().From);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("The U.S.")]
    [InlineData("WHITE_HOUSE_")]
    [InlineData("  Jean-Yves   Le\u00A0Drian ")]
    [InlineData("the")]
    [InlineData("The  the Hague")]
    [InlineData("O\u2019Brien \u2013 Smith`s")]
    [InlineData("e\u0301lyse\u0301e")]
    [InlineData("...")]
    [InlineData("")]
    [InlineData("already normal")]
    public void Normalize_Name_EqualsTheStringBuilderForm(string name)
    {
        Assert.Equal(ReferenceNormalize(name), ActorText.Normalize(name));
    }

    [Fact]
    public void Normalize_NameLongerThanTheStackBuffer_EqualsTheStringBuilderForm()
    {
        var name = string.Concat(Enumerable.Repeat("The Very. LONG_Name  ", 40));
        Assert.Equal(ReferenceNormalize(name), ActorText.Normalize(name));
    }

    [Fact]
    public void Normalize_EveryShippedNameAndAlias_EqualsTheStringBuilderForm()
    {
        var names = 0;
        foreach (var line in ShippedLines().Where(l => l.StartsWith("A\t", StringComparison.Ordinal)))
        {
            var cols = line.Split('\t');
            foreach (var name in cols[3].Split('|').Prepend(cols[2]))
            {
                Assert.Equal(ReferenceNormalize(name), ActorText.Normalize(name));
                names++;
            }
        }

        Assert.True(names > 25000, $"{names} names");
    }

    private static void AssertSameAsReference(string line)
    {
        var expected = ReferenceParse(line, out var expectedWellFormed);
        var parsed = ActorKnowledgeBase.TryParseCompiledActor(line, out var actor, out var wellFormed);
        Assert.Equal(expectedWellFormed, wellFormed);
        Assert.Equal(expected is not null, parsed);
        if (expected is null) return;
        Assert.Equal(expected.Name, actor!.Name);
        Assert.Equal(expected.Kind, actor.Kind);
        Assert.Equal(expected.Aliases.ToArray(), actor.Aliases.ToArray());
        Assert.False(actor.Aliases.IsDefault);
        Assert.Equal(expected.Codes.ToArray(), actor.Codes.ToArray()); // DatedCode is a record: code, dates and title compared
    }

    /// <summary>The parse of an actor line before speed8: <c>string.Split</c> on tabs, bars, semicolons and tildes.</summary>
    private static KnownActor? ReferenceParse(string line, out bool wellFormed)
    {
        var cols = line.Split('\t');
        wellFormed = cols.Length >= 5;
        if (!wellFormed) return null;
        var kind = cols[1] == "P" ? ActorKind.Person : ActorKind.Unknown;
        var builder = ImmutableArray.CreateBuilder<DatedCode>();
        foreach (var part in cols[4].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = part.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                builder.Add(new DatedCode(part, null, null));
                continue;
            }

            var range = part[(at + 1)..].Split('~');
            builder.Add(new DatedCode(part[..at], ReferenceDate(range[0]), range.Length > 1 ? ReferenceDate(range[1]) : null));
        }

        var codes = builder.ToImmutable();
        if (codes.IsDefaultOrEmpty) return null;
        return new KnownActor(cols[2], kind, cols[3].Split('|', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray(), codes);
    }

    private static DateOnly? ReferenceDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary><see cref="ActorText.Normalize"/> before speed8, with a string builder.</summary>
    private static string ReferenceNormalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var raw in name.Normalize(NormalizationForm.FormC))
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' => '-',
                _ => raw,
            };
            if (c == '.') continue;
            if (c == '_' || char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var result = builder.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result;
    }

    private static string[] ShippedLines()
    {
        using var file = File.OpenRead(Path.Combine(ActorKnowledgeBase.DefaultDirectory, ActorKnowledgeBase.CompiledFileName));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n');
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var bytes = Encoding.UTF8.GetBytes(text); // a BOM in the text stays a BOM in the bytes
        gzip.Write(bytes);
    }
}
