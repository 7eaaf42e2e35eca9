using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>
/// The network page's one script, served from memory like <see cref="Assets.Css"/>: drag and zoom for the SVG that
/// <see cref="NetworkSvg"/> writes. Plain JavaScript, no library; loaded from this origin only, as the
/// Content-Security-Policy (<c>script-src 'self'</c>) demands, and it uses neither inline handlers nor eval.
/// </summary>
/// <remarks>
/// The wheel zooms the view box about the pointer; dragging the background pans; dragging a node moves it, its label and
/// its lines; a click without a drag still follows the node's link. Buttons (added by the script, so that they appear only
/// when it runs) zoom about the centre and put the view and the nodes back where the server drew them.
/// </remarks>
internal static class NetworkScript
{
    public const string Path = "/assets/network.js";

    /// <summary>The tag that loads it; the network page writes it, no other page does.</summary>
    public const string Tag = "<script src=\"" + Path + "\" defer></script>";

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Source, "text/javascript; charset=utf-8");
    }

    public const string Source = """
        // Dossier network view: wheel zooms about the pointer, dragging the background pans, dragging a node moves it.
        (() => {
          'use strict';
          const svg = document.querySelector('svg.network');
          if (!svg || !svg.viewBox || !svg.viewBox.baseVal || typeof svg.getScreenCTM !== 'function') {
            return;
          }

          const DRAG_THRESHOLD = 4; // CSS pixels a pointer must move before a press becomes a drag
          const homeBox = svg.getAttribute('viewBox');
          const home = view();
          const round = (value) => Math.round(value * 10) / 10;
          const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

          // Nodes by number, each with where the server put it and the lines that start or end there.
          const nodes = [];
          for (const element of svg.querySelectorAll('g[data-node]')) {
            const transform = element.transform.baseVal.consolidate();
            const x = transform ? transform.matrix.e : 0;
            const y = transform ? transform.matrix.f : 0;
            nodes[Number(element.dataset.node)] = { element, x, y, homeX: x, homeY: y, starts: [], ends: [] };
          }
          for (const line of svg.querySelectorAll('line[data-from][data-to]')) {
            const from = nodes[Number(line.dataset.from)];
            const to = nodes[Number(line.dataset.to)];
            if (from) { from.starts.push(line); }
            if (to) { to.ends.push(line); }
          }

          function view() {
            const box = svg.viewBox.baseVal;
            return { x: box.x, y: box.y, width: box.width, height: box.height };
          }

          function setView(x, y, width, height) {
            svg.setAttribute('viewBox', [x, y, width, height].map(round).join(' '));
          }

          function moveNode(node, x, y) {
            node.x = x;
            node.y = y;
            node.element.setAttribute('transform', 'translate(' + round(x) + ' ' + round(y) + ')');
            for (const line of node.starts) {
              line.setAttribute('x1', round(x));
              line.setAttribute('y1', round(y));
            }
            for (const line of node.ends) {
              line.setAttribute('x2', round(x));
              line.setAttribute('y2', round(y));
            }
          }

          // Zooms by factor (below 1: in) keeping the view-box point (px, py) where it is on the screen.
          function zoom(factor, px, py) {
            const current = view();
            const width = clamp(current.width * factor, home.width / 10, home.width * 4);
            const k = width / current.width;
            setView(px - (px - current.x) * k, py - (py - current.y) * k, width, current.height * k);
          }

          function zoomCentre(factor) {
            const current = view();
            zoom(factor, current.x + current.width / 2, current.y + current.height / 2);
          }

          function reset() {
            svg.setAttribute('viewBox', homeBox);
            for (const node of nodes) {
              if (node) { moveNode(node, node.homeX, node.homeY); }
            }
          }

          svg.addEventListener('wheel', (event) => {
            const matrix = svg.getScreenCTM();
            if (!matrix) { return; }
            event.preventDefault();
            const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
            const delta = clamp(event.deltaY * unit, -250, 250);
            const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
            zoom(Math.exp(delta * 0.0015), point.x, point.y);
          }, { passive: false });

          let press = null;         // the pointer pressed on the graph: where, on what, and whether it has moved
          let swallowClick = false; // a drag just ended: the click that follows it must not open a link

          svg.addEventListener('pointerdown', (event) => {
            if (press || !event.isPrimary || event.button !== 0) { return; }
            const matrix = svg.getScreenCTM();
            if (!matrix) { return; }
            swallowClick = false;
            const target = event.target instanceof Element ? event.target.closest('g[data-node]') : null;
            const node = target ? nodes[Number(target.dataset.node)] : undefined;
            press = {
              id: event.pointerId, clientX: event.clientX, clientY: event.clientY, scale: matrix.a || 1,
              node, nodeX: node ? node.x : 0, nodeY: node ? node.y : 0, view: view(), dragging: false,
            };
          });

          svg.addEventListener('pointermove', (event) => {
            if (!press || event.pointerId !== press.id) { return; }
            const dx = event.clientX - press.clientX;
            const dy = event.clientY - press.clientY;
            if (!press.dragging) {
              if (Math.hypot(dx, dy) < DRAG_THRESHOLD) { return; }
              press.dragging = true;
              svg.setPointerCapture(event.pointerId);
              svg.classList.add(press.node ? 'dragging' : 'panning');
            }
            event.preventDefault();
            const ux = dx / press.scale;
            const uy = dy / press.scale;
            if (press.node) {
              moveNode(press.node, press.nodeX + ux, press.nodeY + uy);
            } else {
              setView(press.view.x - ux, press.view.y - uy, press.view.width, press.view.height);
            }
          });

          const release = (event) => {
            if (!press || event.pointerId !== press.id) { return; }
            swallowClick = press.dragging;
            press = null;
            svg.classList.remove('dragging', 'panning');
          };
          svg.addEventListener('pointerup', release);
          svg.addEventListener('pointercancel', release);
          svg.addEventListener('click', (event) => {
            if (swallowClick) {
              swallowClick = false;
              event.preventDefault();
              event.stopPropagation();
            }
          }, true);
          // Links and labels must not start the browser's own drag and drop.
          svg.addEventListener('dragstart', (event) => event.preventDefault());

          const tools = document.createElement('div');
          tools.className = 'network-tools';
          const button = (text, label, action) => {
            const element = document.createElement('button');
            element.type = 'button';
            element.textContent = text;
            if (label) {
              element.title = label;
              element.setAttribute('aria-label', label);
            }
            element.addEventListener('click', action);
            tools.append(element);
          };
          button('+', 'Zoom in', () => zoomCentre(1 / 1.25));
          button('\u2212', 'Zoom out', () => zoomCentre(1.25));
          button('Reset view', null, reset);
          const hint = document.createElement('span');
          hint.className = 'muted';
          hint.textContent = 'Wheel: zoom. Drag the background: pan. Drag an actor: move it. Click an actor: open it.';
          tools.append(hint);
          svg.before(tools);
          svg.classList.add('interactive');
        })();
        """;
}
