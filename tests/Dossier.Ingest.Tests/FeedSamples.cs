namespace Dossier.Ingest.Tests;

internal static class FeedSamples
{
    public const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>World News</title>
            <link>https://news.example.com/</link>
            <description>Latest stories</description>
            <item>
              <title>Talks resume in Geneva</title>
              <link>https://news.example.com/2025/10/talks</link>
              <pubDate>Fri, 17 Oct 2025 23:30:00 -0500</pubDate>
              <description>Short summary that should not be used.</description>
              <content:encoded><![CDATA[<p>Diplomats from both sides met in <b>Geneva</b> on Thursday.</p><p>The talks will continue next week.</p>]]></content:encoded>
            </item>
            <item>
              <title>Markets rally after rate cut</title>
              <link>https://news.example.com/2025/10/markets</link>
              <pubDate>Thu, 16 Oct 2025 08:00:00 GMT</pubDate>
              <description>&lt;p&gt;Stocks rose sharply &amp;amp; bonds fell after the central bank cut rates.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Regional News</title>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <updated>2025-10-18T12:00:00Z</updated>
          <entry>
            <title>Storm closes schools</title>
            <link href="https://regional.example.org/storm"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <published>2025-10-18T06:15:00+02:00</published>
            <updated>2025-10-18T09:00:00+02:00</updated>
            <content type="html">&lt;p&gt;Heavy rain and high winds closed schools across the region on Saturday.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Court hears appeal</title>
            <link href="https://regional.example.org/appeal"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
            <published>2025-10-17T15:00:00Z</published>
            <summary>The appeal court heard arguments from both parties on Friday.</summary>
          </entry>
        </feed>
        """;
}
