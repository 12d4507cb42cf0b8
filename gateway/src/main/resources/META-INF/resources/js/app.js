// Live dashboard of the solar energy trading platform: REST calls to the gateway and its
// WebSocket at /ws. No build step; Chart.js comes from the gateway's webjar.
(() => {
  "use strict";

  const SLOT_MINUTES = 15;
  const CHAIN_RELOAD_MS = 2000;
  const SUMMARY_RELOAD_MS = 1000;
  const WALLETS_KEY = "solarmarket.wallets";
  const ACTIVE_KEY = "solarmarket.active-wallet";
  const $ = (selector) => document.querySelector(selector);

  const state = {
    market: null,
    openMarkets: [],
    marketChosen: false,
    books: new Map(),
    trades: new Map(),
    orders: new Map(),
    socket: null,
    reconnectDelay: 1000,
    forecastChart: null,
    depthChart: null,
  };

  // ---- Wallets kept in this browser ------------------------------------------------------
  function wallets() {
    try {
      return JSON.parse(localStorage.getItem(WALLETS_KEY) || "{}");
    } catch (e) {
      return {};
    }
  }
  function saveWallet(userId, token) {
    const all = wallets();
    all[userId] = token;
    localStorage.setItem(WALLETS_KEY, JSON.stringify(all));
    localStorage.setItem(ACTIVE_KEY, userId);
    renderWalletSelect();
  }
  function activeWallet() {
    const userId = localStorage.getItem(ACTIVE_KEY);
    const token = wallets()[userId];
    return token ? { userId, token } : null;
  }

  // ---- REST ------------------------------------------------------------------------------
  async function api(method, path, body, token) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const detail = json && (json.detail || json.message) ? json.detail || json.message : response.status + " " + response.statusText;
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  const MAX_TOASTS = 4;

  function toast(message, isError) {
    const element = document.createElement("div");
    element.className = "toast" + (isError ? " error" : "");
    element.textContent = message;
    const box = $("#toasts");
    box.appendChild(element);
    // A replay mines several blocks a second, so only the newest few notices stay on screen.
    while (box.children.length > MAX_TOASTS) box.firstElementChild.remove();
    setTimeout(() => element.remove(), isError ? 7000 : 4000);
  }

  // ---- Formatting -------------------------------------------------------------------------
  function text(value) {
    return value === null || value === undefined ? "–" : String(value);
  }
  function timeOf(iso) {
    if (!iso) return "–";
    const date = new Date(iso);
    return isNaN(date) ? String(iso) : date.toISOString().substring(11, 19);
  }
  function cell(row, value) {
    const td = document.createElement("td");
    td.textContent = text(value);
    row.appendChild(td);
    return td;
  }
  function marketLabel(market) {
    return market.replace("T", " ").replace(":00Z", " UTC");
  }
  function nextSlots(count) {
    const slotMillis = SLOT_MINUTES * 60 * 1000;
    const first = Math.floor(Date.now() / slotMillis) * slotMillis + slotMillis;
    const slots = [];
    for (let i = 0; i < count; i++) slots.push(new Date(first + i * slotMillis).toISOString().replace(".000Z", "Z"));
    return slots;
  }

  // ---- Forecast chart ---------------------------------------------------------------------
  // forecast-service returns parallel arrays or a list of points. Both shapes are read, and the
  // series are found by name (p10, p50, p90, clear sky).
  function normaliseForecast(forecast) {
    if (!forecast || typeof forecast !== "object") return null;
    const points = ["points", "forecast", "series", "values", "intervals"].map((k) => forecast[k]).find((v) => Array.isArray(v) && v.length && typeof v[0] === "object");
    const pick = (keys, pattern) => keys.find((k) => pattern.test(k));
    if (points) {
      const keys = Object.keys(points[0]);
      const timeKey = pick(keys, /^(timestamp|time|t|at|start)/i);
      const series = { p10: pick(keys, /p10/i), p50: pick(keys, /p50/i), p90: pick(keys, /p90/i), clear: pick(keys, /clear/i) };
      return {
        labels: points.map((p) => p[timeKey]),
        p10: points.map((p) => Number(p[series.p10])), p50: points.map((p) => Number(p[series.p50])),
        p90: points.map((p) => Number(p[series.p90])), clear: series.clear ? points.map((p) => Number(p[series.clear])) : [],
        unit: /_w$/i.test(series.p50 || "") ? "W" : "kW",
      };
    }
    const keys = Object.keys(forecast).filter((k) => Array.isArray(forecast[k]));
    const timeKey = pick(keys, /^(timestamps|times|time)/i);
    const p50Key = pick(keys, /p50/i);
    if (!timeKey || !p50Key) return null;
    const series = (pattern) => { const key = pick(keys, pattern); return key ? forecast[key].map(Number) : []; };
    return {
      labels: forecast[timeKey], p10: series(/p10/i), p50: series(/p50/i), p90: series(/p90/i), clear: series(/clear/i),
      unit: /_w$/i.test(p50Key) ? "W" : "kW",
    };
  }

  function showForecast(forecast) {
    const series = normaliseForecast(forecast);
    if (!series) {
      $("#forecast-note").textContent = "Forecast unavailable.";
      return;
    }
    const labels = series.labels.map((t) => { const d = new Date(t); return isNaN(d) ? t : d.toISOString().substring(5, 16).replace("T", " "); });
    const datasets = [
      { label: "P90", data: series.p90, borderColor: "rgba(255,176,32,.5)", backgroundColor: "rgba(255,176,32,.22)", fill: "+1", pointRadius: 0, borderWidth: 1 },
      { label: "P10", data: series.p10, borderColor: "rgba(255,176,32,.5)", pointRadius: 0, borderWidth: 1, fill: false },
      { label: "P50", data: series.p50, borderColor: "#ffb020", pointRadius: 0, borderWidth: 2.5, fill: false },
      { label: "Clear sky", data: series.clear, borderColor: "#7fb8ff", borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5, fill: false },
    ];
    if (!window.Chart) return;
    if (!state.forecastChart) {
      state.forecastChart = new Chart($("#forecast-chart"), {
        type: "line",
        data: { labels, datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false, interaction: { mode: "index", intersect: false },
          scales: { x: { ticks: { color: "#9fb3c8", maxTicksLimit: 8 } }, y: { beginAtZero: true, ticks: { color: "#9fb3c8" }, title: { display: true, text: "Power [" + series.unit + "]", color: "#9fb3c8" } } },
          plugins: { legend: { labels: { color: "#e8eef6" } } },
        },
      });
    } else {
      state.forecastChart.data.labels = labels;
      state.forecastChart.data.datasets.forEach((dataset, i) => { dataset.data = datasets[i].data; });
      state.forecastChart.update();
    }
    const peak = Math.max(...series.p50.filter((v) => !isNaN(v)));
    $("#forecast-note").textContent = series.labels.length + " steps from " + timeOf(series.labels[0]) + " UTC; P50 peak " + (isFinite(peak) ? peak.toFixed(2) : "–") + " " + series.unit + ". The band spans P10 to P90.";
  }

  // ---- Order book and trades --------------------------------------------------------------
  function renderBook() {
    const book = state.books.get(state.market) || { bids: [], asks: [] };
    for (const side of ["bids", "asks"]) {
      const body = $("#" + side + " tbody");
      body.replaceChildren();
      (book[side] || []).slice(0, 10).forEach((level) => {
        const row = document.createElement("tr");
        cell(row, level.price); cell(row, level.quantity); cell(row, level.orders);
        body.appendChild(row);
      });
    }
    renderDepth(book);
  }

  function cumulative(levels) {
    let total = 0;
    return (levels || []).map((level) => { total += Number(level.quantity); return { x: Number(level.price), y: total }; });
  }

  function renderDepth(book) {
    if (!window.Chart) return;
    const bids = cumulative(book.bids);
    const asks = cumulative(book.asks);
    if (!state.depthChart) {
      state.depthChart = new Chart($("#depth-chart"), {
        type: "line",
        data: { datasets: [
          { label: "Bids", data: bids, stepped: true, borderColor: "#3ccf91", backgroundColor: "rgba(60,207,145,.2)", fill: true, pointRadius: 0 },
          { label: "Asks", data: asks, stepped: true, borderColor: "#ff6b6b", backgroundColor: "rgba(255,107,107,.2)", fill: true, pointRadius: 0 },
        ] },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
          scales: { x: { type: "linear", title: { display: true, text: "Price [credits/kWh]", color: "#9fb3c8" }, ticks: { color: "#9fb3c8" } },
                    y: { beginAtZero: true, title: { display: true, text: "Cumulative kWh", color: "#9fb3c8" }, ticks: { color: "#9fb3c8" } } },
          plugins: { legend: { labels: { color: "#e8eef6" } } },
        },
      });
    } else {
      state.depthChart.data.datasets[0].data = bids;
      state.depthChart.data.datasets[1].data = asks;
      state.depthChart.update();
    }
  }

  function renderTrades() {
    const body = $("#trades tbody");
    const trades = state.trades.get(state.market) || [];
    const shown = new Set([...body.querySelectorAll("tr")].map((row) => row.dataset.trade));
    body.replaceChildren();
    trades.slice(0, 30).forEach((trade) => {
      const row = document.createElement("tr");
      row.dataset.trade = trade.trade_id;
      if (!shown.has(trade.trade_id)) row.classList.add("fresh");
      cell(row, timeOf(trade.executed_at)); cell(row, trade.price); cell(row, trade.quantity);
      body.appendChild(row);
    });
    if (!trades.length) {
      const row = document.createElement("tr");
      const td = cell(row, "No trades yet in this market.");
      td.colSpan = 3;
      td.className = "muted";
      body.appendChild(row);
    }
  }

  async function loadSummary() {
    try {
      const summary = await api("GET", "/book/summary?market=" + encodeURIComponent(state.market));
      const parts = [];
      if (summary.best_bid !== undefined) parts.push("best bid " + text(summary.best_bid));
      if (summary.best_ask !== undefined) parts.push("best ask " + text(summary.best_ask));
      if (summary.spread !== undefined) parts.push("spread " + text(summary.spread));
      if (summary.last_price !== undefined) parts.push("last " + text(summary.last_price));
      if (summary.liquidity_note || summary.liquidity) parts.push(summary.liquidity_note || summary.liquidity);
      $("#book-summary").textContent = parts.join(" · ");
    } catch (e) {
      $("#book-summary").textContent = "Summary unavailable: " + e.message;
    }
  }

  async function selectMarket(market) {
    state.market = market;
    $("#market-select").value = market;
    renderBook();
    renderTrades();
    loadSummary();
    try {
      const book = await api("GET", "/book?market=" + encodeURIComponent(market));
      if (!state.books.has(market) || state.books.get(market).fromRest) {
        book.fromRest = true;
        state.books.set(market, book);
        renderBook();
      }
    } catch (e) { /* the book follows on the next market update */ }
    try {
      const trades = await api("GET", "/trades?limit=30&market=" + encodeURIComponent(market));
      const list = Array.isArray(trades) ? trades : trades.trades || [];
      if (!state.trades.has(market) && list.length) {
        state.trades.set(market, list);
        renderTrades();
      }
    } catch (e) { /* recent trades follow on the next market update */ }
  }

  // The open markets come from the platform, because its clock may be a replay of history. The
  // browser's own clock is only the fallback when the list cannot be fetched.
  async function refreshMarkets() {
    try {
      const markets = await api("GET", "/markets");
      const list = (Array.isArray(markets) ? markets : markets.markets || []).map((m) => m.market || m);
      if (!list.length) return;
      state.openMarkets = list;
      fillMarketSelects();
      if (!state.marketChosen && state.market && !list.includes(state.market)) selectMarket(list[0]);
    } catch (e) { /* keep the previous list until the next refresh */ }
  }

  function fillMarketSelects(extra) {
    const slots = state.openMarkets && state.openMarkets.length ? state.openMarkets.slice(0, 96) : nextSlots(96);
    if (extra && !slots.includes(extra)) slots.unshift(extra);
    for (const id of ["#market-select", "#order-market"]) {
      const select = $(id);
      const current = select.value;
      select.replaceChildren(...slots.map((slot) => new Option(marketLabel(slot), slot)));
      if (current && slots.includes(current)) select.value = current;
    }
  }

  // ---- Wallet -----------------------------------------------------------------------------
  function renderWalletSelect() {
    const select = $("#active-wallet");
    const names = Object.keys(wallets());
    select.replaceChildren(...names.map((name) => new Option(name, name)));
    const active = activeWallet();
    if (active) select.value = active.userId;
    if (!names.length) select.replaceChildren(new Option("No wallet yet", ""));
    refreshWallet();
    subscribeActive();
  }

  function balanceText(balance) {
    if (balance === null || balance === undefined) return "–";
    if (typeof balance !== "object") return String(balance);
    return text(balance.available) + " free · " + text(balance.reserved) + " reserved";
  }

  async function refreshWallet() {
    const list = $("#balances");
    const active = activeWallet();
    list.replaceChildren();
    if (!active) return;
    try {
      const wallet = await api("GET", "/wallet/" + encodeURIComponent(active.userId), undefined, active.token);
      const balances = wallet.balances || { credits: wallet.credits, energy_kwh: wallet.energy_kwh };
      const rows = [["Credits", balanceText(balances.credits)], ["Energy [kWh]", balanceText(balances.energy_kwh)]];
      const keys = wallet.public_keys ? Object.keys(wallet.public_keys) : [];
      rows.push(["Public keys", keys.join(", ") || "–"]);
      for (const [name, value] of rows) {
        const dt = document.createElement("dt"); dt.textContent = name;
        const dd = document.createElement("dd"); dd.textContent = value;
        list.append(dt, dd);
      }
      (wallet.open_orders || []).forEach((order) => rememberOrder(order));
      renderOrders();
    } catch (e) {
      toast("Wallet " + active.userId + ": " + e.message, true);
    }
  }

  // ---- Orders -----------------------------------------------------------------------------
  function rememberOrder(order) {
    if (!order || !order.order_id) return;
    const known = state.orders.get(order.order_id) || {};
    state.orders.set(order.order_id, Object.assign(known, order));
  }

  function renderOrders() {
    const list = $("#my-orders");
    const active = activeWallet();
    list.replaceChildren();
    const mine = [...state.orders.values()].filter((order) => !active || (order.account_id || order.user_id) === active.userId);
    mine.slice(-30).reverse().forEach((order) => {
      const item = document.createElement("li");
      const label = document.createElement("span");
      label.innerHTML = "";
      const side = document.createElement("strong");
      side.className = "side-" + order.side;
      side.textContent = text(order.side);
      label.append(side, " " + text(order.quantity) + " kWh @ " + text(order.price) + " · " + text(order.status) + " · " + marketLabel(order.market || ""));
      item.appendChild(label);
      if (!["filled", "cancelled", "rejected", "expired", "cancel_requested"].includes(order.status)) {
        const cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "secondary";
        cancel.textContent = "Cancel";
        cancel.addEventListener("click", () => cancelOrder(order));
        item.appendChild(cancel);
      }
      list.appendChild(item);
    });
  }

  async function cancelOrder(order) {
    const active = activeWallet();
    if (!active) return;
    try {
      await api("DELETE", "/order/" + encodeURIComponent(order.order_id) + "?market=" + encodeURIComponent(order.market), undefined, active.token);
      order.status = "cancel_requested";
      renderOrders();
      toast("Cancel requested for " + order.order_id.substring(0, 8));
    } catch (e) {
      toast("Cancel failed: " + e.message, true);
    }
  }

  async function placeOrder(event) {
    event.preventDefault();
    const active = activeWallet();
    if (!active) { toast("Create or add a wallet first.", true); return; }
    const body = {
      user_id: active.userId, side: $("#order-side").value, price: $("#order-price").value.trim(),
      quantity: $("#order-quantity").value.trim(), market: $("#order-market").value, time_in_force: $("#order-tif").value,
    };
    const button = $("#place-order");
    button.disabled = true;
    try {
      const accepted = await api("POST", "/order", body, active.token);
      rememberOrder(Object.assign({ account_id: active.userId }, body, accepted));
      renderOrders();
      toast("Order " + accepted.order_id.substring(0, 8) + " sent to " + marketLabel(accepted.market));
    } catch (e) {
      toast("Order rejected: " + e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function showFill(fill) {
    const item = document.createElement("li");
    const active = activeWallet();
    const side = active && fill.buyer_id === active.userId ? "bought" : "sold";
    item.textContent = timeOf(fill.executed_at) + " " + side + " " + text(fill.quantity) + " kWh @ " + text(fill.price);
    $("#my-fills").prepend(item);
  }

  // ---- Chain and statistics ---------------------------------------------------------------
  // The last blocks and the ledger's running validation come from GET /chain, which costs the
  // ledger nothing per call. GET /chain/full returns every block and validates the stored file
  // afresh, so it runs only when the user asks for that check.
  async function loadChain() {
    try {
      const chain = await api("GET", "/chain");
      showValidation(chain.validation, chain.length, "in memory");
      const blocks = (chain.blocks || []).slice().reverse();
      $("#blocks").replaceChildren(...blocks.map(blockElement));
    } catch (e) {
      $("#chain-validation").textContent = "Chain unavailable: " + e.message;
    }
  }

  async function checkStoredChain() {
    const button = $("#check-chain");
    button.disabled = true;
    $("#chain-validation").textContent = "Checking the stored chain…";
    try {
      const chain = await api("GET", "/chain/full");
      showValidation(chain.validation, chain.length, "stored file");
    } catch (e) {
      $("#chain-validation").textContent = "Stored chain check failed: " + e.message;
    } finally {
      button.disabled = false;
    }
  }

  function showValidation(validation, length, scope) {
    const note = $("#chain-validation");
    if (!validation) {
      note.textContent = text(length) + " blocks; no validation reported";
      return;
    }
    const valid = validation.valid === true;
    const badge = document.createElement("span");
    badge.className = "badge " + (valid ? "ok" : "bad");
    badge.textContent = valid ? "valid" : "INVALID";
    note.replaceChildren(badge, " " + text(length) + " blocks, " + text(validation.blocks_checked) + " checked ("
      + scope + ")"
      + (validation.transactions_checked !== undefined ? ", " + validation.transactions_checked + " transactions" : "")
      + (validation.error ? " · first problem: " + JSON.stringify(validation.error) : ""));
  }

  // The summary line (spread, liquidity) comes from REST. It follows the live book, reloaded at
  // most once per interval while updates arrive.
  let summaryReload = null;
  function scheduleSummaryReload() {
    if (summaryReload) return;
    summaryReload = setTimeout(() => { summaryReload = null; loadSummary(); }, SUMMARY_RELOAD_MS);
  }

  // Blocks may come several times a second; the chain panel reloads at most once per interval.
  let chainReload = null;
  function scheduleChainReload() {
    if (chainReload) return;
    chainReload = setTimeout(() => { chainReload = null; loadChain(); }, CHAIN_RELOAD_MS);
  }

  function blockElement(block) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    const transactions = block.transactions || [];
    summary.textContent = "#" + block.index + " · " + text(block.hash).substring(0, 16) + "… · " + transactions.length + " tx · " + timeOf(block.timestamp);
    details.appendChild(summary);
    const meta = document.createElement("p");
    meta.className = "muted";
    meta.textContent = "previous " + text(block.previous_hash).substring(0, 16) + "… · merkle root " + text(block.merkle_root).substring(0, 16) + "… · nonce " + text(block.nonce);
    details.appendChild(meta);
    if (transactions.length) {
      const wrap = document.createElement("div");
      wrap.className = "tx";
      const table = document.createElement("table");
      const head = document.createElement("tr");
      for (const name of ["Id", "Kind", "From", "To", "Amount"]) { const th = document.createElement("th"); th.textContent = name; head.appendChild(th); }
      table.appendChild(head);
      transactions.forEach((tx) => {
        const row = document.createElement("tr");
        cell(row, text(tx.id).substring(0, 12)); cell(row, tx.kind); cell(row, tx.sender); cell(row, tx.recipient); cell(row, tx.amount);
        table.appendChild(row);
      });
      wrap.appendChild(table);
      details.appendChild(wrap);
    }
    return details;
  }

  async function loadStats() {
    try {
      const stats = await api("GET", "/stats");
      const grid = $("#stats-grid");
      grid.replaceChildren();
      for (const section of ["trading", "ledger", "forecast", "gateway"]) {
        const values = stats[section];
        const card = document.createElement("div");
        card.className = "stat";
        const title = document.createElement("h4");
        title.textContent = section;
        card.appendChild(title);
        const list = document.createElement("dl");
        if (values && typeof values === "object") {
          for (const [name, value] of Object.entries(values)) {
            if (value !== null && typeof value === "object") continue;
            const dt = document.createElement("dt"); dt.textContent = name.replaceAll("_", " ");
            const dd = document.createElement("dd"); dd.textContent = text(value);
            list.append(dt, dd);
          }
        } else {
          const dt = document.createElement("dt"); dt.textContent = "unavailable";
          list.append(dt, document.createElement("dd"));
        }
        card.appendChild(list);
        grid.appendChild(card);
      }
    } catch (e) {
      $("#stats-grid").textContent = "Statistics unavailable: " + e.message;
    }
  }

  // ---- WebSocket --------------------------------------------------------------------------
  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + "/ws");
    state.socket = socket;
    socket.addEventListener("open", () => {
      state.reconnectDelay = 1000;
      setStatus(true);
      subscribeActive();
    });
    socket.addEventListener("close", () => {
      setStatus(false);
      setTimeout(connect, state.reconnectDelay);
      state.reconnectDelay = Math.min(state.reconnectDelay * 2, 15000);
    });
    socket.addEventListener("message", (message) => {
      let envelope;
      try { envelope = JSON.parse(message.data); } catch (e) { return; }
      handle(envelope.event, envelope.data || {});
    });
  }

  function send(event, data) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify({ event, data }));
  }

  function subscribeActive() {
    const active = activeWallet();
    if (active) send("subscribe", { user_id: active.userId, api_token: active.token });
  }

  function setStatus(online) {
    const status = $("#ws-status");
    status.textContent = online ? "live" : "offline";
    status.className = "status " + (online ? "status-on" : "status-off");
  }

  function handle(event, data) {
    switch (event) {
      case "initial_state":
        fillMarketSelects(data.market);
        if (data.book) state.books.set(data.market, data.book);
        if (data.recent_trades && data.recent_trades.length) state.trades.set(data.market, data.recent_trades);
        if (data.forecast) showForecast(data.forecast);
        else $("#forecast-note").textContent = "Forecast unavailable right now.";
        if (!state.market) selectMarket(data.market);
        else { renderBook(); renderTrades(); }
        break;
      case "market_update":
        if (data.bids || data.asks) state.books.set(data.market, data);
        if (data.recent_trades) state.trades.set(data.market, data.recent_trades);
        if (data.market === state.market) { renderBook(); renderTrades(); scheduleSummaryReload(); }
        break;
      case "forecast_update":
        showForecast(data.forecast);
        break;
      case "fill":
        showFill(data);
        refreshWallet();
        break;
      case "order_update":
        rememberOrder(data);
        renderOrders();
        if (data.status === "rejected") toast("Order " + text(data.order_id).substring(0, 8) + " rejected: " + text(data.message || data.reason_code), true);
        break;
      case "block":
        toast("Block #" + data.index + " mined with " + (data.transaction_ids || []).length + " transactions");
        scheduleChainReload();
        break;
      case "error":
        toast("Live connection: " + data.message, true);
        break;
      default:
        break;
    }
  }

  // ---- Start ------------------------------------------------------------------------------
  function start() {
    fillMarketSelects();
    $("#market-select").addEventListener("change", (e) => {
      state.marketChosen = true;
      selectMarket(e.target.value);
    });
    $("#order-form").addEventListener("submit", placeOrder);
    $("#forecast-form").addEventListener("submit", (e) => {
      e.preventDefault();
      send("request_forecast", { hours: Number($("#forecast-hours").value), interval_minutes: Number($("#forecast-interval").value) });
    });

    $("#wallet-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const userId = $("#wallet-user").value.trim();
      try {
        const wallet = await api("POST", "/wallet", { user_id: userId });
        saveWallet(wallet.user_id, wallet.api_token);
        $("#new-token-value").textContent = wallet.api_token;
        $("#new-token").hidden = false;
        $("#wallet-user").value = "";
        toast("Wallet " + wallet.user_id + " created");
      } catch (error) {
        toast("Wallet not created: " + error.message, true);
      }
    });
    $("#login-form").addEventListener("submit", (e) => {
      e.preventDefault();
      saveWallet($("#login-user").value.trim(), $("#login-token").value.trim());
    });
    $("#active-wallet").addEventListener("change", (e) => {
      localStorage.setItem(ACTIVE_KEY, e.target.value);
      $("#new-token").hidden = true;
      renderWalletSelect();
      renderOrders();
    });
    $("#refresh-wallet").addEventListener("click", refreshWallet);
    $("#forget-wallet").addEventListener("click", () => {
      const active = activeWallet();
      if (!active) return;
      const all = wallets();
      delete all[active.userId];
      localStorage.setItem(WALLETS_KEY, JSON.stringify(all));
      localStorage.setItem(ACTIVE_KEY, Object.keys(all)[0] || "");
      renderWalletSelect();
    });

    $("#refresh-chain").addEventListener("click", loadChain);
    $("#check-chain").addEventListener("click", checkStoredChain);
    $("#refresh-stats").addEventListener("click", loadStats);

    renderWalletSelect();
    renderTrades();
    connect();
    loadChain();
    loadStats();
    setInterval(loadStats, 30000);
    refreshMarkets();
    setInterval(refreshMarkets, 5000);

    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js").catch(() => { /* the dashboard works without it */ });
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
