using System.Globalization;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Extraction.Coreference;

namespace Dossier.Extraction.Places;

/// <summary>The scores of <see cref="PlaceEvaluator"/>.</summary>
/// <param name="Mentions">Gold name mentions of places the gazetteer has.</param>
/// <param name="Placed">Of those, how many the pipeline gave a place (an entity with a place covers the mention's head word).</param>
/// <param name="CountryRight">Placed in the right country.</param>
/// <param name="ExactRight">Placed at one of the gold gazetteer ids.</param>
/// <param name="MedianKm">Median distance in kilometres between the pipeline's and the gold place, over the placed mentions.</param>
/// <param name="MeanKm">Mean distance, over the placed mentions.</param>
/// <param name="OutsideGazetteer">Gold name mentions of places the gazetteer lacks (landmarks, regions, small towns), not scored.</param>
/// <param name="Rules">How often each rule decided a place entity's record (<see cref="Geocoder.Rules"/>), over every place entity of the documents,
/// and how often each rule of <see cref="PlaceMentionFinder.Rules"/> found a place mention.</param>
/// <param name="Errors">Up to 400 wrong placements: document, mention, gold, system.</param>
public sealed record PlaceScores(string Split, int Documents, int Mentions, int Placed, int CountryRight, int ExactRight, double MedianKm, double MeanKm,
    int OutsideGazetteer, IReadOnlyDictionary<string, int> Rules, IReadOnlyList<string> Errors)
{
    /// <summary>Country right over all scored mentions (a mention left without a place counts as wrong).</summary>
    public double CountryAccuracy => Mentions == 0 ? 0 : (double)CountryRight / Mentions;

    /// <summary>Exact place right over all scored mentions.</summary>
    public double ExactAccuracy => Mentions == 0 ? 0 : (double)ExactRight / Mentions;

    /// <summary>Country right over the mentions given a place.</summary>
    public double CountryAccuracyPlaced => Placed == 0 ? 0 : (double)CountryRight / Placed;

    /// <summary>Exact place right over the mentions given a place.</summary>
    public double ExactAccuracyPlaced => Placed == 0 ? 0 : (double)ExactRight / Placed;
}

/// <summary>
/// Scores geocoding against <c>data/annotations/places/gold.tsv</c>: the place each Wikipedia-linked place entity of the
/// GUM news and voyage documents (splits dev, heldout) and of its academic, bio, court and interview documents (dev2,
/// heldout2) names, and the place each LOC mention of Universal NER's EWT dev documents names (web answers, reviews,
/// e-mail, blogs, newsgroups: dev3, heldout3; <c>tools/places/gold-ewt.mjs</c>). Every proper-name mention of a GUM entity
/// (head word PROPN) and every such LOC mention is scored: the pipeline, run on the document's gold tokens, must give the entity covering the head word a place in the right country,
/// at the right gazetteer id, and near the gold coordinates.
/// </summary>
public static class PlaceEvaluator
{
    /// <summary>The gold file beside the solution: <c>data/annotations/places/gold.tsv</c>.</summary>
    public static string DefaultGoldFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return Path.Combine(dir.FullName, "data", "annotations", "places", "gold.tsv");
        }

        return Path.Combine("data", "annotations", "places", "gold.tsv");
    }

    /// <summary>Scores <paramref name="analyse"/> on the documents of <paramref name="split"/> (dev, heldout, dev2, heldout2, dev3, heldout3 or all).</summary>
    /// <param name="goldFile">The gold file (<see cref="DefaultGoldFile"/>).</param>
    /// <param name="split">dev, heldout, dev2, heldout2, dev3, heldout3 or all.</param>
    /// <param name="gumFolder">The folder of GUM's CoNLL-U files (<c>../shared/data/gum</c>); dev3 and heldout3 read
    /// <c>ud-ewt/en_ewt-ud-dev.conllu</c> and <c>uner/en_ewt-ud-dev.iob2</c> beside it.</param>
    /// <param name="analyse">The pipeline after tokenization, applied to a document with its gold tokens.</param>
    /// <exception cref="DataFileException">The gold file is missing or malformed.</exception>
    /// <exception cref="FileNotFoundException">A document of the gold file is not in <paramref name="gumFolder"/> (or the EWT files beside it).</exception>
    public static PlaceScores Evaluate(string goldFile, string gumFolder, string split, Func<Document, Document> analyse) =>
        Evaluate(goldFile, gumFolder, split, d => d, analyse);

    /// <summary>
    /// Scores the pipeline <paramref name="before"/> then <paramref name="after"/> (split before the places stage, so that the
    /// rules of <see cref="PlaceMentionFinder"/> are counted too) on the documents of <paramref name="split"/>.
    /// </summary>
    /// <param name="goldFile">The gold file (<see cref="DefaultGoldFile"/>).</param>
    /// <param name="gumFolder">The folder of GUM's CoNLL-U files.</param>
    /// <param name="split">dev, heldout, dev2, heldout2, dev3, heldout3 or all.</param>
    /// <param name="before">The stages after tokenization and before the places stage.</param>
    /// <param name="after">The places stage and the stages after it.</param>
    /// <exception cref="DataFileException">The gold file is missing or malformed.</exception>
    /// <exception cref="FileNotFoundException">A document of the gold file is not in <paramref name="gumFolder"/> (or the EWT files beside it).</exception>
    public static PlaceScores Evaluate(string goldFile, string gumFolder, string split, Func<Document, Document> before, Func<Document, Document> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var gold = TsvFile.Read(goldFile, 7)
            .Where(r => split == "all" || r.Columns[0] == split)
            .GroupBy(r => r.Columns[1], StringComparer.Ordinal)
            .ToList();
        var geocoder = new Geocoder(PlaceGazetteer.Default);
        var finder = new PlaceMentionFinder(PlaceGazetteer.Default, PlaceWords.Default);
        var rules = Geocoder.Rules.Concat(PlaceMentionFinder.Rules).ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        var errors = new List<string>();
        int mentions = 0, placed = 0, countryRight = 0, exactRight = 0, outside = 0;
        var distances = new List<double>();
        var ewt = new Lazy<(Dictionary<string, GoldDocument> Documents, IReadOnlyDictionary<string, (List<UnerSpan> Spans, List<string[]> Words)> Uner)>(() => ReadEwt(gumFolder));
        foreach (var doc in gold)
        {
            var path = Path.Combine(gumFolder, doc.Key + ".conllu");
            var byIdentity = doc.ToDictionary(r => r.Columns[2], r => r, StringComparer.Ordinal);
            GoldDocument goldDoc;
            List<(int Head, string Text, TsvRow Row)> scored = [];
            if (File.Exists(path))
            {
                goldDoc = Assert(GumReader.ReadFile(path));
                foreach (var m in goldDoc.Chains.Values.SelectMany(c => c))
                {
                    if (m.Identity is null || !byIdentity.TryGetValue(m.Identity, out var row)) continue;
                    var head = goldDoc.HeadWord(m);
                    if (goldDoc.Words[head].Upos != "PROPN") continue;
                    scored.Add((head, goldDoc.SpanText(m.First, m.End), row));
                }
            }
            else if (doc.First().Columns[0] is "dev3" or "heldout3" && ewt.Value.Documents.TryGetValue(doc.Key, out var ewtDoc))
            {
                // The EWT genres: every LOC mention of Universal NER whose words the gold names is scored, whatever its tag.
                goldDoc = ewtDoc;
                foreach (var span in ewt.Value.Uner[doc.Key].Spans)
                {
                    if (!byIdentity.TryGetValue(span.Key, out var row)) continue;
                    var first = goldDoc.Sentences[span.Sentence].FirstToken;
                    var m = new GoldMention(first + span.First, first + span.End, "place");
                    scored.Add((goldDoc.HeadWord(m), goldDoc.SpanText(m.First, m.End), row));
                }
            }
            else
            {
                throw new FileNotFoundException($"{path}: the GUM document of {goldFile} is missing", path);
            }

            var early = before(goldDoc.ToDocument(File.Exists(path) ? path : doc.Key));
            foreach (var r in finder.Find(early).Rules) rules[r]++;
            var analysed = after(early);
            var decisions = geocoder.Resolve(analysed);
            foreach (var d in decisions) rules[d.Rule]++;

            foreach (var (head, text, row) in scored)
            {
                if (row.Columns[3] == "-")
                {
                    outside++;
                    continue;
                }

                mentions++;
                var word = goldDoc.Words[head];
                var place = PlaceAt(analysed, word.Start, word.End);
                if (place is null)
                {
                    if (errors.Count < MaxErrors)
                    {
                        var covering = EntityAt(analysed, word.Start, word.End);
                        errors.Add($"{doc.Key}\t{text}\tgold {row.Columns[3]} {row.Columns[4]}\tnone ({(covering is null ? "no entity" : covering.Type + " " + covering.Name)})");
                    }

                    continue;
                }

                placed++;
                var ids = row.Columns[3].Split('|');
                // A landmark stands at its place's record: "Tulsa" inside "Tulsa International Airport" placed at Tulsa is right.
                var exact = ids.Contains(place.GazetteerId, StringComparer.Ordinal);
                if (place.CountryCode == row.Columns[4]) countryRight++;
                if (exact) exactRight++;
                var lat = double.Parse(row.Columns[5], CultureInfo.InvariantCulture);
                var lon = double.Parse(row.Columns[6], CultureInfo.InvariantCulture);
                distances.Add(exact ? 0 : Kilometres(lat, lon, place.Latitude, place.Longitude));
                if (!exact && errors.Count < MaxErrors)
                {
                    var by = decisions.FirstOrDefault(d => Equals(d.Result, place) && d.Entity.Mentions.Any(m => m.Start <= word.Start && m.End >= word.End));
                    errors.Add($"{doc.Key}\t{text}\tgold {row.Columns[3]} {row.Columns[4]}\t{place.GazetteerId} {place.Name} {place.CountryCode} {place.FeatureClass} ({(by is null ? "" : by.Entity.Type + " " + by.Entity.Name + ", " + by.Rule + " of " + by.Candidates)})");
                }
            }
        }

        distances.Sort();
        var median = distances.Count == 0 ? 0 : distances[distances.Count / 2];
        var mean = distances.Count == 0 ? 0 : distances.Average();
        return new PlaceScores(split, gold.Count, mentions, placed, countryRight, exactRight, Math.Round(median, 1), Math.Round(mean, 1), outside, rules, errors);
    }

    /// <summary>
    /// The documents of UD EWT's dev file and the LOC mentions Universal NER gives them, from the folders beside
    /// <paramref name="gumFolder"/> (<c>../shared/data/ud-ewt</c>, <c>../shared/data/uner</c>); the words of both must agree.
    /// </summary>
    private static (Dictionary<string, GoldDocument>, IReadOnlyDictionary<string, (List<UnerSpan> Spans, List<string[]> Words)>) ReadEwt(string gumFolder)
    {
        var data = Path.GetDirectoryName(Path.GetFullPath(gumFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        var ewtPath = Path.Combine(data, "ud-ewt", "en_ewt-ud-dev.conllu");
        var unerPath = Path.Combine(data, "uner", "en_ewt-ud-dev.iob2");
        foreach (var p in new[] { ewtPath, unerPath })
        {
            if (!File.Exists(p)) throw new FileNotFoundException($"{p}: the EWT places gold (dev3, heldout3) needs it beside {gumFolder}", p);
        }

        var documents = GumReader.ReadFile(ewtPath).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var uner = UnerLocations.ReadFile(unerPath);
        // UNER was annotated on an earlier EWT release: a few sentences differ in words that no LOC mention holds, so the
        // sentences of each document and the words of each mention must agree, not every word.
        foreach (var (id, (spans, sentences)) in uner)
        {
            if (!documents.TryGetValue(id, out var d) || d.Sentences.Length != sentences.Count
                || spans.Any(s => string.Join('_', Enumerable.Range(d.Sentences[s.Sentence].FirstToken + s.First, s.End - s.First).Select(w => d.Words[w].Form)) != s.Key))
            {
                throw new InvalidDataException($"{unerPath}: document {id} does not match the words of {ewtPath}");
            }
        }

        return (documents, uner);
    }

    private static GoldDocument Assert(IReadOnlyList<GoldDocument> documents) =>
        documents.Count == 1 ? documents[0] : throw new InvalidDataException("expected one document per GUM file");

    private const int MaxErrors = 400;

    private static Entity? EntityAt(Document d, int start, int end) =>
        d.Entities.FirstOrDefault(e => e.Mentions.Any(m => m.Start <= start && m.End >= end));

    /// <summary>The place of the entity whose mention covers [start, end), the shortest such mention first.</summary>
    private static Place? PlaceAt(Document d, int start, int end)
    {
        Place? best = null;
        var bestLength = int.MaxValue;
        foreach (var e in d.Entities)
        {
            if (e.Place is null) continue;
            foreach (var m in e.Mentions)
            {
                if (m.Start <= start && m.End >= end && m.End - m.Start < bestLength)
                {
                    best = e.Place;
                    bestLength = m.End - m.Start;
                }
            }
        }

        return best;
    }

    /// <summary>Great-circle distance in kilometres (haversine, mean earth radius).</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double x) => x * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
