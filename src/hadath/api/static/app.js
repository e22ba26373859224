// hadath dashboard: vanilla JavaScript over the HTTP API (/v1/...). No libraries, nothing from outside the server.
// Every text from the data is inserted as text (textContent), never as HTML.
"use strict";

(() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PAGE = 100; // events per page of the table by default (?limit=N in the URL: up to 500)
  // Filters kept in the URL (?country=JOR&type=CONSULT&sort=-mentions&offset=100 ...): a shared URL restores the view.
  const LIST_FILTERS = ["country", "type"];
  const FIELD_FILTERS = ["source_country", "target_country", "sector", "mode", "actor", "location", "since", "until",
    "topic", "q"];
  const PLACEHOLDER = new Set(["---", "-"]); // no known code (---) or no actor (-): counted apart, not drawn
  const KINDS = ["source", "target", "trigger", "location", "occasion"];
  const TYPE_COLORS = {
    AGREE: "#1b9e77", CONSULT: "#1f78b4", SUPPORT: "#66a61e", CONCEDE: "#8fbc3b", COOPERATE: "#17a2b8",
    AID: "#2ca02c", RETREAT: "#9acd61", REQUEST: "#5e9cc9", ACCUSE: "#f0a03c", REJECT: "#ff7f0e",
    THREATEN: "#e6550d", PROTEST: "#9467bd", SANCTION: "#d62728", MOBILIZE: "#8c564b", COERCE: "#a50f15",
    ASSAULT: "#67000d",
  };
  const QUAD_COLORS = { 1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#cb181d" };

  const state = {
    codes: { types: [], topics: [], names: {}, quad_classes: {} },
    events: [],
    total: 0,
    offset: 0,
    page: PAGE,
    sort: { key: "date", dir: -1 },
    writable: false,
    view: "network", // or "map"
    places: null,
    timeline: null,
    dyads: null,
    pasteText: "",
  };

  // ---- small DOM helpers -------------------------------------------------------------------------------------

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }

  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
  }

  function ar(text, tag = "span") {
    return el(tag, { lang: "ar", dir: "rtl", text: text });
  }

  function svgTitle(text) {
    return svg("title", { text });
  }

  const nameOf = (code) => (code && state.codes.names[code]) || code || "";

  // ---- API ---------------------------------------------------------------------------------------------------

  async function api(path, options) {
    const resp = await fetch(path, options);
    let body = null;
    try {
      body = await resp.json();
    } catch (_) {
      body = null;
    }
    if (!resp.ok) {
      const message = body && body.error ? body.error.message : `HTTP ${resp.status}`;
      throw new Error(message);
    }
    return body;
  }

  function checkedValues(container) {
    return $$("input[type=checkbox]:checked", container).map((c) => c.value);
  }

  function filterParams() {
    const params = new URLSearchParams();
    for (const code of checkedValues($("#country-list"))) params.append("country", code);
    for (const type of checkedValues($("#type-list"))) params.append("type", type);
    for (const id of FIELD_FILTERS) {
      let value = $("#" + id).value.trim();
      if (id === "source_country" || id === "target_country") value = value.toUpperCase();
      if (value) params.set(id, value);
    }
    if ($("#raw").checked) params.set("raw", "true");
    return params;
  }

  // "fitted" asks for days and groups them in the browser, after leaving out the sparse tails
  const timelineInterval = () => ($("#interval").value === "auto" ? "day" : $("#interval").value);

  const sortParam = () => (state.sort.dir < 0 ? "-" : "") + state.sort.key;

  // The whole view as a query string: filters, the table's order and page, the timeline's settings.
  function viewParams() {
    const params = filterParams();
    if (sortParam() !== "-date") params.set("sort", sortParam());
    if (state.offset) params.set("offset", String(state.offset));
    if (state.page !== PAGE) params.set("limit", String(state.page));
    if ($("#interval").value !== "auto") params.set("interval", $("#interval").value);
    if ($("#by").value !== "type") params.set("by", $("#by").value);
    if (state.view === "map") params.set("view", "map");
    return params;
  }

  function saveView() {
    const query = viewParams().toString();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
  }

  // Set the controls from the URL (on load, and when the browser goes back or forward).
  function restoreView() {
    const params = new URLSearchParams(location.search);
    for (const name of LIST_FILTERS) {
      const wanted = new Set(params.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean));
      const list = $(name === "country" ? "#country-list" : "#type-list");
      for (const box of $$("input[type=checkbox]", list)) box.checked = wanted.has(box.value);
      if (name === "country") { // a code the list lacks (no events yet) still filters, and shows as checked
        for (const code of wanted) {
          if (!$(`input[value="${CSS.escape(code)}"]`, list)) {
            list.prepend(el("label", { title: code, "data-code": code },
              el("input", { type: "checkbox", value: code, name: "country", checked: "checked" }), el("span", { text: code })));
          }
        }
      }
    }
    for (const id of FIELD_FILTERS) {
      const control = $("#" + id);
      const value = params.get(id) || "";
      if (control.tagName === "SELECT" && value && !$$("option", control).some((o) => o.value === value)) {
        control.append(el("option", { value, text: value }));
      }
      control.value = value;
    }
    $("#raw").checked = params.get("raw") === "true";
    const sort = params.get("sort") || "-date";
    const key = sort.replace(/^[-+]/, "");
    state.sort = SORTABLE.has(key) ? { key, dir: sort.startsWith("-") ? -1 : 1 } : { key: "date", dir: -1 };
    state.offset = Math.max(0, Number(params.get("offset")) || 0);
    state.page = Math.min(500, Math.max(1, Number(params.get("limit")) || PAGE));
    $("#interval").value = ["day", "week", "month", "year"].includes(params.get("interval")) ? params.get("interval") : "auto";
    $("#by").value = params.get("by") === "quad_class" ? "quad_class" : "type";
    showView(params.get("view") === "map" ? "map" : "network", false);
  }

  function updateExportLink() {
    const params = filterParams();
    params.set("format", $("#export-format").value);
    $("#export-link").href = "/v1/export?" + params;
  }

  // ---- filters -----------------------------------------------------------------------------------------------

  function renderCountryList(rows) {
    const list = $("#country-list");
    list.replaceChildren();
    for (const row of rows) {
      const label = el("label", { title: row.name || row.code, "data-code": row.code },
        el("input", { type: "checkbox", value: row.code, name: "country" }),
        el("span", { text: row.code }),
        el("span", { class: "muted", text: row.name || "" }),
        el("span", { class: "count", text: row.events }));
      list.append(label);
    }
    if (!rows.length) list.append(el("p", { class: "muted small", text: "no countries in the store yet" }));
  }

  function renderTypeList(types) {
    const list = $("#type-list");
    list.replaceChildren();
    for (const type of types) {
      list.append(el("label", {},
        el("input", { type: "checkbox", value: type, name: "type" }),
        el("i", { class: "swatch", style: null }), type));
    }
    $$("#type-list i.swatch").forEach((i, n) => { i.style.background = TYPE_COLORS[types[n]] || "#999"; });
  }

  function renderTopics(topics) {
    const select = $("#topic");
    for (const topic of topics) select.append(el("option", { value: topic, text: topic }));
  }

  function setCountryFilter(code) {
    const box = $(`#country-list input[value="${CSS.escape(code)}"]`);
    if (box) {
      box.checked = !box.checked;
      state.offset = 0;
      refresh();
    }
  }

  function renderSelects(codes) {
    const sector = $("#sector");
    for (const code of codes.sectors) sector.append(el("option", { value: code, text: code }));
    const mode = $("#mode");
    for (const [type, modes] of Object.entries(codes.modes)) {
      if (!modes.length) continue;
      const group = el("optgroup", { label: type });
      for (const m of modes) group.append(el("option", { value: m, text: m }));
      mode.append(group);
    }
  }

  function renderCodeOptions(rows) {
    const list = $("#code-options");
    for (const row of rows) list.append(el("option", { value: row.code, text: row.name || row.code }));
  }

  // ---- timeline ----------------------------------------------------------------------------------------------

  function periodsBetween(first, last, interval) {
    const out = [];
    const d = new Date(first + "T00:00:00Z");
    const end = new Date(last + "T00:00:00Z");
    while (d <= end && out.length < 2000) {
      out.push(d.toISOString().slice(0, 10));
      if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
      else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
      else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
      else d.setUTCFullYear(d.getUTCFullYear() + 1);
    }
    return d <= end ? null : out; // null: too many periods to fill the gaps
  }

  function periodLabel(period, interval) {
    if (interval === "month") return period.slice(0, 7);
    if (interval === "year") return period.slice(0, 4);
    return period;
  }

  function keyLabel(key, by) {
    return by === "quad_class" ? `${key} ${state.codes.quad_classes[key] || ""}` : String(key);
  }

  function keyColor(key, by) {
    return by === "quad_class" ? QUAD_COLORS[key] || "#999" : TYPE_COLORS[key] || "#999";
  }

  // The period (named by its first day) a day falls in; weeks start on Monday, as the API's do.
  function bucketOf(day, interval) {
    if (interval === "day") return day;
    if (interval === "month") return day.slice(0, 7) + "-01";
    if (interval === "year") return day.slice(0, 4) + "-01-01";
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }

  function lastDayOf(period, interval) {
    const d = new Date(period + "T00:00:00Z");
    if (interval === "day") return period;
    if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  // The days that hold the bulk of the events: the sparse tails (at most 2.5% of the events on each side, such as
  // background events dated years before a one-month corpus) are left out of the drawing and counted.
  function fitRange(days) {
    const total = days.reduce((a, d) => a + d.events, 0);
    const cut = Math.floor(total * 0.025);
    let lo = 0;
    let before = 0;
    while (lo < days.length - 1 && before + days[lo].events <= cut) before += days[lo++].events;
    let hi = days.length - 1;
    let after = 0;
    while (hi > lo && after + days[hi].events <= cut) after += days[hi--].events;
    return { lo: days[lo].period, hi: days[hi].period, before, after, first: days[0].period, last: days[days.length - 1].period };
  }

  // Day-level counts regrouped into periods of ``interval``, within [lo, hi].
  function regroup(data, interval, lo, hi) {
    const inside = (p) => p >= lo && p <= hi;
    const items = new Map();
    for (const i of data.items.filter((i) => inside(i.period))) {
      const k = bucketOf(i.period, interval) + "|" + i.key;
      const cur = items.get(k) || { period: bucketOf(i.period, interval), key: i.key, events: 0 };
      cur.events += i.events;
      items.set(k, cur);
    }
    const periods = new Map();
    for (const p of (data.periods || []).filter((p) => inside(p.period))) {
      const b = bucketOf(p.period, interval);
      const cur = periods.get(b) || { period: b, events: 0, cooperation: 0, conflict: 0, goldstein_sum: 0, goldstein_n: 0 };
      for (const f of ["events", "cooperation", "conflict", "goldstein_sum", "goldstein_n"]) cur[f] += p[f];
      periods.set(b, cur);
    }
    return { items: [...items.values()], periods };
  }

  function renderTimeline(data) {
    const box = $("#timeline");
    const legend = $("#timeline-legend");
    const note = $("#timeline-note");
    box.replaceChildren();
    legend.replaceChildren();
    note.textContent = "";
    const W = Math.max(box.clientWidth, 300);
    const H = Math.max(box.clientHeight, 150);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events per period" });
    box.append(root);
    if (!data.items.length) {
      root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty", text: "No dated events for these filters" }));
      return;
    }
    const by = data.by;
    let interval = data.interval;
    let view = { items: data.items, periods: new Map((data.periods || []).map((p) => [p.period, p])) };
    const fitted = $("#interval").value === "auto" && data.interval === "day";
    if (fitted) {
      const days = [...(data.periods || [])].sort((a, b) => (a.period < b.period ? -1 : 1));
      const range = fitRange(days);
      const span = (new Date(range.hi) - new Date(range.lo)) / 86400000;
      interval = span <= 92 ? "day" : span <= 730 ? "week" : "month";
      view = regroup(data, interval, range.lo, range.hi);
      const out = range.before + range.after;
      box.dataset.lo = range.lo;
      box.dataset.hi = range.hi;
      box.dataset.interval = interval;
      box.dataset.outside = String(out);
      if (out) {
        note.textContent = `Fitted to ${range.lo} – ${range.hi} (per ${interval}): ${out} event${out === 1 ? "" : "s"} dated ` +
          `outside it (from ${range.first} to ${range.last}) not drawn; choose "per month" to see them.`;
      }
    } else {
      delete box.dataset.lo;
      box.dataset.interval = interval;
    }
    const seen = [...new Set(view.items.map((i) => i.period))].sort();
    const periods = periodsBetween(seen[0], seen[seen.length - 1], interval) || seen;
    const keys = [...new Set(view.items.map((i) => i.key))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const counts = new Map(periods.map((p) => [p, new Map()]));
    for (const item of view.items) counts.get(item.period).set(item.key, item.events);
    const totals = periods.map((p) => [...counts.get(p).values()].reduce((a, b) => a + b, 0));
    const max = Math.max(...totals, 1);
    const m = { left: 34, right: 30, top: 10, bottom: 30 };
    const pw = W - m.left - m.right;
    const ph = H - m.top - m.bottom;
    const step = pw / periods.length;
    const barW = Math.max(1, Math.min(48, step * 0.78));
    const y = (v) => m.top + ph - (v / max) * ph;
    const yg = (g) => m.top + ph - ((g + 10) / 20) * ph; // Goldstein, -10 .. 10, on the right axis
    // y ticks: whole numbers
    const tickStep = Math.max(1, Math.ceil(max / 4));
    for (let v = 0; v <= max; v += tickStep) {
      root.append(svg("line", { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), class: "axis", "stroke-dasharray": v ? "2,3" : null }));
      root.append(svg("text", { x: m.left - 5, y: y(v) + 3, "text-anchor": "end", text: v }));
    }
    for (const g of [-10, 0, 10]) {
      root.append(svg("text", { x: W - m.right + 4, y: yg(g) + 3, "text-anchor": "start", class: "gs-tick", text: g > 0 ? `+${g}` : g }));
    }
    const labelEvery = Math.max(1, Math.ceil(60 / step));
    const centres = [];
    periods.forEach((period, n) => {
      const x = m.left + n * step + (step - barW) / 2;
      let acc = 0;
      const group = svg("g", { class: "bar", "data-period": period });
      for (const key of keys) {
        const v = counts.get(period).get(key) || 0;
        if (!v) continue;
        const rect = svg("rect", { x, y: y(acc + v), width: barW, height: Math.max(0.5, y(acc) - y(acc + v)), fill: keyColor(key, by) },
          svgTitle(`${periodLabel(period, interval)} · ${keyLabel(key, by)}: ${v}`));
        group.append(rect);
        acc += v;
      }
      root.append(group);
      const p = view.periods.get(period);
      if (p && p.goldstein_n) centres.push({ x: x + barW / 2, g: p.goldstein_sum / p.goldstein_n, p, period });
      if ((periods.length - 1 - n) % labelEvery === 0) { // the latest period always has its label
        root.append(svg("text", { x: x + barW / 2, y: H - m.bottom + 14, "text-anchor": "middle", text: periodLabel(period, interval) }));
      }
    });
    if (centres.length) {
      root.append(svg("polyline", { class: "goldstein-line", points: centres.map((c) => `${c.x.toFixed(1)},${yg(c.g).toFixed(1)}`).join(" ") }));
      for (const c of centres) {
        root.append(svg("circle", { class: "goldstein-dot", cx: c.x, cy: yg(c.g), r: 2.5, "data-period": c.period, "data-goldstein": c.g.toFixed(2) },
          svgTitle(`${periodLabel(c.period, interval)}: mean Goldstein ${c.g.toFixed(2)} · ${c.p.cooperation} cooperation, ${c.p.conflict} conflict`)));
      }
    }
    for (const key of keys) {
      const item = el("span", {}, el("i", {}), keyLabel(key, by));
      item.firstChild.style.background = keyColor(key, by);
      legend.append(item);
    }
    legend.append(el("span", { class: "gs-legend" }, el("i", { class: "gs-swatch" }), "mean Goldstein (right axis, −10 to +10)"));
    if (data.undated) legend.append(el("span", { text: `(${data.undated} undated events not shown)` }));
    brush(root, periods, interval, m, step, H);
  }

  // Drag across the timeline to zoom: the periods under the drag become the date filter.
  function brush(root, periods, interval, m, step, H) {
    const band = svg("rect", { class: "brush", x: 0, y: m.top, width: 0, height: H - m.top - m.bottom, visibility: "hidden" });
    root.append(band);
    const toIndex = (ev) => {
      const box = root.getBoundingClientRect();
      const scale = root.viewBox.baseVal.width / box.width;
      const x = (ev.clientX - box.left) * scale;
      return { x, i: Math.min(periods.length - 1, Math.max(0, Math.floor((x - m.left) / step))) };
    };
    let start = null;
    root.addEventListener("mousedown", (ev) => { start = toIndex(ev); ev.preventDefault(); });
    root.addEventListener("mousemove", (ev) => {
      if (!start) return;
      const now = toIndex(ev);
      band.setAttribute("x", String(Math.min(start.x, now.x)));
      band.setAttribute("width", String(Math.abs(now.x - start.x)));
      band.setAttribute("visibility", "visible");
    });
    const finish = (ev) => {
      if (!start) return;
      const end = toIndex(ev);
      const moved = Math.abs(end.x - start.x) > 4;
      const [a, b] = [Math.min(start.i, end.i), Math.max(start.i, end.i)];
      start = null;
      band.setAttribute("visibility", "hidden");
      if (!moved) return;
      $("#since").value = periods[a];
      $("#until").value = lastDayOf(periods[b], interval);
      state.offset = 0;
      refresh();
    };
    root.addEventListener("mouseup", finish);
    root.addEventListener("mouseleave", (ev) => { if (start) finish(ev); });
  }

  // ---- dyad network ------------------------------------------------------------------------------------------

  function balanceColor(balance) {
    const grey = [154, 143, 122];
    const target = balance >= 0 ? [46, 139, 87] : [192, 57, 43];
    const t = Math.min(1, Math.abs(balance));
    const mix = grey.map((g, i) => Math.round(g + (target[i] - g) * t));
    return `rgb(${mix.join(",")})`;
  }

  // A force-directed layout (Fruchterman-Reingold), deterministic: nodes start on a circle in the given order,
  // pairs with events pull together, every node pushes the others away, a weak pull keeps groups in view.
  function forceLayout(codes, pairs, W, H) {
    const n = codes.length;
    const index = new Map(codes.map((c, i) => [c, i]));
    const pos = codes.map((_, i) => {
      const angle = (2 * Math.PI * i) / n;
      return { x: W / 2 + (W / 3) * Math.cos(angle), y: H / 2 + (H / 3) * Math.sin(angle) };
    });
    const links = pairs.filter((p) => index.has(p.a) && index.has(p.b))
      .map((p) => ({ a: index.get(p.a), b: index.get(p.b), w: 1 + Math.log(p.events) }));
    const k = 0.9 * Math.sqrt((W * H) / Math.max(n, 1));
    const rounds = 300;
    for (let round = 0; round < rounds; round++) {
      const heat = (Math.min(W, H) / 8) * (1 - round / rounds) + 0.5;
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x;
          const dy = pos[i].y - pos[j].y;
          const dist = Math.max(Math.hypot(dx, dy), 0.01);
          const f = (k * k) / dist;
          disp[i].x += (dx / dist) * f; disp[i].y += (dy / dist) * f;
          disp[j].x -= (dx / dist) * f; disp[j].y -= (dy / dist) * f;
        }
      }
      for (const { a, b, w } of links) {
        const dx = pos[a].x - pos[b].x;
        const dy = pos[a].y - pos[b].y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const f = ((dist * dist) / k) * w;
        disp[a].x -= (dx / dist) * f; disp[a].y -= (dy / dist) * f;
        disp[b].x += (dx / dist) * f; disp[b].y += (dy / dist) * f;
      }
      for (let i = 0; i < n; i++) {
        disp[i].x -= (pos[i].x - W / 2) * 0.6;
        disp[i].y -= (pos[i].y - H / 2) * 0.6;
        const len = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
        pos[i].x += (disp[i].x / len) * Math.min(len, heat);
        pos[i].y += (disp[i].y / len) * Math.min(len, heat);
      }
    }
    // fit the drawing into the box, leaving room for the labels
    const margin = { x: 34, top: 16, bottom: 26 };
    const xs = pos.map((p) => p.x);
    const ys = pos.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const sx = (W - 2 * margin.x) / Math.max(x1 - x0, 1);
    const sy = (H - margin.top - margin.bottom) / Math.max(y1 - y0, 1);
    return new Map(codes.map((c, i) => [c, {
      x: n === 1 ? W / 2 : margin.x + (pos[i].x - x0) * sx,
      y: n === 1 ? H / 2 : margin.top + (pos[i].y - y0) * sy,
    }]));
  }

  function renderNetwork(data) {
    const box = $("#network");
    box.replaceChildren();
    const W = Math.max(box.clientWidth, 260);
    const H = Math.max(box.clientHeight, 150);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Network of country pairs" });
    box.append(root);
    // pairs with an unknown actor (---) or none (-) are not drawn: they are counted apart
    const unknown = data.items.filter((p) => PLACEHOLDER.has(p.a) || PLACEHOLDER.has(p.b)).reduce((a, p) => a + p.events, 0);
    $("#network-note").textContent = unknown ? `${unknown} event${unknown === 1 ? "" : "s"} with an unknown or no counterpart not drawn.` : "";
    box.dataset.unknown = String(unknown);
    const pairs = data.items.filter((p) => p.a !== p.b && !PLACEHOLDER.has(p.a) && !PLACEHOLDER.has(p.b));
    if (!pairs.length) {
      root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty", text: "No country pairs for these filters" }));
      return;
    }
    const weight = new Map();
    for (const p of pairs) {
      weight.set(p.a, (weight.get(p.a) || 0) + p.events);
      weight.set(p.b, (weight.get(p.b) || 0) + p.events);
    }
    const nodes = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40).map(([c]) => c);
    const shown = new Set(nodes);
    const pos = forceLayout(nodes, pairs, W, H);
    const maxEvents = Math.max(...pairs.map((p) => p.events));
    const edges = svg("g", { class: "edges" });
    for (const p of pairs) {
      if (!shown.has(p.a) || !shown.has(p.b)) continue;
      const a = pos.get(p.a);
      const b = pos.get(p.b);
      edges.append(svg("line", {
        x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: balanceColor(p.balance), "stroke-opacity": 0.8,
        "stroke-width": (1.5 + (7 * p.events) / maxEvents).toFixed(1), "stroke-linecap": "round",
        class: "edge", "data-a": p.a, "data-b": p.b, "data-events": p.events,
      }, svgTitle(`${nameOf(p.a)} – ${nameOf(p.b)}: ${p.events} events (${p.cooperation} cooperation, ` +
        `${p.conflict} conflict), mean Goldstein ${p.mean_goldstein}`)));
    }
    root.append(edges);
    const maxWeight = Math.max(...nodes.map((c) => weight.get(c)));
    const radius = (code) => 5 + 9 * Math.sqrt(weight.get(code) / maxWeight);
    // labels: the busiest nodes place theirs first, below, above, right or left of the node, wherever they overlap
    // no other label and no node; a label with no room is left out (the node's tooltip names it)
    const boxes = nodes.map((c) => { const { x, y } = pos.get(c); const r = radius(c); return { x0: x - r, x1: x + r, y0: y - r, y1: y + r }; });
    const overlaps = (b) => boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
    const labels = new Map();
    for (const code of nodes) {
      const { x, y } = pos.get(code);
      const r = radius(code);
      const w = 7 * code.length + 4;
      const spots = [[x, y + r + 11, "middle"], [x, y - r - 4, "middle"], [x + r + 3, y + 4, "start"], [x - r - 3, y + 4, "end"]];
      for (const [lx, ly, anchor] of spots) {
        const x0 = anchor === "middle" ? lx - w / 2 : anchor === "start" ? lx : lx - w;
        const b = { x0, x1: x0 + w, y0: ly - 10, y1: ly + 2 };
        if (b.x0 < 0 || b.x1 > W || b.y0 < 0 || b.y1 > H) continue;
        const own = boxes.splice(nodes.indexOf(code), 1)[0]; // a label may touch its own node
        const clash = overlaps(b);
        boxes.splice(nodes.indexOf(code), 0, own);
        if (clash) continue;
        boxes.push(b);
        labels.set(code, { x: lx, y: ly, anchor });
        break;
      }
    }
    for (const code of nodes) {
      const { x, y } = pos.get(code);
      const r = radius(code);
      const label = labels.get(code);
      const node = svg("g", { class: "node", tabindex: 0, "data-code": code, role: "button",
        "aria-label": `${nameOf(code)}: filter on it`, onclick: () => setCountryFilter(code),
        onkeydown: (e) => { if (e.key === "Enter") setCountryFilter(code); } },
      svg("circle", { cx: x, cy: y, r, fill: "#fff", stroke: "#4a5568", "stroke-width": 1.5 }),
      label ? svg("text", { x: label.x, y: label.y, "text-anchor": label.anchor, class: "node-label", text: code }) : null,
      svgTitle(`${nameOf(code)} (${code}): ${weight.get(code)} events with the others shown`));
      root.append(node);
    }
  }

  // ---- map -------------------------------------------------------------------------------------------------------
  // Leaflet (vendored, BSD-2) over Natural Earth's 1:50m country boundaries (world-atlas, vendored): no tiles, nothing
  // from the internet. Events are drawn where their location has coordinates (a town or region of the gazetteer).

  const mapState = { map: null, markers: null, ready: null };

  function ensureMap() {
    if (mapState.ready) return mapState.ready;
    const map = L.map("map", { minZoom: 2, maxZoom: 9, worldCopyJump: false, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth · Leaflet");
    map.setView([26, 45], 4);
    mapState.map = map;
    mapState.markers = L.layerGroup().addTo(map);
    mapState.ready = fetch("/static/vendor/world-atlas/countries-50m.json")
      .then((r) => r.json())
      .then((topo) => {
        const land = topojson.feature(topo, topo.objects.countries);
        L.geoJSON(land, { interactive: false, style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } })
          .addTo(map).bringToBack();
        $("#map").dataset.boundaries = String(land.features.length);
        return map;
      });
    return mapState.ready;
  }

  async function renderMap(data) {
    if (state.view !== "map" || !data) return;
    const map = await ensureMap();
    map.invalidateSize();
    mapState.markers.clearLayers();
    const items = data.items;
    const max = Math.max(1, ...items.map((p) => p.events));
    const bounds = [];
    for (const p of items) {
      const balance = (p.cooperation - p.conflict) / p.events;
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 4 + 14 * Math.sqrt(p.events / max), color: "#333", weight: 1, fillColor: balanceColor(balance), fillOpacity: 0.8,
        className: "place",
      });
      marker.bindTooltip(`${p.place || p.country} (${p.country}): ${p.events} event${p.events === 1 ? "" : "s"}, ` +
        `${p.cooperation} cooperation, ${p.conflict} conflict, mean Goldstein ${p.mean_goldstein ?? "—"}`);
      marker.on("click", () => { $("#location").value = p.place || p.country; state.offset = 0; refresh(); });
      marker.addTo(mapState.markers);
      const node = marker.getElement();
      if (node) { node.dataset.place = p.place || ""; node.dataset.events = String(p.events); }
      bounds.push([p.lat, p.lon]);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
    $("#map").dataset.places = String(items.length);
    $("#map-note").textContent = `${data.without_coordinates} event${data.without_coordinates === 1 ? "" : "s"} without coordinates (a state's location has none) not drawn.`;
  }

  function showView(which, save = true) {
    state.view = which;
    for (const name of ["network", "map"]) {
      $("#view-" + name).setAttribute("aria-selected", String(name === which));
      $("#" + name).hidden = name !== which;
      $("#" + name + "-help").hidden = name !== which;
    }
    if (which === "map") renderMap(state.places);
    else if (state.dyads) renderNetwork(state.dyads);
    if (save) saveView();
  }

  // ---- event table -------------------------------------------------------------------------------------------

  function actorLabel(actor) {
    if (!actor) return "";
    return actor.name || actor.text || "";
  }

  function actorCode(actor) {
    if (!actor) return "";
    return `${actor.country || actor.org || "---"}/${actor.sector || "UNK"}`;
  }

  // Columns the server sorts by (GET /v1/events?sort=KEY or -KEY), over every matching event.
  const SORTABLE = new Set(["date", "type", "source", "target", "location", "trigger", "mentions"]);

  function actorCell(actor) {
    if (!actor) return el("td", { class: "muted", text: "—" });
    return el("td", {},
      actor.name ? el("div", { text: actor.name }) : ar(actor.text, "div"),
      el("div", { class: "code", text: actorCode(actor) }));
  }

  function renderTable() {
    const key = state.sort.key;
    const dir = state.sort.dir;
    const rows = state.events; // in the server's order
    $$("#events-table th").forEach((th) => {
      th.setAttribute("aria-sort", th.dataset.sort === key ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    const body = $("#events-table tbody");
    body.replaceChildren();
    for (const e of rows) {
      const pill = el("span", { class: "type-pill", text: e.type });
      pill.style.background = TYPE_COLORS[e.type] || "#777";
      const loc = e.location;
      const tr = el("tr", { tabindex: 0, "data-id": e.id, title: "Open the provenance of this event",
        "data-corrected": e.corrected ? "true" : null,
        onclick: () => openEvent(e.id), onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.id); } },
      el("td", { class: "date", text: e.date || "undated" }),
      el("td", {}, pill, e.corrected ? el("span", { class: "badge", title: `corrected by ${e.corrected.analyst} on ${e.corrected.created_at}`, text: "corrected" }) : null,
        e.mode ? el("div", { class: "code", text: `${e.mode} · ${e.cameo}` }) : el("div", { class: "code", text: e.cameo })),
      actorCell(e.source),
      actorCell(e.target),
      loc ? el("td", {}, ar(loc.text, "div"), el("div", { class: "code", text: loc.country || "" })) : el("td", { class: "muted", text: "—" }),
      el("td", { lang: "ar", dir: "rtl", text: e.trigger.text }),
      el("td", { text: e.sources > 1 ? `${e.mentions} (${e.sources} outlets)` : String(e.mentions) }));
      body.append(tr);
    }
    const shown = state.events.length;
    const total = state.total;
    $("#table-count").textContent = shown < total
      ? `${state.offset + 1}–${state.offset + shown} of ${total} events`
      : `${total} event${total === 1 ? "" : "s"}`;
    $("#page-prev").disabled = state.offset <= 0;
    $("#page-next").disabled = state.offset + shown >= total;
    if (!shown) body.append(el("tr", {}, el("td", { colspan: 7, class: "muted", text: "No events match these filters." })));
    $("#table-card").dataset.offset = String(state.offset);
  }

  function sortBy(key) {
    state.sort = state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: key === "date" || key === "mentions" ? -1 : 1 };
    state.offset = 0;
    loadEvents(true);
  }

  function turnPage(delta) {
    state.offset = Math.max(0, state.offset + delta * state.page);
    loadEvents(true);
  }

  function eventParams() {
    const params = filterParams();
    params.set("limit", String(state.page));
    params.set("offset", String(state.offset));
    params.set("sort", sortParam());
    return params;
  }

  // One page of the table (after a sort or a page turn: the charts do not change).
  async function loadEvents(save) {
    const error = $("#filter-error");
    document.body.dataset.state = "loading";
    try {
      const events = await api("/v1/events?" + eventParams());
      state.events = events.items;
      state.total = events.total;
      renderTable();
      if (save) saveView();
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
    document.body.dataset.state = "ready";
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
  }

  // ---- highlighted sentences ---------------------------------------------------------------------------------

  // Offsets are Python string indices: code points, not UTF-16 units, so the text is handled as an array of
  // code points and every span shows exactly text[start:end].
  function highlight(chars, from, to, spans) {
    const frag = document.createDocumentFragment();
    let pos = from;
    const order = (a, b) => a.start - b.start || b.end - a.end;
    let rest = spans.filter((s) => s.end > s.start && s.start >= from && s.end <= to).sort(order);
    while (rest.length) {
      const s = rest.shift();
      if (s.start < pos) { // overlaps text already written: only its remainder can still be marked
        if (s.end > pos) { rest.push({ ...s, start: pos, part: true }); rest.sort(order); }
        continue;
      }
      const inner = [];
      const outer = [];
      for (const t of rest) {
        if (t.start >= s.end) outer.push(t);
        else if (t.end <= s.end) inner.push(t);
        else { inner.push({ ...t, end: s.end, part: true }); outer.push({ ...t, start: s.end, part: true }); }
      }
      frag.append(chars.slice(pos, s.start).join(""));
      const mark = el("mark", { class: `k-${s.kind}`, "data-kind": s.kind, "data-start": s.start, "data-end": s.end,
        "data-part": s.part ? "true" : null, title: s.title || s.kind });
      mark.append(highlight(chars, s.start, s.end, inner));
      frag.append(mark);
      pos = s.end;
      rest = outer.sort(order);
    }
    frag.append(chars.slice(pos, to).join(""));
    return frag;
  }

  // The sentence, its spans marked; ``sentenceStart`` is the sentence's offset in its document.
  function sentenceBlock(sentenceText, sentenceStart, spans, id) {
    const chars = Array.from(sentenceText);
    const rel = spans.map((s) => ({ ...s, start: s.start - sentenceStart, end: s.end - sentenceStart }));
    const block = el("p", { class: "sentence", lang: "ar", dir: "rtl", id });
    const frag = highlight(chars, 0, chars.length, rel);
    // data-start/end keep document offsets, as in the contract
    for (const mark of frag.querySelectorAll("mark")) {
      mark.dataset.start = String(Number(mark.dataset.start) + sentenceStart);
      mark.dataset.end = String(Number(mark.dataset.end) + sentenceStart);
    }
    block.append(frag);
    return block;
  }

  function spanTitle(kind, event) {
    const actor = kind === "source" || kind === "target" ? event[kind] : null;
    if (actor) return `${kind}: ${actor.name || actor.text} (${actorCode(actor)}${actor.role ? ", " + actor.role : ""})`;
    if (kind === "location" && event.location) return `location: ${event.location.country || ""} ${nameOf(event.location.country)}`;
    if (kind === "trigger") return `trigger of ${event.type}`;
    return kind;
  }

  // Spans of an event as the contract gives them (source, target, trigger, location, occasion).
  function contractSpans(event) {
    const spans = [];
    for (const kind of KINDS) {
      const span = event[kind];
      if (span && span.text !== undefined && span.start !== undefined && span.start !== null) {
        spans.push({ kind, text: span.text, start: span.start, end: span.end, title: spanTitle(kind, event) });
      }
    }
    return spans;
  }

  function englishOf(kind, event) {
    const actor = kind === "source" || kind === "target" ? event[kind] : null;
    if (actor) {
      const code = actorCode(actor);
      const who = actor.name || "(no English name known)";
      return `${who} · ${code}${actor.role ? " · " + actor.role : ""}`;
    }
    if (kind === "location" && event.location) {
      const c = event.location.country;
      return c ? `${nameOf(c)} · ${c}` : event.location.place || "";
    }
    if (kind === "trigger") return `${event.type}${event.mode ? " (" + event.mode + ")" : ""} · CAMEO ${event.cameo}`;
    return "";
  }

  function spansTable(spans, event, sentence) {
    const table = el("table", { class: "spans" },
      el("thead", {}, el("tr", {}, el("th", { text: "span" }), el("th", { text: "text" }), el("th", { text: "offsets" }),
        el("th", { text: "English name, code" }))));
    const body = el("tbody");
    for (const s of spans) {
      const inside = s.start >= sentence.start && s.end <= sentence.end;
      const mark = el("mark", { class: `k-${s.kind}`, text: s.kind });
      body.append(el("tr", { "data-kind": s.kind },
        el("td", {}, mark),
        el("td", { lang: "ar", dir: "rtl", text: s.text }),
        el("td", { text: `${s.start}–${s.end}${inside ? "" : " (outside the sentence)"}` }),
        el("td", {}, englishOf(s.kind, event), actorLink(s.kind, event))));
    }
    table.append(body);
    return table;
  }

  // ---- actor page ----------------------------------------------------------------------------------------------

  const actorKey = (a) => a.entity_id || `${a.country || a.org || "---"}/${a.sector || "UNK"}`;

  function actorLink(kind, event) {
    const actor = kind === "source" || kind === "target" ? event[kind] : null;
    if (!actor) return null;
    const key = actorKey(actor);
    return el("a", { href: "#actor=" + encodeURIComponent(key), class: "actor-link", "data-actor": key, text: " · actor page" });
  }

  async function openActor(key) {
    const drawer = $("#provenance");
    const body = $("#prov-body");
    drawer.hidden = false;
    drawer.dataset.state = "loading";
    body.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    if (location.hash !== "#actor=" + encodeURIComponent(key)) history.replaceState(null, "", location.pathname + location.search + "#actor=" + encodeURIComponent(key));
    try {
      const data = await api("/v1/actor?" + new URLSearchParams({ ...Object.fromEntries(filterParams()), key }));
      renderActor(data);
      drawer.dataset.state = "ready";
      drawer.dataset.actor = key;
      delete drawer.dataset.eventId;
    } catch (err) {
      body.replaceChildren(el("p", { class: "error", text: err.message }));
      drawer.dataset.state = "error";
    }
  }

  function actorChart(rows) {
    const W = 580;
    const H = 140;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events of this actor over time", class: "actor-chart" });
    if (!rows.length) return root;
    const max = Math.max(1, ...rows.map((r) => r.as_source + r.as_target));
    const m = { left: 28, bottom: 22, top: 8 };
    const step = (W - m.left - 4) / rows.length;
    const bw = Math.max(1, Math.min(36, step * 0.8));
    const y = (v) => H - m.bottom - (v / max) * (H - m.bottom - m.top);
    root.append(svg("text", { x: m.left - 4, y: y(max) + 4, "text-anchor": "end", text: max }));
    root.append(svg("line", { x1: m.left, x2: W, y1: y(0), y2: y(0), class: "axis" }));
    const every = Math.max(1, Math.ceil(70 / step));
    rows.forEach((r, i) => {
      const x = m.left + i * step + (step - bw) / 2;
      const g = svg("g", { class: "actor-bar", "data-period": r.period, "data-source": r.as_source, "data-target": r.as_target });
      if (r.as_source) g.append(svg("rect", { x, y: y(r.as_source), width: bw, height: y(0) - y(r.as_source), fill: "#1f78b4" }, svgTitle(`${r.period}: ${r.as_source} as source`)));
      if (r.as_target) g.append(svg("rect", { x, y: y(r.as_source + r.as_target), width: bw, height: y(r.as_source) - y(r.as_source + r.as_target), fill: "#ff7f0e" }, svgTitle(`${r.period}: ${r.as_target} as target`)));
      root.append(g);
      if ((rows.length - 1 - i) % every === 0) root.append(svg("text", { x: x + bw / 2, y: H - 6, "text-anchor": "middle", text: r.period.slice(0, 7) }));
    });
    return root;
  }

  function renderActor(data) {
    const title = data.name || data.text || data.key;
    $("#prov-title").textContent = `${title} · ${data.code || "---"}/${data.sector || "UNK"}`;
    const body = $("#prov-body");
    body.replaceChildren();
    const facts = el("dl", { class: "facts", id: "actor-facts" });
    fact(facts, "actor", data.key);
    if (data.code) fact(facts, "code", `${data.code}${data.code_name ? " · " + data.code_name : ""}`);
    fact(facts, "events", `${data.events} (${data.as_source} as source, ${data.as_target} as target)`);
    fact(facts, "dates", `${data.first_date || "?"} to ${data.last_date || "?"}`);
    if (data.texts && data.texts.length) fact(facts, "written", ...data.texts.slice(0, 6).flatMap((t, i) => (i ? [" · ", ar(t)] : [ar(t)])));
    body.append(facts);
    body.append(el("button", { type: "button", id: "actor-filter", class: "secondary", text: "Show these events in the table",
      onclick: () => { $("#actor").value = data.key; state.offset = 0; refresh(); } }));
    body.append(el("h3", { text: `Events over time (per ${data.interval})` }), actorChart(data.over_time),
      el("p", { class: "legend" }, el("span", {}, el("i", { class: "swatch src" }), "as source"), el("span", {}, el("i", { class: "swatch tgt" }), "as target")));
    body.append(el("h3", { text: "Counterparts" }));
    const table = el("table", { class: "spans", id: "actor-counterparts" }, el("thead", {}, el("tr", {},
      el("th", { text: "counterpart" }), el("th", { text: "code" }), el("th", { text: "events" }), el("th", { text: "cooperation" }), el("th", { text: "conflict" }))));
    const tb = el("tbody");
    for (const c of data.counterparts) {
      tb.append(el("tr", { "data-key": c.key },
        el("td", {}, el("a", { href: "#actor=" + encodeURIComponent(c.key), text: c.name || c.text || c.key, dir: "auto" })),
        el("td", { text: `${c.code || "---"}/${c.sector || "UNK"}` }), el("td", { text: c.events }),
        el("td", { text: c.cooperation }), el("td", { text: c.conflict })));
    }
    table.append(tb);
    body.append(table);
    body.append(el("h3", { text: "Roles by date" }));
    if (!data.roles.length) body.append(el("p", { class: "muted small", text: "No role is known for this actor." }));
    else {
      const roles = el("table", { class: "spans", id: "actor-roles" }, el("thead", {}, el("tr", {},
        el("th", { text: "role" }), el("th", { text: "first event" }), el("th", { text: "last event" }), el("th", { text: "events" }))));
      const rb = el("tbody");
      for (const r of data.roles) rb.append(el("tr", {}, el("td", { text: r.role }), el("td", { text: r.first_date || "?" }), el("td", { text: r.last_date || "?" }), el("td", { text: r.events })));
      roles.append(rb);
      body.append(roles);
    }
  }

  // ---- provenance drawer -------------------------------------------------------------------------------------

  function fact(dl, term, ...value) {
    dl.append(el("dt", { text: term }), el("dd", {}, ...value));
  }

  function safeLink(url, text) {
    return /^https?:\/\//i.test(url) ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text }) : el("span", { text: url });
  }

  async function openEvent(id) {
    const drawer = $("#provenance");
    const body = $("#prov-body");
    drawer.hidden = false;
    drawer.dataset.state = "loading";
    body.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    if (location.hash !== "#event=" + encodeURIComponent(id)) history.replaceState(null, "", "#event=" + encodeURIComponent(id));
    try {
      const data = await api("/v1/events/" + encodeURIComponent(id));
      renderProvenance(data);
      drawer.dataset.state = "ready";
      drawer.dataset.eventId = id;
      delete drawer.dataset.actor;
    } catch (err) {
      body.replaceChildren(el("p", { class: "error", text: err.message }));
      drawer.dataset.state = "error";
    }
  }

  function closeDrawer() {
    $("#provenance").hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
  }

  function renderProvenance(data) {
    const e = data.event;
    const doc = data.document;
    $("#prov-title").textContent = `${e.type}${e.mode ? " · " + e.mode : ""} · CAMEO ${e.cameo} · ${e.date || "undated"}`;
    const body = $("#prov-body");
    body.replaceChildren();
    const quad = state.codes.quad_classes[e.quad_class] || "";
    body.append(el("p", { class: "muted small", text: `event ${e.id} · quad class ${e.quad_class ?? "—"} ${quad} · Goldstein ${e.goldstein ?? "—"} · confidence ${e.confidence}` }));
    body.append(el("h3", { text: "Sentence" }));
    const spans = contractSpans(e);
    const inSentence = spans.filter((s) => s.start >= data.sentence.start && s.end <= data.sentence.end);
    body.append($("#legend-kinds").content.cloneNode(true));
    body.append(sentenceBlock(data.sentence.text, data.sentence.start, inSentence, "prov-sentence"));
    body.append(el("h3", { text: "Spans (character offsets in the document)" }));
    body.append(spansTable(spans, e, data.sentence));
    const evidence = data.spans.filter((s) => s.kind === "evidence");
    if (evidence.length) {
      body.append(el("p", { class: "small muted", text: `Mentioned again at ${evidence.map((s) => `${s.start}–${s.end}`).join(", ")}` }));
    }
    const facts = el("dl", { class: "facts" });
    if (e.topics.length) fact(facts, "topics", e.topics.join(", "));
    if (e.contexts.length) fact(facts, "contexts", e.contexts.join(", "));
    fact(facts, "document", doc.doc_id);
    fact(facts, "published", doc.date || "unknown");
    if (doc.source) fact(facts, "outlet", doc.source);
    if (doc.reported_by) fact(facts, "cites", `${doc.reported_by.name || ""} `, ar(doc.reported_by.text));
    if (doc.title) fact(facts, "title", el("span", { dir: "auto", text: doc.title }));
    if (doc.url) fact(facts, "url", safeLink(doc.url, doc.url));
    body.append(el("h3", { text: "Document" }), facts);
    body.append(correctionSection(data));
    const outlets = new Set(data.reports.map((r) => r.outlet)).size;
    body.append(el("h3", { text: `Reports of this event: ${data.reports.length} from ${outlets} outlet${outlets === 1 ? "" : "s"}` }));
    const list = el("ol", { class: "reports", id: "prov-reports" });
    for (const r of data.reports) {
      const current = r.event_id === e.id;
      const link = el("a", { href: "#event=" + encodeURIComponent(r.event_id), "data-event-id": r.event_id,
        text: `${r.event_date || "undated"} · ${r.outlet || "unknown outlet"} · ${r.doc_id}` });
      const why = r.joined_with ? ` joined ${r.joined_with} (overlap ${r.similarity}, ${r.day_gap} day${r.day_gap === 1 ? "" : "s"} apart)` : "";
      list.append(el("li", {}, link, current ? el("strong", { text: " (shown)" }) : null,
        why ? el("span", { class: "muted small", text: why }) : null,
        r.url ? el("span", {}, " · ", safeLink(r.url, "source")) : null));
    }
    body.append(list);
  }

  // ---- analysts' corrections -----------------------------------------------------------------------------------

  const STATUSES = ["reported", "negated", "planned", "hypothetical", "background", "nonpolitical"];

  function codingLine(e) {
    const side = (a) => (a ? `${actorCode(a)}${a.name ? " " + a.name : ""}` : "—");
    return `${e.type}${e.mode ? " · " + e.mode : ""} · CAMEO ${e.cameo} · ${side(e.source)} → ${side(e.target)}`;
  }

  function options(select, values, current, blank) {
    select.replaceChildren();
    if (blank !== undefined) select.append(el("option", { value: "", text: blank }));
    for (const v of values) select.append(el("option", { value: v, text: v, selected: v === current ? "selected" : null }));
    select.value = current || "";
  }

  function actorFields(prefix, actor, allowNone) {
    const code = el("input", { type: "text", id: `fix-${prefix}-code`, value: actor ? actor.country || actor.org || "" : "",
      list: "code-options", "aria-label": `${prefix} code`, placeholder: "code" });
    const sector = el("select", { id: `fix-${prefix}-sector`, "aria-label": `${prefix} sector` });
    options(sector, state.codes.sectors, actor ? actor.sector || "UNK" : "UNK");
    const span = el("label", { class: "small" }, el("input", { type: "checkbox", id: `fix-${prefix}-implied` }), " not the highlighted words");
    const none = allowNone ? el("label", { class: "small" }, el("input", { type: "checkbox", id: `fix-${prefix}-none`, checked: actor ? null : "checked" }), " no target") : null;
    return el("span", { class: "actor-fields" }, code, sector, span, none);
  }

  function correctionSection(data) {
    const e = data.event;
    const section = el("section", { id: "prov-corrections" });
    section.append(el("h3", { text: "Analysts' corrections" }));
    if (e.corrected) {
      section.append(el("p", { class: "small", id: "prov-corrected" },
        el("strong", { text: e.corrected.wrong ? "Marked wrong" : "Corrected" }),
        ` by ${e.corrected.analyst} on ${e.corrected.created_at.replace("T", " ")}`,
        e.corrected.note ? ` — “${e.corrected.note}”` : ""));
    }
    if (data.machine) {
      section.append(el("p", { class: "machine small", id: "prov-machine" }, el("strong", { text: "Machine coding: " }), codingLine(data.machine)));
    }
    if (data.corrections && data.corrections.length) {
      const list = el("ol", { class: "history" });
      for (const c of data.corrections) {
        list.append(el("li", { text: `${c.created_at.replace("T", " ")} · ${c.analyst}: ${c.wrong ? "wrong" : `${c.type}${c.mode ? " · " + c.mode : ""} · ${c.source_code}/${c.source_sector || "UNK"} → ${c.target_code === "-" ? "—" : `${c.target_code}/${c.target_sector || "UNK"}`} · ${c.status}`}${c.note ? " — " + c.note : ""}` }));
      }
      section.append(list);
    }
    if (!state.writable) {
      section.append(el("p", { class: "muted small", text: "This server is read-only: start it with --api-key KEY to correct events here." }));
      return section;
    }
    const form = el("form", { class: "correct-form", id: "correct-form" });
    const type = el("select", { id: "fix-type", "aria-label": "type" });
    options(type, state.codes.types, e.type);
    const mode = el("select", { id: "fix-mode", "aria-label": "mode" });
    const fillModes = () => options(mode, state.codes.modes[type.value] || [], type.value === e.type ? e.mode : "", "(no mode)");
    fillModes();
    type.addEventListener("change", fillModes);
    const status = el("select", { id: "fix-status", "aria-label": "status" });
    options(status, STATUSES, "reported");
    form.append(
      el("label", { for: "fix-analyst", text: "Analyst" }),
      el("input", { type: "text", id: "fix-analyst", required: "required", maxlength: 100, value: localStorage.getItem("hadath.analyst") || "" }),
      el("label", { for: "fix-key", text: "API key" }),
      el("input", { type: "password", id: "fix-key", required: "required", value: sessionStorage.getItem("hadath.key") || "", autocomplete: "off" }),
      el("label", { for: "fix-type", text: "Type, mode" }), el("span", { class: "actor-fields" }, type, mode),
      el("label", { text: "Source" }), actorFields("source", e.source, false),
      el("label", { text: "Target" }), actorFields("target", e.target, true),
      el("label", { for: "fix-status", text: "Status" }), status,
      el("label", { class: "wide" }, el("input", { type: "checkbox", id: "fix-wrong" }), "Not an event at all: mark it wrong"),
      el("label", { for: "fix-note", text: "Note" }), el("textarea", { id: "fix-note", maxlength: 2000, dir: "auto" }),
      el("span", { class: "wide" }, el("button", { type: "submit", id: "fix-save", text: "Save the correction" }),
        el("span", { id: "fix-message", role: "status", class: "small" })),
    );
    form.addEventListener("submit", (ev) => { ev.preventDefault(); saveCorrection(e); });
    section.append(el("details", { id: "correct-details", open: e.corrected ? null : null },
      el("summary", { text: e.corrected ? "Correct it again" : "Correct this event" }), form));
    return section;
  }

  function actorChange(prefix, before) {
    if ($(`#fix-${prefix}-none`) && $(`#fix-${prefix}-none`).checked) return null;
    const change = { code: $(`#fix-${prefix}-code`).value.trim().toUpperCase(), sector: $(`#fix-${prefix}-sector`).value };
    if ($(`#fix-${prefix}-implied`).checked) { change.start = null; change.end = null; }
    const same = before && (before.country || before.org || "") === change.code && before.sector === change.sector;
    return same && change.start === undefined ? undefined : change;
  }

  async function saveCorrection(e) {
    const message = $("#fix-message");
    const analyst = $("#fix-analyst").value.trim();
    const key = $("#fix-key").value;
    localStorage.setItem("hadath.analyst", analyst);
    sessionStorage.setItem("hadath.key", key);
    const body = { event_id: e.id, analyst };
    if ($("#fix-wrong").checked) body.wrong = true;
    if ($("#fix-type").value !== e.type) body.type = $("#fix-type").value;
    if ($("#fix-mode").value !== (e.mode || "")) body.mode = $("#fix-mode").value || null;
    body.status = $("#fix-status").value;
    for (const side of ["source", "target"]) {
      const change = actorChange(side, e[side]);
      if (change !== undefined && !(change === null && !e[side])) body[side] = change;
    }
    const note = $("#fix-note").value.trim();
    if (note) body.note = note;
    message.className = "small";
    message.textContent = "Saving…";
    $("#provenance").dataset.state = "saving";
    try {
      const data = await api("/v1/corrections", { method: "POST", headers: { "Content-Type": "application/json", "X-API-Key": key }, body: JSON.stringify(body) });
      renderProvenance(data);
      $("#provenance").dataset.state = "ready";
      $("#prov-corrected").append(el("span", { class: "ok", id: "fix-saved", text: " · saved" }));
      await loadEvents(false);
    } catch (err) {
      $("#provenance").dataset.state = "ready";
      message.className = "small error";
      message.textContent = err.message;
    }
  }

  // ---- paste an article --------------------------------------------------------------------------------------

  async function runPaste(ev) {
    ev.preventDefault();
    const text = $("#paste-text").value;
    const error = $("#paste-error");
    error.hidden = true;
    const payload = { text };
    const date = $("#paste-date").value;
    const id = $("#paste-id").value.trim();
    if (date) payload.date = date;
    if (id) payload.id = id;
    const results = $("#paste-events");
    results.dataset.state = "loading";
    results.replaceChildren(el("p", { class: "muted", text: "Extracting…" }));
    try {
      const record = await api("/v1/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
      state.pasteText = text;
      renderRecord(record, text);
      results.dataset.state = "ready";
    } catch (err) {
      results.replaceChildren();
      results.dataset.state = "error";
      error.textContent = err.message;
      error.hidden = false;
    }
  }

  function renderRecord(record, text) {
    const results = $("#paste-events");
    results.replaceChildren();
    const n = record.events.length;
    const agency = record.reported_by ? ` · cites ${record.reported_by.name || record.reported_by.text}` : "";
    $("#paste-summary").textContent = `${n} event${n === 1 ? "" : "s"} · ${record.entities.length} entities · date ${record.date || "unknown"}${agency}`;
    if (!n) results.append(el("p", { class: "muted", text: "No factual event was found in this text." }));
    else results.append($("#legend-kinds").content.cloneNode(true));
    const chars = Array.from(text);
    record.events.forEach((e, i) => {
      const sentence = chars.slice(e.sentence.start, e.sentence.end).join("");
      const spans = contractSpans(e);
      const inSentence = spans.filter((s) => s.start >= e.sentence.start && s.end <= e.sentence.end);
      const card = el("article", { class: "event-card", "data-id": e.id, "data-type": e.type },
        el("h3", { text: `${i + 1}. ${e.type}${e.mode ? " · " + e.mode : ""} · CAMEO ${e.cameo} — ${actorLabel(e.source)} → ${actorLabel(e.target) || "—"}` }),
        sentenceBlock(sentence, e.sentence.start, inSentence, null),
        spansTable(spans, e, e.sentence));
      results.append(card);
    });
  }

  // ---- loading -----------------------------------------------------------------------------------------------

  async function refresh(save = true) {
    const params = filterParams();
    const error = $("#filter-error");
    error.hidden = true;
    document.body.dataset.state = "loading";
    if (save) saveView();
    updateExportLink();
    const tl = new URLSearchParams(params);
    tl.set("interval", timelineInterval());
    tl.set("by", $("#by").value);
    const ev = eventParams();
    try {
      const [timeline, dyads, events, places] = await Promise.all([
        api("/v1/timeline?" + tl), api("/v1/dyads?" + params), api("/v1/events?" + ev), api("/v1/places?" + params),
      ]);
      state.timeline = timeline;
      state.dyads = dyads;
      state.places = places;
      state.events = events.items;
      state.total = events.total;
      renderTimeline(timeline);
      renderNetwork(dyads);
      renderTable();
      await renderMap(places); // after the rest: the boundaries load once, on first showing the map
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
    document.body.dataset.state = "ready";
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
  }

  async function refreshTimeline() {
    saveView();
    const tl = filterParams();
    tl.set("interval", timelineInterval());
    tl.set("by", $("#by").value);
    try {
      state.timeline = await api("/v1/timeline?" + tl);
      renderTimeline(state.timeline);
    } catch (err) {
      $("#filter-error").textContent = err.message;
      $("#filter-error").hidden = false;
    }
  }

  function showTab(which) {
    for (const name of ["events", "paste"]) {
      $("#tab-" + name).setAttribute("aria-selected", String(name === which));
      $("#panel-" + name).hidden = name !== which;
    }
  }

  function openFromHash() {
    const match = /^#event=(.+)$/.exec(location.hash);
    if (match) openEvent(decodeURIComponent(match[1]));
    const actor = /^#actor=(.+)$/.exec(location.hash);
    if (actor) openActor(decodeURIComponent(actor[1]));
  }

  async function init() {
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; refresh(); });
    $("#reset").addEventListener("click", () => {
      $$("#filters input[type=checkbox]").forEach((c) => { c.checked = false; });
      for (const id of [...FIELD_FILTERS, "country-search"]) $("#" + id).value = "";
      $$("#country-list label").forEach((l) => { l.hidden = false; });
      state.offset = 0;
      state.sort = { key: "date", dir: -1 };
      refresh();
    });
    $("#view-network").addEventListener("click", () => showView("network"));
    $("#view-map").addEventListener("click", () => showView("map"));
    $("#page-prev").addEventListener("click", () => turnPage(-1));
    $("#page-next").addEventListener("click", () => turnPage(1));
    $("#export-format").addEventListener("change", updateExportLink);
    window.addEventListener("popstate", () => { restoreView(); refresh(false); });
    $("#country-search").addEventListener("input", (e) => {
      const needle = e.target.value.trim().toLowerCase();
      $$("#country-list label").forEach((l) => { l.hidden = needle && !l.title.toLowerCase().includes(needle) && !l.dataset.code.toLowerCase().includes(needle); });
    });
    $("#interval").addEventListener("change", refreshTimeline);
    $("#by").addEventListener("change", refreshTimeline);
    $$("#events-table th").forEach((th) => th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.sort)));
    $("#prov-close").addEventListener("click", closeDrawer);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#provenance").hidden) closeDrawer(); });
    $("#tab-events").addEventListener("click", () => showTab("events"));
    $("#tab-paste").addEventListener("click", () => showTab("paste"));
    $("#paste-form").addEventListener("submit", runPaste);
    window.addEventListener("hashchange", openFromHash);
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        if (state.timeline) renderTimeline(state.timeline);
        if (state.dyads) renderNetwork(state.dyads);
      }, 150);
    });
    try {
      const [codes, health, countries] = await Promise.all([
        api("/v1/codes"), api("/v1/health"), api("/v1/actors?group=country&limit=1000"),
      ]);
      state.codes = codes;
      state.writable = health.accepts_documents;
      const c = health.counts;
      $("#store-counts").textContent = `${health.store}: ${c.events} events from ${c.reports} reports in ${c.documents} documents`;
      renderCountryList(countries.items.filter((r) => !PLACEHOLDER.has(r.code)));
      renderCodeOptions(countries.items.filter((r) => !PLACEHOLDER.has(r.code)));
      renderTypeList(codes.types);
      renderTopics(codes.topics);
      renderSelects(codes);
    } catch (err) {
      $("#filter-error").textContent = err.message;
      $("#filter-error").hidden = false;
    }
    restoreView();
    await refresh(false);
    openFromHash();
  }

  document.addEventListener("DOMContentLoaded", init);
})();
