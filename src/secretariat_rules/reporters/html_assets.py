"""The HTML page's inline style sheet and script (:mod:`.html` has the markup).

The layout is responsive: at most 40rem wide (a phone) every table reflows into cards
(rows as blocks, each cell labelled by its ``data-label`` or, in the matrix, its
``data-rule``); up to 84rem the region × rule matrix scrolls inside its own focusable
box with the region column sticky; wider, it fits. Long ids and paths wrap anywhere, so
the page itself never scrolls sideways. Colours meet WCAG 2.1 AA contrast (4.5:1 for
text, badges included); focus is always visible. The script only adds the filters and
opens the drill-down a link points into: without it everything is shown.
"""

from __future__ import annotations


def _cards(table: str) -> str:
    """CSS that reflows ``table`` into cards: rows and cells as blocks, cells labelled."""
    rows = f"{table}>tbody>tr,{table}>tfoot>tr"
    cells = f"{table}>tbody>tr>*,{table}>tfoot>tr>*"
    return (
        f"{table},{table}>tbody,{table}>tfoot,{rows},{cells}{{display:block;width:auto}}\n"
        f"{table}{{table-layout:auto;border:0}}\n"
        f"{table}>thead{{position:absolute;width:1px;height:1px;overflow:hidden;"
        "clip:rect(0 0 0 0)}\n"
        f"{rows}{{border:1px solid var(--line);border-radius:4px;margin:.5rem 0;"
        "padding:.35rem .6rem}\n"
        f"{cells}{{border:0;padding:.12rem 0;text-align:left}}\n"
        f'{table} [data-label]::before{{content:attr(data-label) ": ";font-weight:600}}'
    )


CSS = (
    """
:root{--fg:#1b1b1b;--muted:#595959;--line:#c8c8c8;--error:#b00020;--warning:#7a4f00;
--info:#0b5cad;--pass:#d6efd6;--fail:#f6cccc;--waived:#fbe7b5;--off:#e6e6e6;--na:#f3f3f3;
--focus:#0b5cad;--head:#f2f2f2}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);
margin:0 auto;padding:1rem 1.5rem;max-width:1400px;background:#fff;overflow-wrap:break-word}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}h4{font-size:1rem;margin:1rem 0 .3rem}
h2 code,h3 code{font-size:.8em;font-weight:400;color:var(--muted)}
.lead{font-size:1.05rem;color:var(--muted)}.note,.legend{color:var(--muted);font-size:.85rem}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em;
overflow-wrap:anywhere}
a{color:#0a4f99}
a:focus-visible,summary:focus-visible,input:focus-visible,select:focus-visible,
[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
[hidden]{display:none!important}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:.5rem;top:-4rem;z-index:3;background:#fff;padding:.4rem .7rem;
border:2px solid var(--focus)}
.skip:focus{top:.5rem}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;list-style:none;padding:0;margin:.4rem 0}
table{border-collapse:collapse;margin:.4rem 0}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top;
overflow-wrap:break-word}
thead th{background:var(--head)}.num{text-align:right;white-space:nowrap}
.filters{position:sticky;top:0;z-index:2;background:#fafafa;border:1px solid var(--line);
padding:.4rem .7rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .6rem;
align-items:center}
.filters legend{float:left;margin-right:.4rem;font-weight:600}
.filters select{max-width:100%;font:inherit}
.filters label{max-width:100%}
.badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.8rem;font-weight:600;
color:#fff;white-space:nowrap}
.badge.sev-error{background:var(--error)}.badge.sev-warning{background:var(--warning)}
.badge.sev-info{background:var(--info)}
.badge.new{background:#fff;color:#004f8a;border:1px solid currentColor;margin-left:.25rem}
tr.waived{background:#fdf6e3}
tr.waived .badge{background:#fff;border:1px solid currentColor}
tr.waived .badge.sev-error{color:var(--error)}tr.waived .badge.sev-warning{color:var(--warning)}
tr.waived .badge.sev-info{color:var(--info)}
.summary{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0}
.summary .sev-error strong{color:var(--error)}.summary .sev-warning strong{color:var(--warning)}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 .8rem;margin:.3rem 0}
.facts dt{font-weight:600}.facts dd{margin:0;min-width:0}
.facts .full{grid-column:1/3;color:var(--muted)}
table.findings,table.register,table.regions,table.sources{width:100%}
section.sources caption{position:absolute;width:1px;height:1px;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap}
table.findings{table-layout:fixed}
table.findings col.severity{width:7.5rem}table.findings col.rule{width:19%}
table.findings col.subject{width:18%}
table.findings>tbody>tr>th{font-weight:400}
details>summary{cursor:pointer}
dl.evidence{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem .8rem;
margin:.4rem 0}
dl.evidence dt{font-weight:600}dl.evidence dd{margin:0;min-width:0}
dl.evidence ul{margin:0;padding-left:1rem}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid var(--line);font-style:italic}
.scroll{overflow-x:auto;max-width:100%}
table.matrix{font-size:.8rem}
table.matrix th.rule{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
padding:.35rem .1rem;font-weight:600}
table.matrix td.cell{text-align:center;width:1.5rem;padding:.15rem .1rem}
table.matrix thead th{overflow-wrap:normal}
table.matrix tbody th,table.matrix tfoot th{position:sticky;left:0;z-index:1;background:#fff;
min-width:8rem;max-width:10.5rem}
table.matrix th.corner{position:sticky;left:0;z-index:1}
table.matrix td.compliance{background:#fff}
td.cell.passed{background:var(--pass)}td.cell.failed{background:var(--fail);font-weight:700}
td.cell.waived{background:var(--waived)}td.cell.disabled{background:var(--off);color:var(--muted)}
td.cell.not_applicable{background:var(--na);color:var(--muted)}
td.cell.absent{background:repeating-linear-gradient(45deg,#fff,#fff 3px,#f0f0f0 3px,#f0f0f0 6px)}
td.cell.broken{background:var(--fail);text-align:left}
td.cell a{color:inherit;text-decoration:none;display:block}
td.cell a:focus-visible{outline-offset:-2px}
tr.status-broken th,tr.status-crashed th{color:var(--error)}
pre.message{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0;font-size:.85rem}
.region-block{margin-top:1.2rem;border-top:1px solid var(--line)}
details.result>summary{font-weight:600;margin:.4rem 0}
table.register td:last-child{color:var(--muted);font-size:.9rem}
table.register th[rowspan]{width:22%;font-weight:400}
table.register td:nth-last-child(3){width:18%}
table.matrix small.dir{display:block;font-weight:400;color:var(--muted);font-size:.72rem}
table.matrix td.share{font-size:.7rem;padding:.15rem 0;text-align:center}
@media (max-width:84rem){
table.matrix td.cell{width:auto;min-width:1.6rem}
}
@media (max-width:64rem){
dl.evidence{grid-template-columns:minmax(0,1fr);gap:0}dl.evidence dd{margin-bottom:.3rem}
}
@media (max-width:48rem){
"""
    + _cards("table.findings")
    + "\n"
    + _cards("table.regions")
    + "\n"
    + _cards("table.sources")
    + """
table.findings>tbody>tr>td:first-child{display:inline-block;margin-right:.4rem}
table.findings>tbody>tr>th{display:inline}
}
@media (max-width:40rem){
body{padding:.5rem .75rem}
h1{font-size:1.35rem}h2{font-size:1.2rem}
.filters{position:static;gap:.3rem .8rem}
.facts{grid-template-columns:minmax(0,1fr)}.facts .full{grid-column:1}
"""
    + _cards("table.cards")
    + """
table.register th[rowspan]{width:auto;font-weight:600}
table.register>tbody>tr.same-rule{margin-top:-.6rem;border-top-style:dashed;
border-radius:0 0 4px 4px}
.matrix-box{overflow:visible}
table.matrix{font-size:.85rem}
table.matrix>tbody>tr,table.matrix>tfoot>tr{display:flex;flex-wrap:wrap;gap:.25rem}
table.matrix>tbody>tr>th,table.matrix>tfoot>tr>th{position:static;max-width:none;flex:0 0 100%;
font-size:1rem}
table.matrix td.compliance{order:-1;flex:0 0 100%;padding:0 0 .2rem}
table.matrix>tbody>tr>th{order:-2}
table.matrix>tbody>tr>td.cell,table.matrix>tfoot>tr>td.share{display:inline-block;
width:6.2rem;margin:0;padding:.1rem .3rem;white-space:nowrap;border:1px solid var(--line);
text-align:left;font-size:.85rem}
table.matrix td.cell::before,table.matrix td.share::before{content:attr(data-rule) " ";
font-weight:400}
table.matrix td.cell a{display:inline}
table.matrix>tbody>tr>td.cell.absent,table.matrix>tfoot>tr>td:empty{display:none}
table.matrix>tbody>tr>td.cell.broken{display:block;width:auto}
}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:10pt;max-width:none;padding:0}
.filters,.skip,nav.toc{display:none}
.scroll{overflow:visible}
a{color:inherit;text-decoration:none}
h2,h3,h4{break-after:avoid}
tr{break-inside:avoid}
table.matrix{font-size:7pt}
table.matrix td.cell{min-width:0;padding:0 .1rem}table.matrix th.rule{padding:.2rem 0}
table.matrix tbody th,table.matrix tfoot th{position:static}
table.matrix small.dir{font-size:6pt}table.matrix td.share{font-size:5.5pt;padding:0}
details>summary{list-style:none}
}
"""
)
"""The page's style sheet, inline (no external assets)."""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  function apply() {
    if (!form) { return; }
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      severities[box.value] = box.checked;
    });
    var section = form.elements.section.value;
    var region = form.elements.region.value;
    var shown = 0, total = 0;
    document.querySelectorAll("tr.finding").forEach(function (row) {
      total += 1;
      var visible = severities[row.dataset.severity] !== false &&
        (!section || row.dataset.section === section) &&
        (!region || row.dataset.region === region);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll(".section-group").forEach(function (group) {
      group.hidden = !group.querySelector("tr.finding:not([hidden])");
    });
    document.querySelectorAll(".region-block, table.matrix tbody tr, table.regions tbody tr, " +
        "section.tailoring").forEach(function (el) {
      el.hidden = Boolean(region) && el.dataset.region !== region;
    });
    document.querySelectorAll("table.matrix [data-section]").forEach(function (el) {
      el.hidden = Boolean(section) && el.dataset.section !== section;
    });
    var out = document.getElementById("shown");
    if (out) {
      out.textContent = out.dataset.template.replace("{shown}", shown).replace("{total}", total);
    }
  }
  if (form) {
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
"""
"""The page's script, inline: filters, opening linked and printed drill-downs."""
