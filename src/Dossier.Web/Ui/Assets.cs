using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>The site's one stylesheet, served from memory (a library has no wwwroot of its own).</summary>
internal static class Assets
{
    public const string CssPath = "/assets/site.css";

    public static IResult Css(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Stylesheet, "text/css; charset=utf-8");
    }

    public const string Stylesheet = """
        :root { --fg: #1d232a; --muted: #5b6672; --line: #d9dee4; --bg: #fbfbfa; --link: #0b5cad;
          --q0: #adb5bd; --q1: #69db7c; --q2: #2b8a3e; --q3: #fd7e14; --q4: #e03131; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        header { background: #1d232a; }
        nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; max-width: 72rem; margin: 0 auto; padding: .6rem 1rem; }
        nav a { color: #e8edf2; text-decoration: none; }
        nav a:hover { text-decoration: underline; }
        nav .brand { font-weight: 700; margin-right: .5rem; }
        nav form.search { margin-left: auto; }
        input, select, button { font: inherit; padding: .25rem .45rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: #e8edf2; cursor: pointer; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        footer { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
        a { color: var(--link); }
        h1 { font-size: 1.6rem; margin: .5rem 0; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
        .meta, .muted { color: var(--muted); font-size: .9rem; }
        ul.list { list-style: none; padding: 0; margin: 0; }
        ul.list > li { padding: .45rem 0; border-bottom: 1px solid var(--line); }
        .hero form { display: flex; gap: .5rem; margin: 1rem 0 1.5rem; }
        .hero input[type=search] { flex: 1; font-size: 1.1rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0 1rem; }
        form.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        form.filters input, form.filters select, form.filters button { height: 2.2rem; font-size: 1rem; }
        .doctext { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; line-height: 1.7; }
        .doctext a { color: inherit; text-decoration: none; }
        mark { border-radius: 3px; padding: 0 .1em; background: #eee; color: inherit; }
        mark[class^="ent-"] { border-bottom: 2px solid #888; }
        .ent-PERSON { background: #dbeafe; } .ent-ORG { background: #fde2c6; } .ent-GPE { background: #d8f3dc; }
        .ent-LOC { background: #e3f6e8; } .ent-FAC { background: #efe3ff; } .ent-NORP { background: #fff3bf; }
        .ent-EVENT, .ent-LAW, .ent-PRODUCT { background: #f1e7dd; }
        mark[class^="time-"] { background: #e0f7fa; } mark[class^="val-"] { background: #fce4ec; }
        mark[class^="evt"] { background: none; text-decoration: underline 2px #c2410c; text-underline-offset: 3px; }
        .legend mark { margin-right: .4rem; font-size: .85rem; }
        .tag { display: inline-block; font-size: .75rem; padding: 0 .35rem; border-radius: 3px; background: #e8edf2; color: #33404d; margin-right: .25rem; }
        a.tag { text-decoration: none; color: var(--link); } a.tag:hover { text-decoration: underline; }
        table.facts th { width: 9rem; }
        .status-planned { background: #fff3bf; } .status-alleged { background: #ede4f7; } .status-occurred { background: #d8f3dc; } .status-negated, .status-refused { background: #fde2e1; } .status-postponed { background: #ffe5cc; } .status-cancelled { background: #e2e2e2; text-decoration: line-through; }
        blockquote { margin: .25rem 0 0; padding-left: .75rem; border-left: 3px solid var(--line); color: #33404d; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .pager { margin: 1rem 0; }
        svg.network { width: 100%; height: auto; max-height: 80vh; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
        svg.network text { font-size: 11px; fill: #1d232a; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        svg.network circle { fill: #0b5cad; stroke: #fff; stroke-width: 1.5; }
        svg.network g.node a:hover circle, svg.network g.node a:focus circle { fill: #c2410c; }
        svg.network.interactive { cursor: grab; touch-action: none; user-select: none; -webkit-user-select: none; }
        svg.network.interactive g.node { cursor: pointer; }
        svg.network.panning, svg.network.dragging, svg.network.dragging g.node { cursor: grabbing; }
        .q0 { --q: var(--q0); } .q1 { --q: var(--q1); } .q2 { --q: var(--q2); } .q3 { --q: var(--q3); } .q4 { --q: var(--q4); }
        svg.network line { stroke: var(--q, var(--q0)); stroke-linecap: round; stroke-opacity: .85; }
        svg.network marker path { fill: var(--q, var(--q0)); }
        .swatch { display: inline-block; width: 1.6em; height: .4em; border-radius: 2px; vertical-align: middle; margin-right: .4rem; background: var(--q, var(--q0)); }
        ul.network-legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: .5rem 0; font-size: .9rem; }
        .network-tools { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
        .network-tools button { min-width: 2.2rem; }
        """;
}
