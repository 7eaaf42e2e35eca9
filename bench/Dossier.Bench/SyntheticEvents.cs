namespace Dossier.Bench;

/// <summary>
/// GDELT-like synthetic event mentions for scale tests: actors and countries drawn with Zipf skew (a few dominate, long
/// tails), each actor based in one country, events over six years with a rising trend, one to several mentions per
/// event, CAMEO root codes 01–20 with their quad classes, a little sport. Deterministic for a seed. Codes and names are
/// synthetic (country "C017", actor 1000017): nothing here is real data.
/// </summary>
internal sealed class SyntheticEvents
{
    public const int Actors = 50_000;
    public const int Countries = 200;
    public const int Months = 72;
    public static readonly DateOnly FirstDay = new(2015, 1, 1);

    private const long ActorIdBase = 1_000_000;
    private readonly int _seed;
    private readonly int[] _actorCountry;
    private readonly double[] _actorCumulative;
    private readonly double[] _countryCumulative;

    public SyntheticEvents(int seed)
    {
        _seed = seed;
        var random = new Random(seed);
        _countryCumulative = Zipf(Countries, 1.2);
        _actorCumulative = Zipf(Actors, 1.05);
        _actorCountry = new int[Actors];
        for (var i = 0; i < Actors; i++)
        {
            _actorCountry[i] = Draw(_countryCumulative, random.NextDouble());
        }
    }

    /// <summary>One event mention (its document id and event id are derived from <see cref="DocKey"/> and
    /// <see cref="EventNumber"/>, so that generating a row allocates nothing).</summary>
    public readonly record struct Mention(
        long DocKey, int EventNumber, long CorpusEventId, string Type, int QuadClass, double Goldstein,
        DateOnly Day, string Country, double Confidence, string Domain, long Source, long Target)
    {
        /// <summary>The document id: the key in 16 hex digits.</summary>
        public string DocumentId => DocKey.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The event id within the document: e1 to e5.</summary>
        public string EventId => EventIds[EventNumber - 1];
    }

    private static readonly string[] EventIds = ["e1", "e2", "e3", "e4", "e5"];
    private static readonly string[] Types = [.. Enumerable.Range(0, 21).Select(r => r.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly byte[][] Cameos = [.. Types.Select(t => System.Text.Encoding.ASCII.GetBytes(t + "0"))];
    private readonly string[] _countryCodes = [.. Enumerable.Range(0, Countries).Select(r => "C" + r.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The id of the actor of rank <paramref name="rank"/> (0: the busiest).</summary>
    public long ActorId(int rank) => ActorIdBase + rank;

    /// <summary>The code of the country of rank <paramref name="rank"/> (0: the busiest).</summary>
    public string CountryCode(int rank) => _countryCodes[rank];

    /// <summary><paramref name="count"/> mentions, the same for the same seed.</summary>
    public IEnumerable<Mention> Rows(long count)
    {
        var random = new Random(_seed + 1);
        var days = FirstDay.AddMonths(Months).DayNumber - FirstDay.DayNumber;
        long corpusEvent = 0, docKey = 0;
        var left = 0;
        Mention template = default;
        for (long i = 0; i < count; i++)
        {
            if (i % 5 == 0)
            {
                docKey++;
            }

            if (left == 0)
            {
                corpusEvent++;
                // Mentions per event: 1 plus a geometric tail (mean about 2).
                left = 1;
                while (random.NextDouble() < 0.5 && left < 50)
                {
                    left++;
                }

                var source = Draw(_actorCumulative, random.NextDouble());
                var target = Draw(_actorCumulative, random.NextDouble());
                if (target == source)
                {
                    target = (target + 1) % Actors;
                }

                var root = 1 + (int)Math.Min(19, Math.Floor(20 * Math.Pow(random.NextDouble(), 1.6)));
                var quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
                // A rising trend: later days are likelier (density grows linearly).
                var day = FirstDay.AddDays((int)(days * Math.Sqrt(random.NextDouble())));
                var country = random.NextDouble() < 0.7 ? _actorCountry[source] : _actorCountry[target];
                template = new Mention(0, 0, corpusEvent, Types[root], quad,
                    (10.0 - root) - (quad >= 3 ? 6 : 0), day, CountryCode(country), 0, random.NextDouble() < 0.05 ? "sport" : "",
                    ActorIdBase + source, ActorIdBase + target);
            }

            left--;
            yield return template with
            {
                DocKey = docKey,
                EventNumber = (int)(i % 5) + 1,
                Confidence = Math.Round(0.3 + 0.7 * random.NextDouble(), 2),
            };
        }
    }

    /// <summary>A row for <c>AnalyticsSchema.MentionColumns</c>, as the driver's Distributed-table insert takes it.</summary>
    public static object[] ClickHouseRow(Mention m) =>
    [
        (ulong)m.DocKey, m.DocumentId, m.EventId, (ulong)m.CorpusEventId, m.Type, m.Type + "0", (byte)m.QuadClass, (float)m.Goldstein, "occurred",
        m.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), (byte)0, m.Country, (float)m.Confidence, m.Domain,
        new[] { (ulong)m.Source }, new[] { "" }, new[] { (ulong)m.Target }, new[] { "" },
    ];

    private static readonly byte[] Occurred = System.Text.Encoding.ASCII.GetBytes("occurred");

    /// <summary>The document id's UTF-8 bytes (16 hex digits) and their <c>cityHash64</c>: the shard key of
    /// <c>event_mentions</c>, computed once per document (mentions come in document order).</summary>
    public sealed class ShardKeys
    {
        private long _docKey = -1;
        private ulong _hash;

        /// <summary><c>cityHash64(document_id)</c> of a mention.</summary>
        public ulong Of(in Mention m)
        {
            if (m.DocKey != _docKey)
            {
                Span<byte> id = stackalloc byte[16];
                Hex(m.DocKey, id);
                _hash = Dossier.Analytics.CityHash.Hash64(id);
                _docKey = m.DocKey;
            }

            return _hash;
        }
    }

    /// <summary>Writes a mention as a RowBinary row of <c>AnalyticsSchema.MentionColumns</c> without allocating.</summary>
    public static void Write(Mention m, Dossier.Analytics.RowBinaryWriter w)
    {
        w.UInt64((ulong)m.DocKey);
        var id = w.Reserve(17);
        id[0] = 16;
        Hex(m.DocKey, id[1..]);
        w.String(m.EventId);
        w.UInt64((ulong)m.CorpusEventId);
        w.String(m.Type);
        w.String(Cameos[((m.Type[0] - '0') * 10) + (m.Type[1] - '0')]);
        w.UInt8((byte)m.QuadClass);
        w.Float32((float)m.Goldstein);
        w.String(Occurred);
        w.Date(m.Day);
        w.UInt8(0);
        w.String(m.Country);
        w.Float32((float)m.Confidence);
        w.String(m.Domain);
        w.VarUInt(1);
        w.UInt64((ulong)m.Source);
        w.VarUInt(1);
        w.UInt8(0);
        w.VarUInt(1);
        w.UInt64((ulong)m.Target);
        w.VarUInt(1);
        w.UInt8(0);
    }

    private static void Hex(long value, Span<byte> into)
    {
        const string digits = "0123456789abcdef";
        for (var i = 15; i >= 0; i--)
        {
            into[i] = (byte)digits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    private static double[] Zipf(int n, double exponent)
    {
        var cumulative = new double[n];
        double total = 0;
        for (var k = 0; k < n; k++)
        {
            total += 1 / Math.Pow(k + 1, exponent);
            cumulative[k] = total;
        }

        for (var k = 0; k < n; k++)
        {
            cumulative[k] /= total;
        }

        return cumulative;
    }

    private static int Draw(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
