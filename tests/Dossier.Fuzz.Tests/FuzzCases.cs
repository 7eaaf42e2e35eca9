using System.Globalization;
using System.Text;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// How many cases each property runs, and the failure message that makes a case reproducible.
/// The counts are fixed so that CI stays fast; set the environment variable <c>DOSSIER_FUZZ_CASES</c>
/// (e.g. <c>DOSSIER_FUZZ_CASES=5000 dotnet test tests/Dossier.Fuzz.Tests</c>) to run that many small cases
/// per property instead, and proportionally more medium ones, for a longer local run. Every case's seed is
/// <c>base seed + case number</c> and is printed, with the start of its input, when a case fails.
/// </summary>
public static class FuzzCases
{
    /// <summary>The environment variable that raises the number of cases.</summary>
    public const string Variable = "DOSSIER_FUZZ_CASES";

    /// <summary>The number of small cases in CI.</summary>
    public const int DefaultSmall = 200;

    /// <summary><paramref name="ciCount"/>, scaled up when <see cref="Variable"/> asks for more than <see cref="DefaultSmall"/> small cases.</summary>
    public static int Count(int ciCount)
    {
        var raw = Environment.GetEnvironmentVariable(Variable);
        if (raw is null || !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) || asked <= DefaultSmall)
        {
            return ciCount;
        }

        return (int)Math.Max(ciCount, (long)ciCount * asked / DefaultSmall);
    }

    /// <summary>The seeds of a property's cases: <paramref name="baseSeed"/> + 0, 1, 2, …</summary>
    public static IEnumerable<ulong> Seeds(ulong baseSeed, int ciCount)
    {
        var count = Count(ciCount);
        for (var i = 0; i < count; i++)
        {
            yield return baseSeed + (ulong)i;
        }
    }

    /// <summary>What to print with a failure: the seed and the start of the input, every unusual character escaped.</summary>
    public static string Describe(ulong seed, string input, int max = 300) =>
        string.Create(CultureInfo.InvariantCulture, $"seed 0x{seed:X} (length {input.Length}): {Escape(input, max)}");

    /// <summary>The start of <paramref name="text"/> in quotes, every character outside printable ASCII as <c>\uXXXX</c>.</summary>
    public static string Escape(string text, int max = 300)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text.AsSpan(0, Math.Min(max, text.Length)))
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        sb.Append(text.Length > max ? "\"…" : "\"");
        return sb.ToString();
    }

    /// <summary>Runs <paramref name="check"/>; any exception, assertion failures included, is rethrown with the case's description.</summary>
    public static void Check(ulong seed, string input, Action check)
    {
        try
        {
            check();
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{Describe(seed, input)}\n{ex}");
        }
    }

    /// <summary>As <see cref="Check"/>, for an asynchronous check.</summary>
    public static async Task CheckAsync(ulong seed, string input, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{Describe(seed, input)}\n{ex}");
        }
    }
}
